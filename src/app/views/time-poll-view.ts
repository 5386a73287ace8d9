import { DateTime } from "luxon";
import { answeredInChat, INVITEE_ROLE_LABELS, type Invitation } from "../../domain/invitation/invitation";
import { requiredRoles } from "../../domain/meeting/meeting";
import type { MeetingKind } from "../../domain/meeting/meeting-kind";
import { tallyTimes, type ProposedTime, type TimeAnswer } from "../../domain/meeting/time-poll";
import { LONDON } from "../../domain/shared/iso-date";
import type { TimePollView } from "./view-models";

/** "Tue 1 Dec 2026, 10:00 (UK time)": how a proposed time reads everywhere. */
export function proposedTimeLabel(at: Date): string {
  return `${DateTime.fromJSDate(at, { zone: LONDON }).toFormat("ccc d LLL yyyy, HH:mm")} (UK time)`;
}

/** The poll as the roster shows it: each time with the roles that can, cannot and have not said, and the earliest the statutory minimum can make. */
export function buildTimePollView(kind: MeetingKind, times: readonly ProposedTime[], rows: readonly Invitation[], answers: readonly TimeAnswer[]): TimePollView {
  const { tallies, bestSlotId } = tallyTimes(times, rows, answers, requiredRoles(kind));
  const words = (roles: readonly string[]) => roles.map((r) => INVITEE_ROLE_LABELS[r as keyof typeof INVITEE_ROLE_LABELS] ?? r);
  const slotIds = new Set(times.map((t) => t.id));
  const rowIds = new Set(rows.map((r) => r.id));
  const answeredRows = new Set(answers.filter((a) => slotIds.has(a.slotId) && rowIds.has(a.invitationId)).map((a) => a.invitationId));
  const best = tallies.find((t) => t.slotId === bestSlotId);
  return {
    options: tallies.map((t) => ({
      slotId: t.slotId, label: proposedTimeLabel(t.startsAt), canMake: words(t.canMake), cannotMake: words(t.cannotMake), notYet: words(t.notYet), allRequired: t.allRequired, best: t.slotId === bestSlotId,
    })),
    bestLabel: best ? proposedTimeLabel(best.startsAt) : null,
    asked: rows.filter(answeredInChat).length,
    answered: answeredRows.size,
  };
}
