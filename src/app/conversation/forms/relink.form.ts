import { ActionId, actionData } from "../action-id";
import type { FormDescriptor } from "../form-descriptor";

/** The box that confirms moving a channel from one case to another. */
export const CONFIRM_MOVE_FIELD = "confirm_move";

/**
 * Asked when `link` would move a channel that is another case's: `explanation` names that
 * case's open meetings and clocks, which would post here no more. Nothing moves without the box.
 */
export function relinkForm(caseReference: string, explanation: string): FormDescriptor {
  return {
    action: ActionId.ConfirmRelink,
    title: `Move this channel to ${caseReference}?`,
    shortTitle: "Move this channel?",
    intro: explanation,
    submitLabel: `Move it to ${caseReference}`,
    tone: "destructive",
    fields: [{ id: CONFIRM_MOVE_FIELD, label: `Yes, make this the case channel for ${caseReference}`, type: "toggle", required: false, maxLength: 5, section: "" }],
    data: actionData(ActionId.ConfirmRelink, caseReference),
    reopen: ActionId.ConfirmRelink,
  };
}
