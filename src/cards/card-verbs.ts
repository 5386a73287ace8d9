/**
 * Every Action.Execute verb Convene's cards carry, in one place (the Netflix/dispatch
 * "action ids in one enum" rule). The Teams edge routes invokes by these verbs.
 */
export const CardVerb = {
  /** Submits the convene form. Data: { caseRef, kind }. */
  conveneSubmit: "convene.submit",
  /** An invitee answers a roster row. Data: { meetingId, invitationId, answer }. */
  respond: "convene.respond",
  /** The convenor marks the meeting held. Data: { meetingId }. */
  markHeld: "convene.markHeld",
  /** Opens the decision record form. Data: { meetingId }. */
  openRecord: "convene.openRecord",
  /** Submits the decision record form. Data: { meetingId }. */
  recordSubmit: "convene.recordSubmit",
  /** Card refresh (user-specific views and in-place updates). Data: { meetingId }. */
  refresh: "convene.refresh",
  /** Shows the deadlines for a case. Data: { caseRef }. */
  deadlines: "convene.deadlines",
  /** A team manager waives an open deadline. Data: { deadlineId }, plus the reason input `waiveReason_<deadlineId>`. */
  waiveDeadline: "deadline.waive",
} as const;

/** One of {@link CardVerb}. */
export type CardVerbValue = (typeof CardVerb)[keyof typeof CardVerb];
