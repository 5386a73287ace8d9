import { ENQUIRY_OUTCOMES, ENQUIRY_OUTCOME_LABELS } from "../../../domain/enquiry/section-47-enquiry";
import { ActionId, actionData } from "../action-id";
import type { FormDescriptor } from "../form-descriptor";
import { REASON_FIELD } from "./reason.forms";

/** The box for the enquiry's outcome (the domain's refusals name it). */
export const OUTCOME_FIELD = "outcome";
/** The box for the day the outcome was reached (the domain's refusals name it). */
export const OUTCOME_DATE_FIELD = "date";
/** Most the reason may say (the use case says the same). */
export const OUTCOME_REASON_MAX_LENGTH = 500;

/**
 * Records how a section 47 enquiry ended: substantiated with an initial conference to convene,
 * substantiated with no conference (say why), or not substantiated. The field ids match the
 * `details.field` of the domain's refusals, so each comes back beside its box.
 */
export function enquiryOutcomeForm(enquiryId: string, caseReference: string, startLabel: string): FormDescriptor {
  return {
    action: ActionId.RecordEnquiryOutcome,
    title: `Section 47 enquiry outcome · ${caseReference}`,
    shortTitle: "Enquiry outcome",
    intro: `The enquiry started ${startLabel}. If the concerns are not substantiated, talk with the child, the parents and the practitioners, and consider what support is needed.`,
    submitLabel: "Record the enquiry outcome",
    tone: "positive",
    fields: [
      { id: OUTCOME_FIELD, label: "Outcome of the enquiry", type: "choice", required: true, maxLength: 60, section: "", choices: ENQUIRY_OUTCOMES.map((value) => ({ value, label: ENQUIRY_OUTCOME_LABELS[value] })) },
      { id: OUTCOME_DATE_FIELD, label: "Date the outcome was reached", type: "date", required: true, maxLength: 10, section: "" },
      {
        id: REASON_FIELD,
        label: `Why no conference will be held (needed for that outcome; up to ${OUTCOME_REASON_MAX_LENGTH} characters)`,
        help: "For example: the family moved to a refuge and a child in need plan is in place.",
        type: "multiline",
        required: false,
        maxLength: OUTCOME_REASON_MAX_LENGTH,
        section: "",
      },
    ],
    data: actionData(ActionId.RecordEnquiryOutcome, enquiryId),
  };
}
