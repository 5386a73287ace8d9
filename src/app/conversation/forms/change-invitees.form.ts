import { INVITEE_ROLE_LABELS, type InviteeRole } from "../../../domain/invitation/invitation";
import { inviteeRolesFor, requiredRoles } from "../../../domain/meeting/meeting";
import { isMeetingKind } from "../../../domain/meeting/meeting-kind";
import type { RosterView } from "../../views/view-models";
import { ActionId, actionData } from "../action-id";
import type { ConversationField, FormDescriptor } from "../form-descriptor";
import { inviteeFields } from "./convene.form";

/** Marks a submission of the change-invitees form (a click on "Change invitees…" carries no step, and opens it). */
export const CHANGE_INVITEES_STEP = "invitees";

/** The box that removes an optional role's row: `remove_<role>`. */
export const removeRowField = (role: InviteeRole): string => `remove_${role}`;

/**
 * Asks who each row should have now. The boxes are the convene form's (same ids, same labels),
 * each saying who the role has today; an empty row keeps its invitee. Optional rows that are
 * filled can also be removed. Required rows can only be given to someone else: the statutory
 * minimum never loses its row.
 */
export function changeInviteesForm(roster: RosterView): FormDescriptor {
  const kind = isMeetingKind(roster.kind) ? roster.kind : "strategy-discussion";
  const now = new Map<InviteeRole, string>();
  for (const row of roster.rows) if (!now.has(row.role as InviteeRole)) now.set(row.role as InviteeRole, row.inviteeLabel);
  const required = new Set<string>(requiredRoles(kind));
  const fields: ConversationField[] = inviteeFields(kind, now);
  for (const role of inviteeRolesFor(kind)) {
    if (required.has(role) || !now.has(role)) continue;
    fields.push({ id: removeRowField(role), label: `Remove the ${INVITEE_ROLE_LABELS[role]} row (${now.get(role)})`, type: "toggle", required: false, maxLength: 5, section: "Remove a row" });
  }
  return {
    action: ActionId.ChangeInvitees,
    title: `Change invitees · ${roster.kindTitle} · ${roster.caseReference}`,
    shortTitle: "Change invitees",
    intro: "Choose someone new for a row, or tick a row to remove it. Rows left empty keep who is invited now. A new invitee is asked personally; anyone taken off is told.",
    submitLabel: "Change invitees",
    tone: "positive",
    fields,
    data: actionData(ActionId.ChangeInvitees, roster.meetingId, { step: CHANGE_INVITEES_STEP }),
  };
}
