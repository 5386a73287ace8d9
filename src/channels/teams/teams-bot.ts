import { meetingKindTitle } from "../../domain/meeting/meeting-kind";
import { describeLanguageAdvice } from "../../app/views/language-advice";
import { ActivityTypes, CardFactory, MessageFactory, TurnContext, type Activity, type Mention } from "botbuilder";
import { ZodError } from "zod";
import type { App } from "../../app/app";
import type { ActorIdentity } from "../../app/ports/actor";
import type { UnitOfWork } from "../../app/ports/unit-of-work";
import type { AdaptiveCardJson } from "../../cards/adaptive-card";
import { ADAPTIVE_CARD_CONTENT_TYPE } from "../../cards/adaptive-card";
import { CardVerb } from "../../cards/card-verbs";
import { renderConveneFormCard } from "../../cards/convene-form.card";
import { AMENDMENT_REASON_ID, renderDecisionFormCard } from "../../cards/decision-form.card";
import { renderDeadlinesCard, waiveReasonInputId } from "../../cards/deadlines.card";
import { renderHelpCard } from "../../cards/help.card";
import { renderNoticeCard } from "../../cards/notice.card";
import type { RosterView } from "../../app/views/view-models";
import { renderRosterCard, type RosterCardOptions } from "../../cards/roster.card";
import { parseCaseReference } from "../../domain/case/case-reference";
import { formFor, type FormValues } from "../../domain/decision-record/record-form";
import { isMeetingKind } from "../../domain/meeting/meeting-kind";
import { INVITEE_ROLE_LABELS, type InviteeRole } from "../../domain/invitation/invitation";
import { DomainError } from "../../domain/shared/domain-error";
import type { Logger } from "../../server/logger";
import { actorOf, membersOf, resolvePerson, type ConversationMember } from "./teams-identity";
import { parseTeamsCommand, stripMentionText } from "./teams-command-parser";
import { conveneIssueField, parseConveneForm, toInviteeInputs } from "./teams-convene-submission";
import { refreshUserIdsFor } from "./teams-refresh-users";

/** What the bot needs. */
export interface ConveneTeamsBotDeps {
  app: App;
  uow: UnitOfWork;
  logger: Logger;
  /** Real Teams: offer the directory people picker (Data.Query) next to the static member list. */
  peoplePicker: boolean;
}

/** An invoke response body for Action.Execute. */
type InvokeBody =
  | { statusCode: 200; type: typeof ADAPTIVE_CARD_CONTENT_TYPE; value: AdaptiveCardJson }
  | { statusCode: 200; type: "application/vnd.microsoft.activity.message"; value: string };

const cardBody = (card: AdaptiveCardJson): InvokeBody => ({ statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card });
const messageBody = (text: string): InvokeBody => ({ statusCode: 200, type: "application/vnd.microsoft.activity.message", value: text });

/** The message to show a user for an error the app raised (DomainError and zod messages are written for users). */
export function userMessageOf(err: unknown): string | null {
  if (err instanceof DomainError) return err.message;
  if (err instanceof ZodError) return err.issues[0]?.message ?? "Some of that was not valid.";
  return null;
}

/**
 * Convene's Teams bot: turns messages and Action.Execute invokes into app commands and
 * answers with cards. Every command carries the activity id as its idempotency key, so a
 * redelivered activity changes nothing; direct replies are also claimed once per activity.
 */
/**
 * The channel's conversation id. In a Teams channel each thread's activities carry
 * "<channel id>;messageid=<root>", so a case linked from one post must match commands
 * typed in any other post of the same channel.
 */
export function channelConversationId(id: string | undefined): string {
  return (id ?? "").split(";")[0] ?? "";
}

export class ConveneTeamsBot {
  constructor(private readonly deps: ConveneTeamsBotDeps) {}

  /** The turn handler given to CloudAdapter.process. */
  async run(context: TurnContext): Promise<void> {
    const a = context.activity;
    if (a.type === ActivityTypes.Message) return this.onMessage(context);
    if (a.type === ActivityTypes.Invoke && a.name === "adaptiveCard/action") return this.onAction(context);
    if (a.type === ActivityTypes.Invoke) {
      await this.sendInvoke(context, { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: "Convene does not handle that action." });
    }
    // conversationUpdate and the rest need no answer.
  }

  private async onMessage(context: TurnContext): Promise<void> {
    const a = context.activity;
    // The command runs first (the app makes it idempotent), and only then is the reply
    // claimed: a crash in between must not make the redelivery skip the command itself.
    const card = await this.answerMessage(context);
    if (await this.claimReply(`teams:reply:${a.conversation?.id}:${a.id}`)) await this.replyCard(context, card);
  }

  /** The reply card for a message command; errors become an error card. */
  private async answerMessage(context: TurnContext): Promise<AdaptiveCardJson> {
    const a = context.activity;
    const mentions = (a.entities ?? []).filter((e) => e.type === "mention") as unknown as Mention[];
    const botMentions = mentions.filter((m) => m.mentioned?.id === a.recipient?.id).map((m) => m.text);
    const text = stripMentionText(a.text ?? "", botMentions);
    const cmd = parseTeamsCommand(text);
    const conversationType = a.conversation?.conversationType ?? "personal";
    try {
      switch (cmd.type) {
        case "help":
          return renderHelpCard();
        case "unknown":
          return renderNoticeCard({ title: "Convene did not understand that", text: "Type help to see what Convene can do." });
        case "link": {
          if (conversationType === "personal") return renderNoticeCard({ title: "Link a channel, not a personal chat", text: "Mention Convene in the case's channel or group chat: link <case reference>." });
          // Posts go to the channel itself, not into the thread the link command was typed in.
          const ref = TurnContext.getConversationReference(a);
          if (ref.conversation) ref.conversation = { ...ref.conversation, id: channelConversationId(ref.conversation.id) };
          const result = await this.deps.app.linkChannel({
            key: a.id ?? "",
            actor: await actorOf(context),
            conversation: this.conversation(context),
            caseRef: cmd.caseRef,
            conversationRef: JSON.stringify(ref),
          });
          return renderNoticeCard(result.notice);
        }
        case "convene": {
          if (conversationType === "personal") return renderNoticeCard({ title: "Convene in the case channel", text: "Meetings are convened in the channel or group chat linked to the case." });
          const caseReference = parseCaseReference(cmd.caseRef);
          const members = await membersOf(context);
          return renderConveneFormCard({ caseReference, kind: cmd.kind, members, peoplePicker: this.deps.peoplePicker });
        }
        case "deadlines": {
          const view = await this.deps.app.listDeadlines({ key: a.id ?? "", actor: await actorOf(context), conversation: this.conversation(context), ...(cmd.caseRef ? { caseRef: cmd.caseRef } : {}) });
          return renderDeadlinesCard(view);
        }
        case "case-event": {
          const word = cmd.event === "date-of-birth" ? "dob" : cmd.event;
          if (conversationType === "personal") return renderNoticeCard({ title: "Record it in the case channel", text: "Case events are recorded in the channel or group chat linked to the case." });
          if (!cmd.caseRef || !cmd.date) {
            return renderNoticeCard({ title: "Give a case reference and a date", text: `Type: ${word} <case reference> <date>, for example ${word} CS-2026-0142 2026-11-20.` }, "error");
          }
          // The app checks that this conversation is linked to the case and that the actor manages it.
          const result = await this.deps.app.recordCaseEvent({ key: a.id ?? "", actor: await actorOf(context), conversation: this.conversation(context), caseRef: cmd.caseRef, event: cmd.event, date: cmd.date });
          return renderNoticeCard(result.notice);
        }
      }
    } catch (err) {
      const message = userMessageOf(err);
      if (!message) this.deps.logger.error({ err: { message: (err as Error).message, code: (err as { code?: string }).code } }, "teams message failed");
      return renderNoticeCard({ title: "Convene could not do that", text: message ?? "Something went wrong. Please try again; if it keeps happening, tell your administrator." }, "error");
    }
  }

  private async onAction(context: TurnContext): Promise<void> {
    const a = context.activity;
    const value = (a.value ?? {}) as { action?: { verb?: string; data?: Record<string, unknown> } };
    const verb = value.action?.verb ?? "";
    const data = value.action?.data ?? {};
    let body: InvokeBody;
    try {
      body = await this.handleVerb(context, verb, data);
    } catch (err) {
      const message = userMessageOf(err);
      if (!message) this.deps.logger.error({ err: { message: (err as Error).message, code: (err as { code?: string }).code }, verb }, "teams action failed");
      body = messageBody(message ?? "Something went wrong. Please try again; if it keeps happening, tell your administrator.");
    }
    await this.sendInvoke(context, body);
  }

  private async handleVerb(context: TurnContext, verb: string, data: Record<string, unknown>): Promise<InvokeBody> {
    const a = context.activity;
    const key = a.id ?? "";
    const str = (k: string) => (typeof data[k] === "string" ? (data[k] as string) : "");
    switch (verb) {
      case CardVerb.conveneSubmit:
        return this.submitConvene(context, data);
      case CardVerb.respond: {
        const meetingId = str("meetingId");
        const invitationId = str("invitationId");
        const kind = str("answer");
        const reason = str(`reason_${invitationId}`).trim();
        let answer;
        if (kind === "accept") answer = { kind: "accept" as const };
        else if (kind === "tentative") answer = { kind: "tentative" as const, ...(reason ? { reason } : {}) };
        else if (kind === "decline") answer = { kind: "decline" as const, reason };
        else if (kind === "delegate") {
          const chosen = str(`delegate_${invitationId}`);
          if (!chosen) return messageBody("Choose a colleague to delegate to first.");
          answer = { kind: "delegate" as const, delegate: await resolvePerson(context, chosen) };
        } else return messageBody("That answer is not one Convene knows.");
        try {
          const { roster } = await this.deps.app.respondToInvitation({ key, actor: await actorOf(context), conversation: this.conversation(context), invitationId, answer });
          return cardBody(await this.rosterCard(context, roster, { notice: "Your answer is recorded." }));
        } catch (err) {
          // The wrong user gets a refusal for them alone; the shared card stays as it is.
          const message = userMessageOf(err);
          if (message && meetingId) return messageBody(message);
          throw err;
        }
      }
      case CardVerb.markHeld: {
        const meetingId = str("meetingId");
        const overrideReason = str("overrideReason").trim();
        try {
          const { roster } = await this.deps.app.markMeetingHeld({ key, actor: await actorOf(context), conversation: this.conversation(context), meetingId, ...(overrideReason ? { overrideReason } : {}) });
          return cardBody(await this.rosterCard(context, roster, { notice: "Marked held. Record the decision next." }));
        } catch (err) {
          if (err instanceof DomainError && (err.code === "QUORUM_NOT_MET" || err.code === "OVERRIDE_REASON_TOO_SHORT")) {
            const roster = await this.rosterFor(context, meetingId);
            const missing = ((err.details?.missing as string[] | undefined) ?? roster.missingRequiredRoles).map((r) => INVITEE_ROLE_LABELS[r as InviteeRole] ?? r);
            return cardBody(await this.rosterCard(context, roster, { errorMessage: err.message, overridePrompt: { missingRoleLabels: missing } }));
          }
          throw err;
        }
      }
      case CardVerb.openRecord: {
        // The app decides who may record, and pre-fills an amendment with the latest version.
        const form = await this.deps.app.openDecisionForm({ key, actor: await actorOf(context), conversation: this.conversation(context), meetingId: str("meetingId") });
        return cardBody(renderDecisionFormCard({ meetingId: form.meetingId, caseReference: form.caseReference, kindTitle: meetingKindTitle(form.kind), fields: formFor(form.kind, form.values), values: form.values, amendment: form.amend }));
      }
      case CardVerb.recordSubmit: {
        const meetingId = str("meetingId");
        const values: FormValues = {};
        // Hosts send input values as strings, but some send Input.Number as a number: accept both.
        for (const [k, v] of Object.entries(data)) {
          if (k === "meetingId" || k === AMENDMENT_REASON_ID) continue;
          if (typeof v === "string") values[k] = v;
          else if (typeof v === "number" && Number.isFinite(v)) values[k] = String(v);
          else if (typeof v === "boolean") values[k] = String(v);
        }
        const amendmentReason = str(AMENDMENT_REASON_ID).trim();
        const actor = await actorOf(context);
        const result = await this.deps.app.recordDecision({ key, actor, conversation: this.conversation(context), meetingId, values, ...(amendmentReason ? { amendmentReason } : {}) });
        if (!result.ok) {
          const form = await this.deps.app.openDecisionForm({ key, actor, conversation: this.conversation(context), meetingId });
          // The app names the amendment box "amendmentReason"; the card's input id differs.
          const { amendmentReason: amendError, ...fieldErrors } = result.errors;
          const errors = amendError ? { ...fieldErrors, [AMENDMENT_REASON_ID]: amendError } : fieldErrors;
          return cardBody(renderDecisionFormCard({ meetingId, caseReference: form.caseReference, kindTitle: meetingKindTitle(form.kind), fields: formFor(form.kind, values), values: { ...values, [AMENDMENT_REASON_ID]: amendmentReason }, errors, amendment: form.amend }));
        }
        const advice = describeLanguageAdvice(result.advice);
        const notice = [`Decision record version ${result.record.version} saved and posted to the channel.`, ...(advice.length ? ["Plain-language check (advice only; amend the record if you agree):", ...advice] : [])].join("\n");
        return cardBody(await this.rosterCard(context, result.roster, { notice }));
      }
      case CardVerb.refresh:
        return cardBody(await this.rosterCard(context, await this.rosterFor(context, str("meetingId"))));
      case CardVerb.deadlines: {
        const view = await this.deps.app.listDeadlines({ key, actor: await actorOf(context), conversation: this.conversation(context), caseRef: str("caseRef") });
        return cardBody(renderDeadlinesCard(view));
      }
      case CardVerb.waiveDeadline:
        return this.waiveDeadline(context, str("deadlineId"), str(waiveReasonInputId(str("deadlineId"))).trim());
      default:
        return messageBody("Convene does not know that action.");
    }
  }

  private async submitConvene(context: TurnContext, data: Record<string, unknown>): Promise<InvokeBody> {
    const a = context.activity;
    const caseReference = parseCaseReference(typeof data.caseRef === "string" ? data.caseRef : "");
    const kind = typeof data.kind === "string" && isMeetingKind(data.kind) ? data.kind : "strategy-discussion";
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(data)) if (typeof v === "string") values[k] = v;
    let members: ConversationMember[] | null = null;
    const reshow = async (errors: Record<string, string>) => {
      members ??= await membersOf(context);
      return cardBody(renderConveneFormCard({ caseReference, kind, members, peoplePicker: this.deps.peoplePicker, values, errors }));
    };
    const parsed = parseConveneForm(data);
    if (!parsed.ok) return reshow(parsed.errors);
    try {
      const invitees = await toInviteeInputs(parsed.form, (id) => resolvePerson(context, id));
      const result = await this.deps.app.conveneMeeting({
        key: a.id ?? "",
        actor: await actorOf(context),
        conversation: this.conversation(context),
        caseRef: caseReference,
        kind,
        concern: parsed.form.concern,
        urgency: parsed.form.urgency as never,
        scheduledLocal: parsed.form.scheduledLocal,
        mode: parsed.form.mode as never,
        invitees,
      });
      return cardBody(
        renderNoticeCard({ title: `${result.roster.kindTitle} convened · ${result.roster.caseReference}`, text: "The roster card is posted in this conversation. Invitees answer there." }),
      );
    } catch (err) {
      if (err instanceof ZodError) {
        const errors: Record<string, string> = {};
        for (const issue of err.issues) {
          const field = conveneIssueField(issue.path, parsed.form);
          errors[field] ??= issue.message;
        }
        return reshow(errors);
      }
      if (err instanceof DomainError) return reshow({ form: err.message });
      throw err;
    }
  }

  /**
   * A deadline's "Waive…" form. The app lets only a team manager waive; anyone else (and a
   * reason too short) is refused with a message for them alone, by onAction's catch, and the
   * shared card stays as it is. On success the card shows the waiver over the open deadlines.
   */
  private async waiveDeadline(context: TurnContext, deadlineId: string, reason: string): Promise<InvokeBody> {
    if (!deadlineId) return messageBody("This card no longer points at a deadline.");
    const key = context.activity.id ?? "";
    const actor = await actorOf(context);
    const conversation = this.conversation(context);
    const { notice } = await this.deps.app.waiveDeadline({ key, actor, conversation, deadlineId, reason });
    try {
      const view = await this.deps.app.listDeadlines({ key, actor, conversation });
      return cardBody(renderDeadlinesCard(view, { notice }));
    } catch (err) {
      // The waiver is saved; only the re-listing failed, so say what was done.
      this.deps.logger.error({ err: { message: (err as Error).message, code: (err as { code?: string }).code } }, "teams deadlines re-list failed");
      return cardBody(renderNoticeCard(notice));
    }
  }

  /** The roster, only if this conversation is linked to the meeting's case (the app checks). */
  private async rosterFor(context: TurnContext, meetingId: string): Promise<RosterView> {
    if (!meetingId) throw new DomainError("MEETING_NOT_FOUND", "This card no longer points at a meeting.");
    return this.deps.app.getRoster(meetingId, this.conversation(context));
  }

  private async rosterCard(context: TurnContext, roster: RosterView, extra: RosterCardOptions = {}): Promise<AdaptiveCardJson> {
    const members = await membersOf(context);
    const refreshUserIds = await refreshUserIdsFor(this.deps.uow, roster.meetingId, members);
    return renderRosterCard(roster, { members, peoplePicker: this.deps.peoplePicker, refreshUserIds, ...extra });
  }

  private conversation(context: TurnContext) {
    return { platform: "teams" as const, conversationId: channelConversationId(context.activity.conversation?.id) };
  }

  private async replyCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
    const activity: Partial<Activity> = MessageFactory.attachment(CardFactory.adaptiveCard(card));
    activity.summary = card.fallbackText;
    await context.sendActivity(activity);
  }

  private async sendInvoke(context: TurnContext, body: InvokeBody): Promise<void> {
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
  }

  private async claimReply(key: string): Promise<boolean> {
    const claim = await this.deps.uow.run((repos) => repos.processed.claim(key));
    return claim.fresh;
  }
}
