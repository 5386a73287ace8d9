import { ActionId, actionData } from "../action-id";
import type { FormDescriptor } from "../form-descriptor";

/** The id of the one box in every form that asks for a reason (decline, waive, held without quorum). */
export const REASON_FIELD = "reason";

/** Most a decline reason may say (the command schema says the same). */
export const DECLINE_REASON_MAX_LENGTH = 500;
/** Most a waiver reason may say (the command schema says the same). */
export const WAIVE_REASON_MAX_LENGTH = 500;

/** Asks a declining invitee why, so the convenor can find someone else. */
export function declineForm(invitationId: string, roleLabel: string | null): FormDescriptor {
  const what = roleLabel ? `the ${roleLabel} invitation` : "this invitation";
  return {
    action: ActionId.Decline,
    title: `Decline ${what}`,
    shortTitle: "Decline",
    intro: `You are declining ${what}. The convenor will see your reason and can invite someone else.`,
    submitLabel: "Decline",
    tone: "destructive",
    fields: [
      {
        id: REASON_FIELD,
        label: `Reason (needed to decline; up to ${DECLINE_REASON_MAX_LENGTH} characters)`,
        help: "For example: on leave; a colleague will attend instead.",
        type: "text",
        required: true,
        maxLength: DECLINE_REASON_MAX_LENGTH,
        section: "",
      },
    ],
    data: actionData(ActionId.Decline, invitationId),
  };
}

/** Asks a team manager why a statutory deadline is waived. The app refuses anyone else. */
export function waiveForm(deadlineId: string, deadlineTitle: string, caseReference: string): FormDescriptor {
  return {
    action: ActionId.WaiveDeadline,
    title: `Waive: ${deadlineTitle} · ${caseReference}`,
    shortTitle: "Waive a deadline",
    intro: `You are waiving ${deadlineTitle} for ${caseReference}. Only a team manager can waive a statutory deadline. The reason stays on the case record, and the nudges stop.`,
    submitLabel: "Waive this deadline",
    tone: "destructive",
    fields: [
      {
        id: REASON_FIELD,
        label: `Why is this deadline waived? (10 to ${WAIVE_REASON_MAX_LENGTH} characters)`,
        help: "For example: the family moved out of the area before the conference; the case transferred out.",
        type: "multiline",
        required: true,
        maxLength: WAIVE_REASON_MAX_LENGTH,
        section: "",
      },
    ],
    data: actionData(ActionId.WaiveDeadline, deadlineId),
  };
}
