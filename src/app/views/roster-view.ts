import { DateTime } from "luxon";
import type { MentionView, RosterRowView, RosterView } from "./view-models";
import type { Practitioner } from "../ports/practitioner";
import type { Case } from "../../domain/case/case-reference";
import { answeredInChat, answeringPractitionerId, INVITEE_ROLE_LABELS, type Invitation } from "../../domain/invitation/invitation";
import { MEETING_STATUS_LABELS, MODE_LABELS, unfilledRequiredRoles, URGENCY_LABELS, type Meeting } from "../../domain/meeting/meeting";
import { meetingKindTitle } from "../../domain/meeting/meeting-kind";
import { LONDON } from "../../domain/shared/iso-date";


/** Who took part, in words, once the convenor has said (at "Mark held"). */
function attendanceLabel(i: Invitation): string | null {
  switch (i.attendance) {
    case "attended":
      return "Took part";
    case "apologies":
      return i.apologiesNote ? `Sent apologies: ${i.apologiesNote}` : "Sent apologies";
    case "absent":
      return "Did not take part";
    default:
      return null;
  }
}

/** "Tue 24 Nov 2026, 10:00 (UK time)". */
export function londonLabel(at: Date): string {
  return `${DateTime.fromJSDate(at, { zone: LONDON }).toFormat("ccc d LLL yyyy, HH:mm")} (UK time)`;
}

function responseLabel(i: Invitation): string {
  switch (i.response) {
    case "accepted":
      return i.seniorityConfirmed ? "Accepted · can decide for their agency" : "Accepted";
    case "tentative":
      return i.responseReason ? `Tentative: ${i.responseReason}` : "Tentative";
    case "declined":
      return `Declined: ${i.responseReason ?? "no reason given"}`;
    case "delegated":
      return i.responseReason ?? "Delegated";
    default:
      if (!answeredInChat(i)) return "Invited · the convenor records whether they came";
      return i.chaseCount ? `Invited · no answer yet · chased ${i.chaseCount}×` : "Invited · no answer yet";
  }
}

/** Builds the convening card's view model from our rows. */
export function buildRosterView(c: Case, m: Meeting, invitations: readonly Invitation[], convenorLabel: string, revision: number, people: readonly Practitioner[] = []): RosterView {
  const byId = new Map(people.map((p) => [p.id, p]));
  // The person who answers for the row now: the delegate, else whoever claimed it, else the named invitee.
  const mentionOf = (i: Invitation): MentionView | null => {
    const p = byId.get(answeringPractitionerId(i) ?? "");
    return p ? { platform: p.platform, platformUserId: p.platformUserId, displayName: p.displayName } : null;
  };
  const rows: RosterRowView[] = invitations.map((i) => ({
    invitationId: i.id,
    role: i.role,
    roleLabel: INVITEE_ROLE_LABELS[i.role],
    required: i.required,
    inviteeLabel: i.inviteeLabel,
    response: i.response,
    responseLabel: responseLabel(i),
    attendance: i.attendance,
    attendanceLabel: attendanceLabel(i),
    mention: mentionOf(i),
    answeredInChat: answeredInChat(i),
  }));
  return {
    meetingId: m.id,
    caseReference: c.reference,
    kind: m.kind,
    kindTitle: meetingKindTitle(m.kind),
    status: m.status,
    statusLabel: MEETING_STATUS_LABELS[m.status],
    urgencyLabel: URGENCY_LABELS[m.urgency],
    whenLabel: m.scheduledAt ? londonLabel(m.scheduledAt) : "Time to be agreed",
    modeLabel: MODE_LABELS[m.mode],
    concern: m.concern,
    convenorLabel,
    rows,
    missingRequiredRoles: unfilledRequiredRoles(m.kind, invitations).map((r) => INVITEE_ROLE_LABELS[r]),
    quorumOverrideReason: m.quorumOverrideReason,
    revision,
    ...onlineMeetingView(m),
  };
}

/** The words a roster shows while a Teams meeting's create is failing (the outbox keeps retrying). */
export const ONLINE_MEETING_RETRYING = "Teams meeting: could not be created yet; retrying";

/** The join link, or why there is none yet, for an open meeting; nothing once it has happened or was cancelled. */
function onlineMeetingView(m: Meeting): Pick<RosterView, "joinUrl" | "onlineMeetingNote"> {
  const online = m.onlineMeeting;
  if (!online || (m.status !== "scheduled" && m.status !== "proposed")) return {};
  if (online.state === "created" && online.joinUrl) return { joinUrl: online.joinUrl };
  if (online.state === "failed") return { onlineMeetingNote: ONLINE_MEETING_RETRYING };
  return {};
}
