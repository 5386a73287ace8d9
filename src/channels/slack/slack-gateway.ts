import { ErrorCode, LogLevel, WebClient, type WebClientOptions } from "@slack/web-api";
import type { ChannelLink } from "../../app/ports/channel-link";
import type { OutboundCard } from "../../app/views/view-models";
import { slackMessageFor } from "../../cards/slack/outbound-card.blocks";
import { type ChannelGateway, DeliveryError } from "../../delivery/channel-gateway";
import type { Config } from "../../config/config";

/**
 * Slack errors a retry cannot fix: the channel is gone or the bot is not in it, the token is
 * dead, a scope is missing, or Slack refused the message itself. Everything else (5xx,
 * network, `ratelimited`, `internal_error`) is retried by the dispatcher.
 */
const PERMANENT = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "channel_is_archived",
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "missing_scope",
  "no_permission",
  "restricted_action",
  "team_access_not_granted",
  "ekm_access_denied",
  "invalid_blocks",
  "invalid_blocks_format",
  "msg_too_long",
  "no_text",
  "message_not_found",
  "cant_update_message",
  "edit_window_closed",
]);

/** Web API options shared by the gateway and the Bolt app: one base URL, no hidden retries. */
export function slackClientOptions(config: Pick<Config, "SLACK_API_URL">): WebClientOptions {
  return {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL.endsWith("/") ? config.SLACK_API_URL : `${config.SLACK_API_URL}/` } : {}),
    // The outbox dispatcher owns retries and Retry-After (per channel, durable, with backoff);
    // a WebClient retrying inside a send would hold the lease and hide 429s from it.
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
    logLevel: LogLevel.ERROR,
  };
}

/** The channel id a link posts to: from the ref stored at link time, else the conversation id. */
export function slackChannelOf(link: ChannelLink): string {
  try {
    const ref = JSON.parse(link.conversationRef) as { channelId?: unknown };
    if (typeof ref.channelId === "string" && ref.channelId) return ref.channelId;
  } catch {
    // An unparseable ref still has the conversation id to fall back on.
  }
  return link.conversationId;
}

/** Maps a WebClient failure to a DeliveryError the dispatcher understands. */
export function toDeliveryError(err: unknown): DeliveryError {
  const e = err as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; message?: string };
  if (e.code === ErrorCode.RateLimitedError) {
    return new DeliveryError("slack rate limited", Math.max(1, e.retryAfter ?? 1) * 1000, false);
  }
  if (e.code === ErrorCode.PlatformError) {
    const code = e.data?.error ?? "unknown_error";
    if (code === "ratelimited" || code === "rate_limited") return new DeliveryError(`slack ${code}`, 1000, false);
    return new DeliveryError(`slack ${code}`, null, PERMANENT.has(code));
  }
  if (e.code === ErrorCode.HTTPError) {
    const status = e.statusCode ?? 0;
    return new DeliveryError(`slack http ${status}`, null, status === 401 || status === 403 || status === 404 || status === 410);
  }
  return new DeliveryError(`slack request failed: ${e.message ?? "unknown"}`, null, false);
}

/**
 * Posts and updates Convene's messages in Slack: chat.postMessage returns the message's ts
 * (stored by the dispatcher as the platform message id) and chat.update replaces that
 * message in place when the roster changes.
 */
export class SlackGateway implements ChannelGateway {
  constructor(private readonly client: WebClient) {}

  /** Posts a card; returns its `ts`. */
  post(link: ChannelLink, card: OutboundCard): Promise<string> {
    return this.postTo(slackChannelOf(link), card);
  }

  /** A direct message from the bot to one person (Slack opens the DM for a user id). Returns its `ts`. */
  postDirect(_link: ChannelLink, userId: string, card: OutboundCard): Promise<string> {
    return this.postTo(userId, card);
  }

  private async postTo(channel: string, card: OutboundCard): Promise<string> {
    const message = slackMessageFor(card);
    try {
      const r = await this.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
      if (!r.ts) throw new DeliveryError("slack chat.postMessage returned no ts");
      return r.ts;
    } catch (err) {
      if (err instanceof DeliveryError) throw err;
      throw toDeliveryError(err);
    }
  }

  /** Replaces the message with `ts` in place. */
  async update(link: ChannelLink, ts: string, card: OutboundCard): Promise<void> {
    const message = slackMessageFor(card);
    try {
      await this.client.chat.update({ channel: slackChannelOf(link), ts, text: message.text, blocks: message.blocks });
    } catch (err) {
      throw toDeliveryError(err);
    }
  }
}

/** The Slack gateway for the dispatcher, or null when Slack is not configured. */
export function createSlackGateway(ctx: { config: Config }): SlackGateway | null {
  if (!ctx.config.slackEnabled || !ctx.config.SLACK_BOT_TOKEN) return null;
  return new SlackGateway(new WebClient(ctx.config.SLACK_BOT_TOKEN, slackClientOptions(ctx.config)));
}
