import { INVITEE_ROLE_LABELS, type InviteeRole } from "../../domain/invitation/invitation";
import type { RosterView } from "./view-models";

/** A required role the roster does not yet fill, and what the convenor can do about it. */
export interface RosterGapView {
  /** The role, e.g. "health". */
  role: string;
  /** Its label, e.g. "Health". */
  roleLabel: string;
  /** What the card says, e.g. "Health declined: invite someone else or record why the meeting goes ahead without them". */
  text: string;
}

/** The label of a role, or the role itself for one Convene does not know. */
export function roleLabelOf(role: string): string {
  return INVITEE_ROLE_LABELS[role as InviteeRole] ?? role;
}

/**
 * The required roles nobody fills, worded for what happened: never invited, or invited and
 * declined (the statutory minimum is still missing, and the convenor must act either way).
 */
export function rosterGaps(view: RosterView): RosterGapView[] {
  return view.missingRequiredRoles.map((role) => {
    const roleLabel = roleLabelOf(role);
    // The roster built from our rows names missing roles by label ("Health"), card fixtures by
    // id ("health"): a row matches either, so a decline is worded as one whichever it is.
    const isRole = (r: RosterView["rows"][number]) => r.role === role || r.roleLabel === role;
    const declined = view.rows.some((r) => isRole(r) && r.response === "declined") && !view.rows.some((r) => isRole(r) && r.response !== "declined");
    return {
      role,
      roleLabel,
      text: declined ? `${roleLabel} declined: invite someone else or record why the meeting goes ahead without them` : `${roleLabel} (required): nobody invited yet`,
    };
  });
}
