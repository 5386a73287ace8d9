import { ActionId, actionData } from "../action-id";
import type { FormDescriptor } from "../form-descriptor";

/** The id of the colleague picker in the delegate form. */
export const DELEGATE_FIELD = "delegate";

/** Asks an invitee which colleague in the conversation takes their row. Names are never typed. */
export function delegateForm(invitationId: string, roleLabel: string | null): FormDescriptor {
  const row = roleLabel ? `the ${roleLabel} row` : "this row";
  return {
    action: ActionId.Delegate,
    title: `Delegate ${row}`,
    shortTitle: "Delegate",
    intro: `Choose the colleague in this conversation who will answer for ${row} instead of you.`,
    submitLabel: "Delegate",
    tone: "positive",
    fields: [{ id: DELEGATE_FIELD, label: "Delegate to", type: "person", required: true, maxLength: 100, section: "", placeholder: "Choose a colleague" }],
    data: actionData(ActionId.Delegate, invitationId),
  };
}
