import { CardFactory, MessageFactory, TurnContext, type CloudAdapter, type ConversationParameters, type ConversationReference } from "botbuilder";
import type { ChannelLink } from "../../app/ports/channel-link";
import type { OutboundCard } from "../../app/views/view-models";
import { renderOutboundAdaptiveCard } from "../../cards/outbound.card";
import { DeliveryError, type ChannelGateway } from "../../delivery/channel-gateway";
import type { ServerContext } from "../../server/server-context";
import { createTeamsAdapter } from "./teams-adapter";
import { membersOf } from "./teams-identity";
import { type TeamsMemberCache, teamsMemberCacheFor } from "./teams-member-cache";
import { refreshUserIdsFor } from "./teams-refresh-users";

/** The token audience for Bot Framework's channel service (public cloud). */
const BOT_FRAMEWORK_AUDIENCE = "https://api.botframework.com";

/** Reads Retry-After (seconds or an HTTP date) into milliseconds. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function headerOf(err: unknown, name: string): string | null {
  const headers = (err as { response?: { headers?: unknown } }).response?.headers as
    | { get?: (n: string) => string | undefined }
    | Record<string, string>
    | undefined;
  if (!headers) return null;
  if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get: (n: string) => string | undefined }).get(name) ?? null;
  const rec = headers as Record<string, string>;
  return rec[name] ?? rec[name.toLowerCase()] ?? null;
}

/** Maps a connector failure to a DeliveryError: 429 carries Retry-After, 403/404 are permanent. */
export function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const status = (err as { statusCode?: number }).statusCode ?? (err as { response?: { status?: number } }).response?.status;
  const message = `Teams connector: ${status ?? "no status"} ${(err as Error).message ?? ""}`.trim();
  if (status === 429) return new DeliveryError(message, retryAfterMs(headerOf(err, "retry-after")) ?? 1000, false);
  if (status === 403 || status === 404 || status === 400) return new DeliveryError(message, null, true);
  return new DeliveryError(message, null, false);
}

/**
 * Posts and updates cards in Teams conversations with the reference stored at link time
 * (proactive messaging). Roster cards get the conversation's members for delegation and a
 * refresh list of the people on the roster.
 */
export class TeamsGateway implements ChannelGateway {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly ctx: Pick<ServerContext, "app"> & { peoplePicker: boolean; members: TeamsMemberCache },
  ) {}

  async post(link: ChannelLink, card: OutboundCard): Promise<string> {
    let id = "";
    await this.continue(link, async (context) => {
      // Mentions live in the card's msteams.entities (see nudge.card.ts), matching its <at> text.
      const activity = MessageFactory.attachment(CardFactory.adaptiveCard(await this.render(context, card)));
      const sent = await context.sendActivity(activity);
      id = sent?.id ?? "";
    });
    if (!id) throw new DeliveryError("Teams returned no message id", null, false);
    return id;
  }

  /**
   * A personal message: creates (or reopens) the bot's one-to-one chat with the person, by
   * their Entra object id, through the service and tenant of the case's channel. Teams allows
   * this where the app is installed for them; otherwise it refuses and the channel post stands.
   */
  async postDirect(link: ChannelLink, aadObjectId: string, card: OutboundCard): Promise<string> {
    let id = "";
    await this.continue(link, async (context) => {
      const reference = TurnContext.getConversationReference(context.activity);
      const tenantId = reference.conversation?.tenantId ?? (context.activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
      const params = { isGroup: false, bot: reference.bot, members: [{ id: aadObjectId, name: "" }], tenantId, channelData: { tenant: { id: tenantId } } } as unknown as ConversationParameters;
      const adapter = context.adapter as CloudAdapter;
      await adapter.createConversationAsync(this.appId, "msteams", reference.serviceUrl ?? "", BOT_FRAMEWORK_AUDIENCE, params, async (personal) => {
        const sent = await personal.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(await this.render(personal, card))));
        id = sent?.id ?? "";
      });
    });
    if (!id) throw new DeliveryError("Teams returned no message id for the personal message", null, false);
    return id;
  }

  async update(link: ChannelLink, platformMessageId: string, card: OutboundCard): Promise<void> {
    await this.continue(link, async (context) => {
      const activity = MessageFactory.attachment(CardFactory.adaptiveCard(await this.render(context, card)));
      activity.id = platformMessageId;
      await context.updateActivity(activity);
    });
  }

  private async render(context: TurnContext, card: OutboundCard) {
    if (card.type === "record-summary") {
      // The entitled members' copies refresh into the full record (Universal Actions user-specific views).
      const refreshUserIds = refreshUserIdsFor(await this.ctx.app.listRecordAudience(card.view.meetingId, "teams"), await membersOf(context, this.ctx.members));
      return renderOutboundAdaptiveCard(card, {}, { refreshUserIds });
    }
    if (card.type !== "roster") return renderOutboundAdaptiveCard(card);
    // Members only enrich the card (delegation choices, refresh list); without them the post still goes.
    const members = await membersOf(context, this.ctx.members);
    const refreshUserIds = refreshUserIdsFor(await this.ctx.app.listMeetingParticipants(card.view.meetingId, "teams"), members);
    return renderOutboundAdaptiveCard(card, { members, refreshUserIds, peoplePicker: this.ctx.peoplePicker });
  }

  private async continue(link: ChannelLink, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    let reference: Partial<ConversationReference>;
    try {
      reference = JSON.parse(link.conversationRef) as Partial<ConversationReference>;
    } catch {
      throw new DeliveryError("The stored Teams conversation reference is not valid JSON; link the channel again.", null, true);
    }
    // The adapter hands errors thrown in a turn to onTurnError (which only logs), so the
    // failure is caught inside the turn and rethrown here for the dispatcher to see.
    let failure: unknown = null;
    try {
      await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
        try {
          await logic(context);
        } catch (err) {
          failure = err;
        }
      });
    } catch (err) {
      failure ??= err;
    }
    if (failure) throw toDeliveryError(failure);
  }
}

/** The Teams gateway for the outbox dispatcher, built from the server context. */
export function createTeamsGateway(ctx: ServerContext, adapter?: CloudAdapter): TeamsGateway {
  return new TeamsGateway(adapter ?? createTeamsAdapter(ctx.config, ctx.logger), ctx.config.MICROSOFT_APP_ID ?? "", {
    app: ctx.app,
    peoplePicker: false, // see mount-teams: Data.Query is a 1.6 feature
    members: teamsMemberCacheFor(ctx),
  });
}
