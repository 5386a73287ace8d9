/** What closed a clock, in the words the deadlines card and the exports use: the one table. */
export const CLOSING_EVENT_WORDS: Readonly<Record<string, string>> = {
  "meeting-held": "meeting held",
  "referral-decision": "decision recorded",
  "assessment-concluded": "assessment concluded",
  "action-done": "marked done",
  "action-cancelled": "cancelled",
  "plan-ended": "plan ended",
  "permanence-plan-recorded": "plan recorded",
};
