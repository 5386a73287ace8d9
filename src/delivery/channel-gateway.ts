import type { ChannelLink } from "../app/ports/channel-link";
import type { OutboundCard } from "../app/views/view-models";

/**
 * Sends rendered cards to one platform. Implemented per channel (TeamsGateway,
 * SlackGateway); the outbox dispatcher is the only caller. Implementations render the
 * card for their platform and throw {@link DeliveryError} on failure.
 */
export interface ChannelGateway {
  /** Posts a new message; returns the platform's message id (Teams activity id, Slack ts). */
  post(link: ChannelLink, card: OutboundCard): Promise<string>;
  /** Replaces a message posted earlier, in place. */
  update(link: ChannelLink, platformMessageId: string, card: OutboundCard): Promise<void>;
  /**
   * Sends a personal message to one person on the link's platform (a Teams personal chat with
   * the bot, a Slack DM), using the link for the service, tenant and workspace. Returns the message id.
   */
  postDirect(link: ChannelLink, platformUserId: string, card: OutboundCard): Promise<string>;
}

/** A failed send. `retryAfterMs` carries a 429's Retry-After; `permanent` stops retries. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    /** Honour the platform's Retry-After before trying this channel again. */
    public readonly retryAfterMs: number | null = null,
    /** True for failures a retry cannot fix (e.g. channel deleted, 403). */
    public readonly permanent = false,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}
