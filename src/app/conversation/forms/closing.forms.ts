import { REFERRAL_RESPONSES, REFERRAL_RESPONSE_LABELS } from "../../../domain/deadline/closing-events";
import { ActionId, actionData } from "../action-id";
import type { FormDescriptor } from "../form-descriptor";
import { REASON_FIELD } from "./reason.forms";

/** The box for the day a closing event happened (the decision, the assessment's conclusion). */
export const CLOSED_ON_FIELD = "closedOn";
/** The box for the referral's response. */
export const RESPONSE_FIELD = "response";
/** The box for the day feedback was given to the referrer. */
export const FEEDBACK_ON_FIELD = "feedbackOn";
/** The box for how the referrer was told. */
export const FEEDBACK_HOW_FIELD = "feedbackHow";

/** Most a cancellation or overrun reason may say (the use cases say the same). */
export const CLOSING_REASON_MAX_LENGTH = 500;

/** Asks why an agreed action is cancelled: the reason stays on the case record. */
export function cancelActionForm(actionId: string, caseReference: string): FormDescriptor {
  return {
    action: ActionId.CancelAction,
    title: `Cancel an agreed action · ${caseReference}`,
    shortTitle: "Cancel an action",
    intro: "The action's reminders stop, and the reason stays on the case record.",
    submitLabel: "Cancel this action",
    tone: "destructive",
    fields: [
      {
        id: REASON_FIELD,
        label: `Why is this action cancelled? (10 to ${CLOSING_REASON_MAX_LENGTH} characters)`,
        help: "For example: the medical was done at hospital before the visit.",
        type: "multiline",
        required: true,
        maxLength: CLOSING_REASON_MAX_LENGTH,
        section: "",
      },
    ],
    data: actionData(ActionId.CancelAction, actionId),
  };
}

/** Records the decision on a referral and the feedback given to the referrer (Working Together: "feedback should be given"). */
export function referralDecisionForm(deadlineId: string, caseReference: string): FormDescriptor {
  return {
    action: ActionId.RecordReferralDecision,
    title: `Decision on the referral · ${caseReference}`,
    shortTitle: "Referral decision",
    intro: "Record the response decided and when the referrer was told. The decision clock closes, judged on the day of the decision.",
    submitLabel: "Record the referral decision",
    tone: "positive",
    fields: [
      { id: RESPONSE_FIELD, label: "Response decided", type: "choice", required: true, maxLength: 60, section: "", choices: REFERRAL_RESPONSES.map((value) => ({ value, label: REFERRAL_RESPONSE_LABELS[value] })) },
      { id: CLOSED_ON_FIELD, label: "Date of the decision", type: "date", required: true, maxLength: 10, section: "" },
      { id: FEEDBACK_ON_FIELD, label: "Date feedback was given to the referrer", type: "date", required: true, maxLength: 10, section: "" },
      { id: FEEDBACK_HOW_FIELD, label: "How the referrer was told (up to 200 characters)", help: "For example: phone call to the school's safeguarding lead.", type: "text", required: false, maxLength: 200, section: "" },
    ],
    data: actionData(ActionId.RecordReferralDecision, deadlineId),
  };
}

/** Records an assessment as concluded; an overrun needs its reason, which is kept. */
export function concludeAssessmentForm(deadlineId: string, caseReference: string, dueDateLabel: string): FormDescriptor {
  return {
    action: ActionId.ConcludeAssessment,
    title: `Assessment concluded · ${caseReference}`,
    shortTitle: "Assessment concluded",
    intro: `The assessment was due by ${dueDateLabel}. If it concluded later, say why: the reason is kept with the record.`,
    submitLabel: "Record the assessment as concluded",
    tone: "positive",
    fields: [
      { id: CLOSED_ON_FIELD, label: "Date the assessment concluded", type: "date", required: true, maxLength: 10, section: "" },
      {
        id: REASON_FIELD,
        label: `Reason for any overrun (needed if it concluded after ${dueDateLabel}; up to ${CLOSING_REASON_MAX_LENGTH} characters)`,
        type: "multiline",
        required: false,
        maxLength: CLOSING_REASON_MAX_LENGTH,
        section: "",
      },
    ],
    data: actionData(ActionId.ConcludeAssessment, deadlineId),
  };
}

/** Records a looked-after child's permanence plan (local rule: within 4 months of becoming looked after). */
export function permanencePlanForm(deadlineId: string, caseReference: string, dueDateLabel: string): FormDescriptor {
  return {
    action: ActionId.RecordPermanencePlan,
    title: `Permanence plan · ${caseReference}`,
    shortTitle: "Permanence plan",
    intro: `Local policy: a permanence plan within 4 months of the child becoming looked after, here by ${dueDateLabel}. The clock closes on the day the plan was recorded.`,
    submitLabel: "Record the permanence plan",
    tone: "positive",
    fields: [{ id: CLOSED_ON_FIELD, label: "Date the permanence plan was recorded", type: "date", required: true, maxLength: 10, section: "" }],
    data: actionData(ActionId.RecordPermanencePlan, deadlineId),
  };
}
