import { ActivityTypes, CardFactory, MessageFactory, TurnContext, type Activity, type Mention } from "botbuilder";
import type { Conversation } from "../../app/conversation/conversation";
import type { ConversationReply } from "../../app/conversation/conversation-reply";
import type { ConversationTurn } from "../../app/conversation/conversation-turn";
import { typedWords } from "../../app/conversation/command-grammar";
import type { App } from "../../app/app";
import type { AdaptiveCardJson } from "../../cards/adaptive-card";
import { ADAPTIVE_CARD_CONTENT_TYPE } from "../../cards/adaptive-card";
import { renderDeadlinesCard } from "../../cards/deadlines.card";
import { renderRecordPreviewCard } from "../../cards/record-preview.card";
import { renderDecisionRecordCard, renderDecisionRecordSummaryCard } from "../../cards/decision-record.card";
import { renderFormCard } from "../../cards/form.card";
import { renderHelpCard } from "../../cards/help.card";
import { renderMyWorkCard, renderMyWorkElsewhereCard } from "../../cards/my-work.card";
import { renderNoticeCard } from "../../cards/notice.card";
import { renderRosterCard } from "../../cards/roster.card";
import type { DecisionRecordSummaryView, RosterView } from "../../app/views/view-models";
import type { Logger } from "../../server/logger";
import { actorOf, membersOf, resolvePerson, type ConversationMember } from "./teams-identity";
import { refreshUserIdsFor } from "./teams-refresh-users";
import type { TeamsMemberCache } from "./teams-member-cache";

/** What the bot needs. */
export interface ConveneTeamsBotDeps {
  /** The channel-neutral conversation every edge talks to. */
  conversation: Conversation;
  /** The use cases, for the refresh list (who sees their own view of a roster). */
  app: App;
  logger: Logger;
  /** Real Teams: offer the directory people picker (Data.Query) next to the static member list. */
  peoplePicker: boolean;
  /** Connector member lookups, reused briefly (shared with the Teams gateway). */
  members: TeamsMemberCache;
}

/** An invoke response body for Action.Execute. */
type InvokeBody =
  | { statusCode: 200; type: typeof ADAPTIVE_CARD_CONTENT_TYPE; value: AdaptiveCardJson }
  | { statusCode: 200; type: "application/vnd.microsoft.activity.message"; value: string };

const cardBody = (card: AdaptiveCardJson): InvokeBody => ({ statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card });
const messageBody = (text: string): InvokeBody => ({ statusCode: 200, type: "application/vnd.microsoft.activity.message", value: text });

/**
 * The channel's conversation id. In a Teams channel each thread's activities carry
 * "<channel id>;messageid=<root>", so a case linked from one post must match commands
 * typed in any other post of the same channel.
 */
export function channelConversationId(id: string | undefined): string {
  return (id ?? "").split(";")[0] ?? "";
}

/**
 * Convene's Teams edge: turns messages and Action.Execute invokes into conversation turns and
 * renders the replies as Adaptive Cards. It authenticates nothing itself (CloudAdapter did),
 * resolves people through the connector, and holds no rule, label or parser of its own.
 */
export class ConveneTeamsBot {
  constructor(private readonly deps: ConveneTeamsBotDeps) {}

  /** The turn handler given to CloudAdapter.process. */
  async run(context: TurnContext): Promise<void> {
    const a = context.activity;
    if (a.type === ActivityTypes.Message) return this.onMessage(context);
    if (a.type === ActivityTypes.Invoke && a.name === "adaptiveCard/action") return this.onAction(context);
    if (a.type === ActivityTypes.Invoke) return this.sendInvoke(context, messageBody("Convene does not handle that action."));
    // conversationUpdate and the rest need no answer.
  }

  private turn(context: TurnContext): ConversationTurn {
    const a = context.activity;
    return {
      key: a.id ?? "",
      conversation: { platform: "teams", conversationId: channelConversationId(a.conversation?.id) },
      personal: (a.conversation?.conversationType ?? "personal") === "personal",
      commandPrefix: "",
      actor: () => actorOf(context, this.deps.members),
      resolvePerson: (userId) => resolvePerson(context, userId, this.deps.members),
      conversationRef: () => {
        // Posts go to the channel itself, not into the thread the command was typed in.
        const ref = TurnContext.getConversationReference(a);
        if (ref.conversation) ref.conversation = { ...ref.conversation, id: channelConversationId(ref.conversation.id) };
        return JSON.stringify(ref);
      },
    };
  }

  private async onMessage(context: TurnContext): Promise<void> {
    const a = context.activity;
    const mentions = (a.entities ?? []).filter((e) => e.type === "mention") as unknown as Mention[];
    const botMentions = mentions.filter((m) => m.mentioned?.id === a.recipient?.id).map((m) => m.text);
    // The command runs first (the app makes it idempotent), and only then is the reply
    // claimed: a crash in between must not make the redelivery skip the command itself.
    const reply = await this.deps.conversation.handleText(this.turn(context), typedWords(a.text ?? "", botMentions));
    const card = await this.render(context, reply);
    if (await this.deps.conversation.claimReply(`teams:reply:${a.conversation?.id}:${a.id}`)) {
      const activity: Partial<Activity> = MessageFactory.attachment(CardFactory.adaptiveCard(card));
      activity.summary = card.fallbackText;
      await context.sendActivity(activity);
    }
  }

  private async onAction(context: TurnContext): Promise<void> {
    const value = (context.activity.value ?? {}) as { action?: { verb?: unknown; data?: unknown } };
    const verb = typeof value.action?.verb === "string" ? value.action.verb : "";
    const raw = value.action?.data;
    const data = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    const reply = await this.deps.conversation.handleAction(this.turn(context), verb, data);
    // A refusal is a message for the clicker alone; the shared card stays as it is.
    const body = reply.kind === "refusal" ? messageBody(reply.message) : cardBody(await this.render(context, reply));
    await this.sendInvoke(context, body);
  }

  /** The card for a reply. */
  private async render(context: TurnContext, reply: ConversationReply): Promise<AdaptiveCardJson> {
    switch (reply.kind) {
      case "notice":
        return renderNoticeCard(reply.notice, reply.tone === "error" ? "error" : "default");
      case "help":
        return renderHelpCard(reply.help);
      case "deadlines":
        return renderDeadlinesCard(reply.deadlines, reply.notice ? { notice: reply.notice } : {});
      case "refusal":
        return renderNoticeCard({ title: "Convene could not do that", text: reply.message }, "error");
      case "form": {
        const members = await membersOf(context, this.deps.members);
        const { host, ...form } = reply.form;
        // A question about a roster (a reason, a delegate) is asked on the roster card itself.
        if (host) return this.rosterCard(context, host.roster, { inlineForm: form, ...(form.errors.form ? { errorMessage: form.errors.form } : {}) }, members);
        return renderFormCard(form, { members, peoplePicker: this.deps.peoplePicker });
      }
      case "record":
        return renderDecisionRecordCard(reply.record);
      case "record-preview":
        return renderRecordPreviewCard(reply.preview);
      case "record-summary":
        return this.recordSummaryCard(context, reply.summary);
      case "roster": {
        const notice = [reply.notice, ...(reply.note ?? [])].filter(Boolean).join("\n");
        return this.rosterCard(context, reply.roster, notice ? { notice } : {});
      }
      case "my-work":
        // Sent in a personal chat, or as an invoke response: either way, seen by the asker alone.
        return renderMyWorkCard(reply.myWork, { ...(reply.notice ? { notice: reply.notice } : {}), ...(reply.tone ? { tone: reply.tone } : {}) });
      case "my-work-elsewhere": {
        // The asker's own client refreshes the card into their list; everyone else sees the notice.
        const asker = context.activity.from?.id;
        return renderMyWorkElsewhereCard(reply.notice, asker ? [asker] : []);
      }
    }
  }

  /** A summary that keeps refreshing for the entitled members of this conversation. */
  private async recordSummaryCard(context: TurnContext, summary: DecisionRecordSummaryView): Promise<AdaptiveCardJson> {
    const refreshUserIds = refreshUserIdsFor(await this.deps.app.listRecordAudience(summary.meetingId, "teams"), await membersOf(context, this.deps.members));
    return renderDecisionRecordSummaryCard(summary, { refreshUserIds });
  }

  private async rosterCard(context: TurnContext, roster: RosterView, extra: Parameters<typeof renderRosterCard>[1], known?: ConversationMember[]): Promise<AdaptiveCardJson> {
    const members = known ?? (await membersOf(context, this.deps.members));
    const refreshUserIds = refreshUserIdsFor(await this.deps.app.listMeetingParticipants(roster.meetingId, "teams"), members);
    return renderRosterCard(roster, { members, peoplePicker: this.deps.peoplePicker, refreshUserIds, ...extra });
  }

  private async sendInvoke(context: TurnContext, body: InvokeBody): Promise<void> {
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
  }
}
