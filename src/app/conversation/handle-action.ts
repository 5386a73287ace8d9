import { ZodError } from "zod";
import { parseCaseReference } from "../../domain/case/case-reference";
import { INVITEE_ROLE_LABELS, type InviteeRole } from "../../domain/invitation/invitation";
import { isMeetingKind } from "../../domain/meeting/meeting-kind";
import { inviteeRolesFor } from "../../domain/meeting/meeting";
import { DomainError } from "../../domain/shared/domain-error";
import type { App } from "../app";
import type { AppLogger } from "../ports/plumbing";
import { describeLanguageAdvice } from "../views/language-advice";
import type { NoticeView, RosterView, RosterViewerView } from "../views/view-models";
import { ACTION_TARGET, ActionId, isActionId } from "./action-id";
import type { ConversationReply } from "./conversation-reply";
import type { ConversationTurn } from "./conversation-turn";
import { conveneErrorFields, readConveneSubmission, readInviteeRows } from "./convene-submission";
import { readField, WHOLE_FORM, type FormDescriptor, type FormView } from "./form-descriptor";
import { fieldValues, keptValues, overLongFields, toSubmittedValues, type SubmittedValues } from "./form-values";
import { CONFIRMATION_FIELD, ConveneField, conveneForm, type ConveneConfirmation } from "./forms/convene.form";
import { DELEGATE_FIELD, delegateForm } from "./forms/delegate.form";
import { declineForm, REASON_FIELD, waiveForm } from "./forms/reason.forms";
import { ATTENDANCE_CHOICES, HELD_STEP, HeldField, heldForm } from "./forms/held.form";
import { cancelMeetingForm, RESCHEDULE_STEP, RescheduleField, rescheduleForm } from "./forms/reschedule.form";
import { CONFIRM_MOVE_FIELD, relinkForm } from "./forms/relink.form";
import { CHANGE_INVITEES_STEP, changeInviteesForm, removeRowField } from "./forms/change-invitees.form";
import { answerTimesForm, canMakeField, PICKED_TIME_FIELD, pickTimeForm, proposeTimesForm, TIME_POLL_STEP, TimeOptionField } from "./forms/time-poll.forms";
import { MAX_PROPOSED_TIMES } from "../../domain/meeting/time-poll";
import { AMENDMENT_REASON_FIELD, recordForm } from "./forms/record.form";
import { recordPreview, RecordStep } from "./record-preview";
import { cancelActionForm, CLOSED_ON_FIELD, concludeAssessmentForm, FEEDBACK_HOW_FIELD, FEEDBACK_ON_FIELD, permanencePlanForm, referralDecisionForm, RESPONSE_FIELD } from "./forms/closing.forms";
import { PlanEndField, planEndForm } from "./forms/plan-end.form";
import { enquiryOutcomeForm, OUTCOME_DATE_FIELD, OUTCOME_FIELD } from "./forms/enquiry-outcome.form";
import { userMessageOf } from "./user-message";
import { backToMyWork, myWorkReply, pressedOnMyWork } from "./my-work-reply";

/** What answering a button or a form needs. */
export interface ActionDeps {
  app: App;
  logger: AppLogger;
}

/** The domain errors that ask the convenor why a meeting went ahead without the statutory minimum. */
const QUORUM_FOLLOW_UP = new Set(["QUORUM_NOT_MET", "OVERRIDE_REASON_TOO_SHORT"]);

/** Said to someone who asks for a full record they are not entitled to. */
const NOT_ENTITLED =
  "The full record is shared only with the people who attended the meeting, the case's lead social worker and team manager, and whoever convened, chaired or recorded it. The summary in the channel is what you can see. If you need more, ask the case's social worker.";

const refusal = (message: string): ConversationReply => ({ kind: "refusal", message });
const show = (descriptor: FormDescriptor, extra: Partial<FormView> = {}): ConversationReply => ({ kind: "form", form: { descriptor, values: {}, errors: {}, ...extra } });

/**
 * Answers a button press or a form submission, in any channel. `raw` is the card's action
 * data merged with the inputs (Teams) or the modal's metadata merged with its values (Slack);
 * the action's target is read from it under the action's key. Every refusal is for the
 * person who acted alone, and changes nothing.
 */
export async function handleAction(deps: ActionDeps, turn: ConversationTurn, action: string, raw: Record<string, unknown>): Promise<ConversationReply> {
  if (!isActionId(action)) return refusal("Convene does not know that action.");
  const values = toSubmittedValues(raw);
  const target = (values[ACTION_TARGET[action]] ?? "").trim();
  if (!target) return refusal("This card no longer points at anything Convene knows. Ask for a fresh one.");
  const fromMyWork = pressedOnMyWork(values);
  try {
    const reply = await dispatch(deps, turn, action, target, values);
    // A press on the person's own list answers with that list again (the roster updates through the outbox as ever).
    if (fromMyWork) return await backToMyWork(deps, turn, reply);
    // A press in a personal chat (the invitation Convene sent there) is answered in words: the
    // roster card carries the concern, which belongs in the case channel only.
    if (reply.kind === "roster" && turn.personal) return personalAnswer(reply.roster, reply.notice);
    return reply.kind === "roster" && !reply.roster.viewer ? { ...reply, roster: await ownCopy(deps, turn, reply.roster) } : reply;
  } catch (err) {
    const refused = refusal(userMessageOf(err, deps.logger, `action:${action}`));
    return fromMyWork ? backToMyWork(deps, turn, refused) : refused;
  }
}

/**
 * The reply to an answer on the roster: the presser's own copy, with the rights the answer
 * computed from the rows it saved (so no second read for them), and what happened.
 */
function answered(result: { roster: RosterView; viewer?: RosterViewerView }, notice: string): ConversationReply {
  return { kind: "roster", roster: result.viewer ? { ...result.roster, viewer: result.viewer } : result.roster, notice };
}

/** What a press in a personal chat is answered with: what happened, for which meeting (case reference only), and where the roster is. */
function personalAnswer(roster: RosterView, notice: string | undefined): ConversationReply {
  return {
    kind: "notice",
    notice: { title: `${roster.kindTitle} · ${roster.caseReference}`, text: `${notice ?? "Done."} ${roster.whenLabel}. The roster card is in the case channel.` },
    tone: "info",
    audience: "actor",
  };
}

/**
 * The roster answered to a button goes to the presser alone (Teams replaces only their copy),
 * so it carries what they may press. The shared copy, updated through the outbox, carries no
 * viewer and keeps every button. If the rights cannot be read, the shared view is answered.
 */
async function ownCopy(deps: ActionDeps, turn: ConversationTurn, roster: RosterView): Promise<RosterView> {
  try {
    const mine = await deps.app.getRoster(roster.meetingId, turn.conversation, await turn.actor());
    return mine.viewer ? { ...roster, viewer: mine.viewer } : roster;
  } catch {
    return roster;
  }
}

/**
 * The shared roster a form is shown over (Held, Reschedule, Cancel). Read for the presser, so
 * their tenant is checked like any read, but without their own rights: the host card is the
 * shared copy, with every button.
 */
async function sharedRoster(deps: ActionDeps, turn: ConversationTurn, meetingId: string): Promise<RosterView> {
  const { viewer: _own, ...roster } = await deps.app.getRoster(meetingId, turn.conversation, await turn.actor());
  return roster;
}

async function dispatch(deps: ActionDeps, turn: ConversationTurn, action: ActionId, target: string, values: SubmittedValues): Promise<ConversationReply> {
  const { app } = deps;
  const base = async () => ({ key: turn.key, actor: await turn.actor(), conversation: turn.conversation });
  switch (action) {
    case ActionId.OpenConveneForm: {
      const kind = values.kind && isMeetingKind(values.kind) ? values.kind : "strategy-discussion";
      return show(conveneForm(parseCaseReference(target), kind));
    }
    case ActionId.SubmitConvene:
      return submitConvene(deps, turn, target, values);
    case ActionId.ConfirmRelink: {
      const caseRef = parseCaseReference(target);
      if (values[CONFIRM_MOVE_FIELD] !== "true") {
        // Opened again (a Slack mention's button), or submitted without the box: say what would move, and ask.
        try {
          const result = await app.linkChannel({ ...(await base()), caseRef, conversationRef: turn.conversationRef() });
          return { kind: "notice", notice: result.notice, tone: "info", audience: "conversation" };
        } catch (err) {
          if (!(err instanceof DomainError && err.code === "RELINK_NEEDS_CONFIRMATION")) throw err;
          const errors: Record<string, string> = CONFIRM_MOVE_FIELD in values ? { [CONFIRM_MOVE_FIELD]: "Tick the box to move this channel, or close this." } : {};
          return { kind: "form", form: { descriptor: relinkForm(caseRef, err.message), values: {}, errors } };
        }
      }
      const result = await app.linkChannel({ ...(await base()), caseRef, conversationRef: turn.conversationRef(), confirmMove: true });
      return { kind: "notice", notice: result.notice, tone: "info", audience: "conversation" };
    }
    case ActionId.Accept:
    case ActionId.Tentative: {
      const reason = (readField(values, REASON_FIELD, target) ?? "").trim();
      const answer = action === ActionId.Accept ? { kind: "accept" as const } : { kind: "tentative" as const, ...(reason ? { reason } : {}) };
      return answered(await app.respondToInvitation({ ...(await base()), invitationId: target, answer }), "Your answer is recorded.");
    }
    case ActionId.Decline: {
      const reason = readField(values, REASON_FIELD, target);
      const descriptor = declineForm(target, roleLabel(values.role));
      if (reason === undefined) return show(descriptor, { scope: target });
      const tooLong = overLongFields(descriptor, values, target);
      if (Object.keys(tooLong).length) return refusal(Object.values(tooLong)[0]!);
      return answered(await app.respondToInvitation({ ...(await base()), invitationId: target, answer: { kind: "decline", reason } }), "Your answer is recorded.");
    }
    case ActionId.Delegate: {
      const chosen = (readField(values, DELEGATE_FIELD, target) ?? "").trim();
      if (!chosen) return show(delegateForm(target, roleLabel(values.role)), { scope: target });
      const delegate = await turn.resolvePerson(chosen);
      return answered(await app.respondToInvitation({ ...(await base()), invitationId: target, answer: { kind: "delegate", delegate } }), `Delegated to ${delegate.displayName}.`);
    }
    case ActionId.MarkHeld:
      return markHeld(deps, turn, target, values);
    case ActionId.RescheduleMeeting:
      return reschedule(deps, turn, target, values);
    case ActionId.ChangeInvitees:
      return changeInviteesFromChat(deps, turn, target, values);
    case ActionId.ProposeTimes:
      return proposeTimesFromChat(deps, turn, target, values);
    case ActionId.AnswerTimes:
      return answerTimesFromChat(deps, turn, target, values);
    case ActionId.PickTime:
      return pickTimeFromChat(deps, turn, target, values);
    case ActionId.CancelMeeting: {
      const reason = readField(values, REASON_FIELD);
      const roster = await sharedRoster(deps, turn, target);
      if (reason === undefined) return show(cancelMeetingForm(roster), { host: { roster } });
      const result = await app.cancelMeeting({ ...(await base()), meetingId: target, reason });
      return { kind: "roster", roster: result.roster, notice: "Cancelled. Everyone invited is told in the case channel." };
    }
    case ActionId.OpenRecord: {
      const form = await app.openDecisionForm({ ...(await base()), meetingId: target });
      const descriptor = recordForm({ meetingId: target, caseReference: form.caseReference, kind: form.kind, amend: form.amend, values: form.values, rosterAttendees: form.rosterAttendees });
      return show(descriptor, { values: stringsOf(form.values) });
    }
    case ActionId.SubmitRecord:
      return submitRecord(deps, turn, target, values);
    case ActionId.ViewFullRecord:
    case ActionId.RefreshRecord: {
      const seen = await app.viewDecisionRecord({ ...(await base()), meetingId: target });
      if (seen.kind === "full") return { kind: "record", record: seen.record };
      // A refresh quietly keeps the summary; a press is told why, privately.
      if (action === ActionId.RefreshRecord) return { kind: "record-summary", summary: seen.summary };
      return refusal(NOT_ENTITLED);
    }
    case ActionId.RefreshRoster:
      // A refresh is for one person (Teams user-specific views): show them only what they may press.
      return { kind: "roster", roster: await app.getRoster(target, turn.conversation, await turn.actor()) };
    case ActionId.ShowDeadlines:
      return { kind: "deadlines", deadlines: await app.listDeadlines({ ...(await base()), caseRef: target }) };
    case ActionId.WaiveDeadline:
      return waive(deps, turn, target, values);
    case ActionId.MarkActionDone:
    case ActionId.CancelAction:
      return closeActionFromChat(deps, turn, action, target, values);
    case ActionId.RecordReferralDecision:
    case ActionId.ConcludeAssessment:
    case ActionId.RecordPermanencePlan:
      return closeClockFromChat(deps, turn, action, target, values);
    case ActionId.RecordEnquiryOutcome:
      return enquiryOutcomeFromChat(deps, turn, target, values);
    case ActionId.EndPlan:
      return endPlanFromChat(deps, turn, target, values);
    case ActionId.ShowMyWork:
      // Whose list comes from the presser's identity; the target says nothing about it.
      return myWorkReply(deps, turn);
  }
}

/** The plan end form: shown when its values are missing (a button, or `plan-ends` typed), then submitted; refusals come back beside their boxes. */
async function endPlanFromChat(deps: ActionDeps, turn: ConversationTurn, caseRefText: string, values: SubmittedValues): Promise<ConversationReply> {
  const caseRef = parseCaseReference(caseRefText);
  const descriptor = planEndForm(caseRef);
  const field = (id: string) => (readField(values, id, caseRef) ?? "").trim();
  const kept: Record<string, string> = {};
  for (const f of descriptor.fields) kept[f.id] = field(f.id);
  if (readField(values, PlanEndField.reason, caseRef) === undefined) return show(descriptor, { scope: caseRef, values: kept });
  const again = (errors: Record<string, string>): ConversationReply => ({ kind: "form", form: { descriptor, values: kept, errors } });
  const tooLong = overLongFields(descriptor, values, caseRef);
  if (Object.keys(tooLong).length) return again(tooLong);
  try {
    const { notice } = await deps.app.endPlan({
      key: turn.key, actor: await turn.actor(), conversation: turn.conversation, caseRef,
      // The reason is checked against the one list by the use case's schema.
      reason: field(PlanEndField.reason) as never, endedOn: field(PlanEndField.date),
      ...(field(PlanEndField.transferInOn) ? { transferInOn: field(PlanEndField.transferInOn) } : {}),
    });
    return deadlinesAfter(deps, turn, notice);
  } catch (err) {
    const errors = fieldErrorsOf(err, descriptor, { ["reason"]: PlanEndField.reason });
    if (errors) return again(errors);
    throw err;
  }
}

/** The enquiry outcome form: shown when its values are missing, then submitted; refusals come back beside their boxes. */
async function enquiryOutcomeFromChat(deps: ActionDeps, turn: ConversationTurn, enquiryId: string, values: SubmittedValues): Promise<ConversationReply> {
  const actor = await turn.actor();
  const listed = await deps.app.listDeadlines({ key: turn.key, actor, conversation: turn.conversation });
  const open = listed.openEnquiry?.id === enquiryId ? listed.openEnquiry : undefined;
  const descriptor = enquiryOutcomeForm(enquiryId, listed.caseReference, open?.startDateLabel ?? "earlier");
  const outcome = readField(values, OUTCOME_FIELD, enquiryId);
  if (outcome === undefined) {
    if (!open) return refusal("That enquiry's outcome is already recorded, or it is no longer open.");
    return show(descriptor, { scope: enquiryId });
  }
  const field = (id: string) => (readField(values, id, enquiryId) ?? "").trim();
  const kept: Record<string, string> = {};
  for (const f of descriptor.fields) kept[f.id] = field(f.id);
  const again = (errors: Record<string, string>): ConversationReply => ({ kind: "form", form: { descriptor, values: kept, errors } });
  const tooLong = overLongFields(descriptor, values, enquiryId);
  if (Object.keys(tooLong).length) return again(tooLong);
  try {
    const { notice } = await deps.app.recordEnquiryOutcome({
      key: turn.key, actor, conversation: turn.conversation, enquiryId,
      // The outcome is checked against the one list by the use case's schema.
      outcome: field(OUTCOME_FIELD) as never, outcomeOn: field(OUTCOME_DATE_FIELD), ...(field(REASON_FIELD) ? { reason: field(REASON_FIELD) } : {}),
    });
    return deadlinesAfter(deps, turn, notice);
  } catch (err) {
    const errors = fieldErrorsOf(err, descriptor, { ["outcomeOn"]: OUTCOME_DATE_FIELD });
    if (errors) return again(errors);
    throw err;
  }
}

/** The deadlines card again after a change, with what was done on top; the notice alone if re-listing fails. */
async function deadlinesAfter(deps: ActionDeps, turn: ConversationTurn, notice: NoticeView): Promise<ConversationReply> {
  try {
    return { kind: "deadlines", deadlines: await deps.app.listDeadlines({ key: turn.key, actor: await turn.actor(), conversation: turn.conversation }), notice };
  } catch (err) {
    deps.logger.error({ err: { message: (err as Error).message, code: (err as { code?: string }).code } }, "deadlines re-list failed");
    return { kind: "notice", notice, tone: "info", audience: "actor" };
  }
}

/** Mark done closes at once; cancel asks why first (a form), then closes. */
async function closeActionFromChat(deps: ActionDeps, turn: ConversationTurn, action: ActionId, actionId: string, values: SubmittedValues): Promise<ConversationReply> {
  const actor = await turn.actor();
  const base = { key: turn.key, actor, conversation: turn.conversation, actionId };
  if (action === ActionId.MarkActionDone) {
    const { notice } = await deps.app.closeAction({ ...base, outcome: "done" });
    // A personal chat (or the Slack App Home) has no case to list the deadlines of.
    if (turn.personal) return { kind: "notice", notice, tone: "info", audience: "actor" };
    return deadlinesAfter(deps, turn, notice);
  }
  const reason = readField(values, REASON_FIELD, actionId);
  const listed = await deps.app.listDeadlines({ key: turn.key, actor, conversation: turn.conversation });
  const descriptor = cancelActionForm(actionId, listed.caseReference);
  if (reason === undefined) {
    if (!listed.lines.some((l) => l.kind === "action" && l.id === actionId && l.status === "open")) return refusal("That action is no longer open.");
    return show(descriptor, { scope: actionId });
  }
  const tooLong = overLongFields(descriptor, values, actionId);
  if (Object.keys(tooLong).length) return { kind: "form", form: { descriptor, values: keptValues(descriptor, values), errors: tooLong } };
  try {
    const { notice } = await deps.app.closeAction({ ...base, outcome: "cancelled", reason: reason.trim() });
    return deadlinesAfter(deps, turn, notice);
  } catch (err) {
    if (err instanceof DomainError && err.details?.field) return { kind: "form", form: { descriptor, values: { [REASON_FIELD]: reason }, errors: { [REASON_FIELD]: err.message } } };
    throw err;
  }
}

/** The referral decision and assessment forms: shown when their values are missing, then submitted; errors come back beside the boxes. */
async function closeClockFromChat(deps: ActionDeps, turn: ConversationTurn, action: ActionId, deadlineId: string, values: SubmittedValues): Promise<ConversationReply> {
  const actor = await turn.actor();
  const listed = await deps.app.listDeadlines({ key: turn.key, actor, conversation: turn.conversation });
  const line = listed.lines.find((l) => l.kind === "deadline" && l.id === deadlineId);
  const descriptor = action === ActionId.RecordReferralDecision
    ? referralDecisionForm(deadlineId, listed.caseReference)
    : action === ActionId.RecordPermanencePlan
      ? permanencePlanForm(deadlineId, listed.caseReference, line?.dueDateLabel ?? "its due date")
      : concludeAssessmentForm(deadlineId, listed.caseReference, line?.dueDateLabel ?? "its due date");
  const closedOn = readField(values, CLOSED_ON_FIELD, deadlineId);
  if (closedOn === undefined) {
    if (!line || line.status !== "open") return refusal("That deadline is no longer open.");
    return show(descriptor, { scope: deadlineId });
  }
  const field = (id: string) => (readField(values, id, deadlineId) ?? "").trim();
  const kept: Record<string, string> = {};
  for (const f of descriptor.fields) kept[f.id] = field(f.id);
  const again = (errors: Record<string, string>): ConversationReply => ({ kind: "form", form: { descriptor, values: kept, errors } });
  const tooLong = overLongFields(descriptor, values, deadlineId);
  if (Object.keys(tooLong).length) return again(tooLong);
  const event = action === ActionId.RecordReferralDecision
    ? { kind: "referral-decision" as const, // The response is checked against the one list by the use case's schema.
        response: field(RESPONSE_FIELD) as never, feedbackOn: field(FEEDBACK_ON_FIELD), ...(field(FEEDBACK_HOW_FIELD) ? { feedbackHow: field(FEEDBACK_HOW_FIELD) } : {}) }
    : action === ActionId.RecordPermanencePlan
      ? { kind: "permanence-plan-recorded" as const }
      : { kind: "assessment-concluded" as const, ...(field(REASON_FIELD) ? { overrunReason: field(REASON_FIELD) } : {}) };
  try {
    const { notice } = await deps.app.recordClosingEvent({ key: turn.key, actor, conversation: turn.conversation, deadlineId, closedOn: field(CLOSED_ON_FIELD), event });
    return deadlinesAfter(deps, turn, notice);
  } catch (err) {
    const errors = fieldErrorsOf(err, descriptor, { ["overrunReason"]: REASON_FIELD });
    if (errors) return again(errors);
    throw err;
  }
}

/**
 * A use case's refusal as errors beside the form's boxes: zod issues by the last step of
 * their path (renamed through `aliases` where the command's name differs from the box's),
 * and a DomainError that names its field. Null when the failure belongs to no field.
 */
function fieldErrorsOf(err: unknown, descriptor: FormDescriptor, aliases: Record<string, string>): Record<string, string> | null {
  if (err instanceof ZodError) {
    const errors: Record<string, string> = {};
    for (const issue of err.issues) {
      const key = String(issue.path.at(-1) ?? WHOLE_FORM);
      const id = aliases[key] ?? (descriptor.fields.some((f) => f.id === key) ? key : WHOLE_FORM);
      errors[id] ??= issue.message;
    }
    return errors;
  }
  if (err instanceof DomainError && typeof err.details?.field === "string") return { [err.details.field]: err.message };
  return null;
}

/** The row's role label, for a form's words only (never for authorisation); null when the button did not say. */
function roleLabel(role: string | undefined): string | null {
  return INVITEE_ROLE_LABELS[role as InviteeRole] ?? null;
}

function stringsOf(values: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined) out[k] = v;
  return out;
}

async function submitConvene(deps: ActionDeps, turn: ConversationTurn, caseRefText: string, values: SubmittedValues): Promise<ConversationReply> {
  const caseRef = parseCaseReference(caseRefText);
  const kind = values.kind && isMeetingKind(values.kind) ? values.kind : "strategy-discussion";
  // Confirmations already on the form stay on it when it comes back.
  const asked = (Object.keys(CONFIRMATION_FIELD) as ConveneConfirmation[]).filter((c) => CONFIRMATION_FIELD[c] in values);
  const formWith = (confirmations: ConveneConfirmation[]) => conveneForm(caseRef, kind, confirmations);
  const descriptor = formWith(asked);
  const again = (errors: Record<string, string>, shown = descriptor): ConversationReply => ({ kind: "form", form: { descriptor: shown, values: keptValues(shown, values), errors } });
  const tooLong = overLongFields(descriptor, values);
  if (Object.keys(tooLong).length) return again(tooLong);
  const read = await readConveneSubmission(values, { key: turn.key, actor: await turn.actor(), conversation: turn.conversation, caseRef, kind, resolvePerson: (id) => turn.resolvePerson(id) });
  if (!read.ok) return again(read.errors);
  try {
    const { roster } = await deps.app.conveneMeeting(read.cmd);
    return {
      kind: "notice",
      notice: { title: `${roster.kindTitle} convened · ${roster.caseReference}`, text: "The roster card is posted in the case channel. Invitees answer there." },
      tone: "info",
      audience: "actor",
    };
  } catch (err) {
    if (err instanceof ZodError) return again(conveneErrorFields(err.issues, read.inviteeFields));
    if (err instanceof DomainError) {
      const confirm = err.details?.confirm as ConveneConfirmation | undefined;
      if (confirm && confirm in CONFIRMATION_FIELD) {
        const shown = formWith([...new Set([...asked, confirm])]);
        return again({ [CONFIRMATION_FIELD[confirm]]: err.message }, shown);
      }
      const index = err.details?.inviteeIndex;
      if (typeof index === "number" && read.inviteeFields[index]) return again({ [read.inviteeFields[index]!]: err.message });
      return again(err.details?.field === "scheduledLocal" ? { date: err.message } : { [WHOLE_FORM]: err.message });
    }
    throw err;
  }
}

/**
 * "Mark held" first asks who took part (a click carries no step); the submission records it.
 * Without the statutory minimum the form comes back asking why it went ahead, beside the box.
 */
async function markHeld(deps: ActionDeps, turn: ConversationTurn, meetingId: string, values: SubmittedValues): Promise<ConversationReply> {
  const roster: RosterView = await sharedRoster(deps, turn, meetingId);
  const descriptor = heldForm(roster);
  const again = (errors: Record<string, string>): ConversationReply => ({ kind: "form", form: { descriptor, values: keptValues(descriptor, values), errors, host: { roster } } });
  if (values.step !== HELD_STEP) return { kind: "form", form: { descriptor, values: {}, errors: {}, host: { roster } } };
  const tooLong = overLongFields(descriptor, values);
  if (Object.keys(tooLong).length) return again(tooLong);
  const known = new Set<string>(ATTENDANCE_CHOICES.map((c) => c.value));
  const attendance = roster.rows.flatMap((row) => {
    const said = values[HeldField.attendance(row.invitationId)];
    if (!said || !known.has(said)) return [];
    const note = values[HeldField.note(row.invitationId)]?.trim();
    return [{ invitationId: row.invitationId, attendance: said as "attended" | "apologies" | "absent", ...(note ? { note } : {}) }];
  });
  const reason = values[HeldField.reason]?.trim();
  try {
    const result = await deps.app.markMeetingHeld({ key: turn.key, actor: await turn.actor(), conversation: turn.conversation, meetingId, attendance, ...(reason ? { overrideReason: reason } : {}) });
    return { kind: "roster", roster: result.roster, notice: "Marked held. Record the decision next." };
  } catch (err) {
    // Without the statutory minimum, ask why it went ahead; the record keeps the reason.
    if (err instanceof DomainError && QUORUM_FOLLOW_UP.has(err.code)) return again({ [HeldField.reason]: err.message });
    throw err;
  }
}

/** "Reschedule…" asks for the new time (a click carries no step); the submission moves the meeting. */
async function reschedule(deps: ActionDeps, turn: ConversationTurn, meetingId: string, values: SubmittedValues): Promise<ConversationReply> {
  const roster = await sharedRoster(deps, turn, meetingId);
  const asked = RescheduleField.confirmNonWorkingDay in values;
  const descriptor = rescheduleForm(roster, asked);
  const again = (errors: Record<string, string>, shown = descriptor): ConversationReply => ({ kind: "form", form: { descriptor: shown, values: keptValues(shown, values), errors, host: { roster } } });
  if (values.step !== RESCHEDULE_STEP) return { kind: "form", form: { descriptor, values: {}, errors: {}, host: { roster } } };
  const date = (values[RescheduleField.date] ?? "").trim();
  const time = (values[RescheduleField.time] ?? "").trim();
  if (!date || !time) return again({ ...(!date ? { [RescheduleField.date]: "Give the new date." } : {}), ...(!time ? { [RescheduleField.time]: "Give the new time (UK time)." } : {}) });
  const tooLong = overLongFields(descriptor, values);
  if (Object.keys(tooLong).length) return again(tooLong);
  const reason = values[RescheduleField.reason]?.trim();
  try {
    const result = await deps.app.rescheduleMeeting({
      key: turn.key, actor: await turn.actor(), conversation: turn.conversation, meetingId, scheduledLocal: `${date}T${time}`,
      ...(reason ? { reason } : {}), confirm: { nonWorkingDay: values[RescheduleField.confirmNonWorkingDay] === "true" },
    });
    return { kind: "roster", roster: result.roster, notice: "Moved. Everyone who had answered is asked again, and the case channel is told." };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    if (err.details?.confirm === "nonWorkingDay") return again({ [RescheduleField.confirmNonWorkingDay]: err.message }, rescheduleForm(roster, true));
    if (err.details?.field === "scheduledLocal") return again({ [RescheduleField.date]: err.message });
    throw err;
  }
}

/**
 * "Change invitees…" asks who each row should have now (a click carries no step); the
 * submission gives rows to someone else, adds rows or removes optional ones. Refusals come back
 * beside the row's boxes, with what was typed kept.
 */
async function changeInviteesFromChat(deps: ActionDeps, turn: ConversationTurn, meetingId: string, values: SubmittedValues): Promise<ConversationReply> {
  const roster = await sharedRoster(deps, turn, meetingId);
  const descriptor = changeInviteesForm(roster);
  const again = (errors: Record<string, string>): ConversationReply => ({ kind: "form", form: { descriptor, values: keptValues(descriptor, values), errors, host: { roster } } });
  if (values.step !== CHANGE_INVITEES_STEP) return { kind: "form", form: { descriptor, values: {}, errors: {}, host: { roster } } };
  const tooLong = overLongFields(descriptor, values);
  if (Object.keys(tooLong).length) return again(tooLong);
  const kind = isMeetingKind(roster.kind) ? roster.kind : "strategy-discussion";
  const errors: Record<string, string> = {};
  const read = await readInviteeRows(values, kind, (id) => turn.resolvePerson(id), errors, { requireRequired: false });
  if (Object.keys(errors).length) return again(errors);
  const remove = inviteeRolesFor(kind).filter((role) => values[removeRowField(role)] === "true");
  // The boxes a role's refusal goes beside: the one it was filled in, else its remove box.
  const onForm = (id: string | undefined) => (id && descriptor.fields.some((f) => f.id === id) ? id : undefined);
  const fieldOfRole = (role: string): string =>
    onForm(read.inviteeFields[read.invitees.findIndex((i) => i.role === role)]) ?? onForm(removeRowField(role as InviteeRole)) ?? onForm(ConveneField.person(role as InviteeRole)) ?? WHOLE_FORM;
  try {
    const { roster: changed } = await deps.app.changeInvitees({ key: turn.key, actor: await turn.actor(), conversation: turn.conversation, meetingId, invitees: read.invitees, remove });
    return { kind: "roster", roster: changed, notice: "Invitees changed. New invitees are asked personally, anyone taken off is told, and the case channel sees the change." };
  } catch (err) {
    if (err instanceof ZodError) return again(conveneErrorFields(err.issues, read.inviteeFields));
    if (!(err instanceof DomainError)) throw err;
    // A row's refusal goes beside its boxes; anything else (not theirs to change) is a private refusal.
    const role = err.details?.role;
    if (typeof role === "string") return again({ [fieldOfRole(role)]: err.message });
    if (err.code === "NOTHING_TO_CHANGE") return again({ [WHOLE_FORM]: err.message });
    throw err;
  }
}

/** Why there is no poll to answer or pick from, and what to do instead. */
function noPollMessage(roster: RosterView): string {
  if (roster.status === "scheduled") return `A time has been set: ${roster.whenLabel}. Answer on the roster card; to move it, the convenor can press Reschedule….`;
  if (roster.status === "proposed") return "No times are proposed yet. The convenor can press Find a time… on the roster card.";
  return `This meeting is ${roster.statusLabel.toLowerCase()}; there are no times to choose.`;
}

/** A time-poll form over its roster: shown on a click (no step), and again with errors beside the boxes. */
async function timePollForm(deps: ActionDeps, turn: ConversationTurn, meetingId: string, values: SubmittedValues, build: (roster: RosterView) => FormDescriptor) {
  const roster = await sharedRoster(deps, turn, meetingId);
  const descriptor = build(roster);
  const again = (errors: Record<string, string>): ConversationReply => ({ kind: "form", form: { descriptor, values: keptValues(descriptor, values), errors, host: { roster } } });
  const opened: ConversationReply | null = values.step === TIME_POLL_STEP ? null : { kind: "form", form: { descriptor, values: {}, errors: {}, host: { roster } } };
  return { roster, descriptor, again, opened };
}

/**
 * "Find a time…" asks for two to five times; the submission proposes them. A date without a
 * time (or the reverse) and each refused time come back beside its own boxes.
 */
async function proposeTimesFromChat(deps: ActionDeps, turn: ConversationTurn, meetingId: string, values: SubmittedValues): Promise<ConversationReply> {
  const { again, opened } = await timePollForm(deps, turn, meetingId, values, proposeTimesForm);
  if (opened) return opened;
  const errors: Record<string, string> = {};
  const times: string[] = [];
  const boxOf: number[] = [];
  for (let n = 1; n <= MAX_PROPOSED_TIMES; n++) {
    const date = (values[TimeOptionField.date(n)] ?? "").trim();
    const time = (values[TimeOptionField.time(n)] ?? "").trim();
    if (date && !time) errors[TimeOptionField.time(n)] = "Give a time as well as the date (UK time).";
    else if (time && !date) errors[TimeOptionField.date(n)] = "Give a date as well as the time.";
    else if (date && time) {
      times.push(`${date}T${time}`);
      boxOf.push(n);
    }
  }
  if (Object.keys(errors).length) return again(errors);
  try {
    const { roster } = await deps.app.proposeMeetingTimes({ key: turn.key, actor: await turn.actor(), conversation: turn.conversation, meetingId, times });
    return { kind: "roster", roster, notice: "Times proposed. Invitees are asked in the case channel to tick the times they can make." };
  } catch (err) {
    if (err instanceof ZodError) return again({ [TimeOptionField.date(1)]: err.issues[0]?.message ?? "Check the dates and times." });
    if (!(err instanceof DomainError)) throw err;
    const problems = err.details?.times as Record<string, string> | undefined;
    if (problems) return again(Object.fromEntries(Object.entries(problems).map(([i, m]) => [TimeOptionField.date(boxOf[Number(i)]!), m])));
    if (err.details?.field === "times") return again({ [TimeOptionField.date(1)]: err.message });
    throw err;
  }
}

/** "Times I can make…" asks which proposed times the presser can make; the submission saves them. */
async function answerTimesFromChat(deps: ActionDeps, turn: ConversationTurn, meetingId: string, values: SubmittedValues): Promise<ConversationReply> {
  const { roster, again, opened } = await timePollForm(deps, turn, meetingId, values, answerTimesForm);
  if (!roster.timePoll) return refusal(noPollMessage(roster));
  if (opened) return opened;
  const available = roster.timePoll.options.filter((o) => values[canMakeField(o.slotId)] === "true").map((o) => o.slotId);
  try {
    const result = await deps.app.answerMeetingTimes({ key: turn.key, actor: await turn.actor(), conversation: turn.conversation, meetingId, available });
    return { kind: "roster", roster: result.roster, notice: available.length ? `Saved: you can make ${available.length} of ${roster.timePoll.options.length} times.` : "Saved: you cannot make any of these times. The convenor will see that." };
  } catch (err) {
    if (err instanceof DomainError && err.code === "TIME_NOT_PROPOSED") return again({ [WHOLE_FORM]: err.message });
    throw err;
  }
}

/** "Pick a time…" asks which proposed time to hold the meeting at; the submission schedules it. */
async function pickTimeFromChat(deps: ActionDeps, turn: ConversationTurn, meetingId: string, values: SubmittedValues): Promise<ConversationReply> {
  const { roster, again, opened } = await timePollForm(deps, turn, meetingId, values, pickTimeForm);
  if (!roster.timePoll) return refusal(noPollMessage(roster));
  if (opened) return opened;
  const slotId = (values[PICKED_TIME_FIELD] ?? "").trim();
  if (!slotId) return again({ [PICKED_TIME_FIELD]: "Choose one of the times." });
  try {
    const result = await deps.app.pickMeetingTime({ key: turn.key, actor: await turn.actor(), conversation: turn.conversation, meetingId, slotId });
    return { kind: "roster", roster: result.roster, notice: `Scheduled for ${result.roster.whenLabel}. The case channel is told, and the calendar invite is on the card.` };
  } catch (err) {
    if (err instanceof DomainError && err.details?.field === "slotId") return again({ [PICKED_TIME_FIELD]: err.message });
    throw err;
  }
}

/**
 * The record form in two steps. A submission is checked: the record as it would be saved is
 * shown with the plain-language advice, and the values are kept as a draft. The preview's Save
 * stores that draft (exactly what was checked); Edit brings the form back with it.
 */
async function submitRecord(deps: ActionDeps, turn: ConversationTurn, meetingId: string, values: SubmittedValues): Promise<ConversationReply> {
  const actor = await turn.actor();
  const base = { key: turn.key, actor, conversation: turn.conversation, meetingId };
  const draftId = values.draftId?.trim();
  const formFrom = async (errors: Record<string, string>, fromDraft?: string): Promise<ConversationReply> => {
    const opened = await deps.app.openDecisionForm({ ...base, ...(fromDraft ? { draftId: fromDraft } : {}) });
    const descriptor = recordForm({ meetingId, caseReference: opened.caseReference, kind: opened.kind, amend: opened.amend, values: opened.values, rosterAttendees: opened.rosterAttendees });
    return { kind: "form", form: { descriptor, values: stringsOf(opened.values), errors } };
  };
  if (values.step === RecordStep.edit && draftId) return formFrom({}, draftId);
  if (values.step === RecordStep.save && draftId) {
    const result = await deps.app.recordDecision({ ...base, values: {}, draftId });
    // What was checked no longer passes (the roster changed meanwhile): back to the form, beside the boxes.
    if (!result.ok) return formFrom(result.errors, draftId);
    return {
      kind: "roster",
      roster: result.roster,
      notice: `Decision record version ${result.record.version} saved. The case channel gets the summary; the full record is for those entitled.`,
    };
  }
  const amendmentReason = (values[AMENDMENT_REASON_FIELD] ?? "").trim();
  const opened = await deps.app.openDecisionForm(base);
  const descriptor = recordForm({ meetingId, caseReference: opened.caseReference, kind: opened.kind, amend: opened.amend, values, rosterAttendees: opened.rosterAttendees });
  const recordValues = fieldValues(descriptor, values);
  delete recordValues[AMENDMENT_REASON_FIELD];
  const again = (errors: Record<string, string>): ConversationReply => ({ kind: "form", form: { descriptor, values: keptValues(descriptor, values), errors } });
  const tooLong = overLongFields(descriptor, values);
  if (Object.keys(tooLong).length) return again(tooLong);
  const checked = await deps.app.previewDecisionRecord({ ...base, values: recordValues, ...(amendmentReason ? { amendmentReason } : {}) });
  if (!checked.ok) return again(checked.errors);
  return { kind: "record-preview", preview: recordPreview(checked.record, describeLanguageAdvice(checked.advice), checked.draftId) };
}

async function waive(deps: ActionDeps, turn: ConversationTurn, deadlineId: string, values: SubmittedValues): Promise<ConversationReply> {
  const actor = await turn.actor();
  const reason = readField(values, REASON_FIELD, deadlineId);
  if (reason === undefined) {
    // The deadline is looked up again through the app, so the form names what the case really has.
    const listed = await deps.app.listDeadlines({ key: turn.key, actor, conversation: turn.conversation });
    const line = listed.lines.find((l) => l.kind === "deadline" && l.id === deadlineId);
    if (!line) return refusal("That deadline is no longer open.");
    return show(waiveForm(deadlineId, line.title, listed.caseReference), { scope: deadlineId });
  }
  const { notice } = await deps.app.waiveDeadline({ key: turn.key, actor, conversation: turn.conversation, deadlineId, reason: reason.trim() });
  try {
    return { kind: "deadlines", deadlines: await deps.app.listDeadlines({ key: turn.key, actor, conversation: turn.conversation }), notice };
  } catch (err) {
    // The waiver is saved; only the re-listing failed, so say what was done.
    deps.logger.error({ err: { message: (err as Error).message, code: (err as { code?: string }).code } }, "deadlines re-list failed");
    return { kind: "notice", notice, tone: "info", audience: "actor" };
  }
}
