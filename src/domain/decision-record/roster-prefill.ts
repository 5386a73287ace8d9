/**
 * What the roster already knows about a held meeting, in the record's own shapes: who took
 * part and who sent apologies (recorded at "Mark held"). The record form merges these in, so
 * nobody on the roster has to be typed twice.
 *
 * These values are derived from platform display names and claims, not typed into the
 * record, so they must never fail a check the recorder cannot fix: each is fitted to the
 * schema's limit here (the roster keeps the full label).
 */
import { INVITEE_ROLE_LABELS, type Invitation } from "../invitation/invitation";
import { ATTENDEE_TEXT_MAX, type Apology, type Attendee } from "./record-parts.schema";

/** Fits a derived label to `max` characters, marking any shortening with an ellipsis; a blank label becomes `fallback`. */
export function fitDerived(label: string, max: number, fallback: string): string {
  const t = label.replace(/\s+/g, " ").trim() || fallback;
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** The roster's "took part" rows as record attendees, with the seniority each confirmed when answering. */
export function rosterAttendees(invitations: readonly Invitation[]): Attendee[] {
  return invitations
    .filter((i) => i.attendance === "attended")
    .map((i) => ({
      name: fitDerived(i.inviteeLabel, ATTENDEE_TEXT_MAX, "Name not known"),
      role: fitDerived(INVITEE_ROLE_LABELS[i.role], ATTENDEE_TEXT_MAX, "Role not known"),
      agency: fitDerived(i.agency, ATTENDEE_TEXT_MAX, "Agency not known"),
      seniorityConfirmed: i.seniorityConfirmed,
    }));
}

/** The roster's "sent apologies" rows as record apologies. */
export function rosterApologies(invitations: readonly Invitation[]): Apology[] {
  return invitations
    .filter((i) => i.attendance === "apologies")
    .map((i) => ({ name: fitDerived(i.inviteeLabel, ATTENDEE_TEXT_MAX, "Name not known"), agency: fitDerived(i.agency, ATTENDEE_TEXT_MAX, "Agency not known") }));
}

/** The written contributions of those who sent apologies, one line each, to pre-fill the record's box. */
export function rosterAbsentContributions(invitations: readonly Invitation[]): string {
  return invitations
    .filter((i) => i.attendance === "apologies" && i.apologiesNote?.trim())
    .map((i) => `${i.inviteeLabel} (${i.agency}): ${i.apologiesNote!.trim()}`)
    .join("\n");
}
