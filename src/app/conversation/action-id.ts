/**
 * Every button and form submission Convene understands, in every channel: Teams
 * `Action.Execute` verbs, Slack `action_id` prefixes and modal `callback_id`s are all these
 * values (the dispatch pattern: action ids in one enum). Edges never invent their own.
 */
export enum ActionId {
  /** Opens the convene form again (Slack, where a typed mention cannot open a modal). Target: a case reference. */
  OpenConveneForm = "convene.open",
  /** Links this channel to a case after the person confirmed moving it from another case. Target: a case reference. */
  ConfirmRelink = "case.relink",
  /** Submits the convene form. Target: a case reference. */
  SubmitConvene = "convene.submit",
  /** An invitee accepts their row, confirming they can decide for their agency. Target: an invitation. */
  Accept = "invitation.accept",
  /** An invitee answers "tentative". Target: an invitation. */
  Tentative = "invitation.tentative",
  /** An invitee declines, with a reason (asked for when missing). Target: an invitation. */
  Decline = "invitation.decline",
  /** An invitee hands their row to a colleague (asked for when missing). Target: an invitation. */
  Delegate = "invitation.delegate",
  /** The convenor marks the meeting held; without quorum it asks why it went ahead. Target: a meeting. */
  MarkHeld = "meeting.markHeld",
  /** Moves an open meeting to a new time (asks for it when missing). Target: a meeting. */
  RescheduleMeeting = "meeting.reschedule",
  /** Gives a row to someone else, adds a row or removes an optional one (asks when the values are missing). Target: a meeting. */
  ChangeInvitees = "meeting.changeInvitees",
  /** "Find a time": the convenor proposes two to five times for a meeting without one (asks for them when missing). Target: a meeting. */
  ProposeTimes = "meeting.proposeTimes",
  /** An invitee marks the proposed times they can make (asks when missing). Target: a meeting. */
  AnswerTimes = "meeting.answerTimes",
  /** The convenor picks one of the proposed times (asks which when missing). Target: a meeting. */
  PickTime = "meeting.pickTime",
  /** Cancels an open meeting with a reason (asked for when missing). Target: a meeting. */
  CancelMeeting = "meeting.cancel",
  /** Opens the decision record form (or its amendment). Target: a meeting. */
  OpenRecord = "meeting.openRecord",
  /** Submits the decision record form. Target: a meeting. */
  SubmitRecord = "meeting.recordSubmit",
  /** Opens a meeting's full decision record for the person who pressed; anyone not entitled is refused privately. Target: a meeting. */
  ViewFullRecord = "record.view",
  /** Re-reads a decision record summary for one person (Teams card refresh): the full record if entitled, else the summary. Target: a meeting. */
  RefreshRecord = "record.refresh",
  /** Re-reads a roster (Teams card refresh). Target: a meeting. */
  RefreshRoster = "meeting.refresh",
  /** Shows a case's deadlines, privately. Target: a case reference. */
  ShowDeadlines = "case.deadlines",
  /** A team manager waives a statutory deadline, with a reason (asked for when missing). Target: a deadline. */
  WaiveDeadline = "deadline.waive",
  /** The owner, convenor or social worker marks an agreed action done; its clock closes and its nudges stop. Target: an action. */
  MarkActionDone = "action.done",
  /** The owner, convenor or social worker cancels an agreed action, with a reason (asked for when missing). Target: an action. */
  CancelAction = "action.cancel",
  /** Records the decision on a referral and the feedback to the referrer (the form is shown when values are missing). Target: a deadline. */
  RecordReferralDecision = "deadline.referralDecision",
  /** Records an assessment as concluded, with the reason for any overrun (the form is shown when values are missing). Target: a deadline. */
  ConcludeAssessment = "deadline.concludeAssessment",
  /** Records a section 47 enquiry's outcome (the form is shown when values are missing). Target: an enquiry. */
  RecordEnquiryOutcome = "enquiry.outcome",
  /** Ends the case's child protection plan with its reason (the form is shown when values are missing). Target: a case reference. */
  EndPlan = "case.endPlan",
  /** Records the permanence plan of a looked-after child, closing its clock (the form is shown when values are missing). Target: a deadline. */
  RecordPermanencePlan = "deadline.permanencePlan",
  /** Shows the presser's own meetings and actions, to them alone (a Teams channel's private view, the Slack App Home's Refresh). Target: always "mine". */
  ShowMyWork = "my.show",
}

/** What an action's target is, and so the data key that carries it in a card. */
export type ActionTargetKey = "caseRef" | "invitationId" | "meetingId" | "deadlineId" | "actionId" | "enquiryId" | "list";

/** The data key of each action's target. Cards carry `{ [key]: target }`; Slack puts the target after the id. */
export const ACTION_TARGET: Record<ActionId, ActionTargetKey> = {
  [ActionId.OpenConveneForm]: "caseRef",
  [ActionId.SubmitConvene]: "caseRef",
  [ActionId.ConfirmRelink]: "caseRef",
  [ActionId.Accept]: "invitationId",
  [ActionId.Tentative]: "invitationId",
  [ActionId.Decline]: "invitationId",
  [ActionId.Delegate]: "invitationId",
  [ActionId.MarkHeld]: "meetingId",
  [ActionId.RescheduleMeeting]: "meetingId",
  [ActionId.CancelMeeting]: "meetingId",
  [ActionId.ChangeInvitees]: "meetingId",
  [ActionId.ProposeTimes]: "meetingId",
  [ActionId.AnswerTimes]: "meetingId",
  [ActionId.PickTime]: "meetingId",
  [ActionId.OpenRecord]: "meetingId",
  [ActionId.SubmitRecord]: "meetingId",
  [ActionId.RefreshRoster]: "meetingId",
  [ActionId.ViewFullRecord]: "meetingId",
  [ActionId.RefreshRecord]: "meetingId",
  [ActionId.ShowDeadlines]: "caseRef",
  [ActionId.WaiveDeadline]: "deadlineId",
  [ActionId.MarkActionDone]: "actionId",
  [ActionId.CancelAction]: "actionId",
  [ActionId.RecordReferralDecision]: "deadlineId",
  [ActionId.ConcludeAssessment]: "deadlineId",
  [ActionId.RecordEnquiryOutcome]: "enquiryId",
  [ActionId.EndPlan]: "caseRef",
  [ActionId.RecordPermanencePlan]: "deadlineId",
  [ActionId.ShowMyWork]: "list",
};

/** The one target of {@link ActionId.ShowMyWork}: whose list is read comes from the presser's identity, never from the card. */
export const MY_WORK_TARGET = "mine";

/**
 * The extra a button carries on the person's own list ("my"), so that the answer to a press
 * there is that list again, brought up to date. It decides only how the answer is shown:
 * who may answer or close what is still decided from our rows.
 */
export const FROM_MY_WORK: Readonly<Record<string, string>> = { from: "my-work" };

const ACTION_IDS = new Set<string>(Object.values(ActionId));

/** True for one of Convene's action ids (anything else from a platform is ignored politely). */
export function isActionId(value: unknown): value is ActionId {
  return typeof value === "string" && ACTION_IDS.has(value);
}

/** The data a button carries: its target under the action's key, plus any extras (e.g. the meeting kind). */
export function actionData(action: ActionId, target: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...extra, [ACTION_TARGET[action]]: target };
}
