import { answeredInChat, answeringPractitionerId, INVITEE_ROLE_LABELS, type Invitation } from "../../domain/invitation/invitation";
import type { SlotFreeBusy } from "../../domain/meeting/free-busy";
import { requiredRoles } from "../../domain/meeting/meeting";
import type { MeetingKind } from "../../domain/meeting/meeting-kind";
import { roleList, tallyTimes, type ProposedTime, type TimeAnswer } from "../../domain/meeting/time-poll";
import { londonLabel } from "./roster-view";
import type { TimePollView } from "./view-models";


/**
 * Who the star waits for, in words: "social worker, health and police" at a strategy discussion,
 * "the social worker" at a conference (its only required role), so the card never promises
 * police and health where the meeting does not need them.
 */
export function bestTimeIntro(kind: MeetingKind): string {
  const required = requiredRoles(kind);
  const who = roleList(required).toLowerCase();
  return required.length > 1 ? `Earliest time ${who} can all make` : `Earliest time the ${who} can make`;
}

/**
 * The poll as the roster shows it: each time with the roles that can, cannot and have not said,
 * and the earliest the statutory minimum can make. Outlook free/busy, when given, only adds the
 * advisory "Outlook shows busy" per time: the star counts people's own answers alone. A stored
 * status counts only while the row's person is still the one whose calendar was read.
 */
export function buildTimePollView(kind: MeetingKind, times: readonly ProposedTime[], rows: readonly Invitation[], answers: readonly TimeAnswer[], freeBusy: readonly SlotFreeBusy[] = []): TimePollView {
  const { tallies, bestSlotId } = tallyTimes(times, rows, answers, requiredRoles(kind));
  const label = (r: string) => INVITEE_ROLE_LABELS[r as keyof typeof INVITEE_ROLE_LABELS] ?? r;
  const words = (roles: readonly string[]) => roles.map(label);
  const slotIds = new Set(times.map((t) => t.id));
  const rowIds = new Set(rows.map((r) => r.id));
  const answeredRows = new Set(answers.filter((a) => slotIds.has(a.slotId) && rowIds.has(a.invitationId)).map((a) => a.invitationId));
  const best = tallies.find((t) => t.slotId === bestSlotId);
  const asked = rows.filter(answeredInChat);
  const current = freeBusy.filter((f) => {
    const row = asked.find((r) => r.id === f.invitationId);
    return slotIds.has(f.slotId) && row !== undefined && answeringPractitionerId(row) === f.practitionerId;
  });
  const readRows = new Set(current.filter((f) => f.status !== "unknown").map((f) => f.invitationId));
  const unique = (xs: readonly string[]) => [...new Set(xs)];
  return {
    options: tallies.map((t) => ({
      slotId: t.slotId, label: londonLabel(t.startsAt), canMake: words(t.canMake), cannotMake: words(t.cannotMake), notYet: words(t.notYet), allRequired: t.allRequired, best: t.slotId === bestSlotId,
      outlookBusy: unique(current.filter((f) => f.slotId === t.slotId && f.status === "busy").map((f) => label(asked.find((r) => r.id === f.invitationId)!.role))),
    })),
    bestLabel: best ? londonLabel(best.startsAt) : null,
    bestIntro: bestTimeIntro(kind),
    asked: asked.length,
    answered: answeredRows.size,
    outlookChecked: current.length > 0,
    // A role is "not checked" only if none of its rows was read: one read calendar speaks for the role, as one answer does.
    outlookNotChecked: current.length ? words(unique(asked.map((r) => r.role)).filter((role) => !asked.some((r) => r.role === role && readRows.has(r.id)))) : [],
  };
}

/** "Outlook shows busy: Police (advisory)": one proposed time's calendar advice, the same words in Teams and Slack. */
export function outlookBusyLine(roles: readonly string[]): string {
  return `Outlook shows busy: ${roles.join(", ")} (advisory)`;
}

/** Which roles' calendars were not read, so nobody takes silence for "free". */
export function outlookNotCheckedLine(roles: readonly string[]): string {
  return `Outlook calendars not checked for: ${roles.join(", ")} (other organisations and agency contacts are never looked up)`;
}
