import type { RosterView } from "./view-models";
import { DomainError } from "../../domain/shared/domain-error";
import type { Repositories } from "../ports/unit-of-work";
import type { ChannelLink } from "../ports/channel-link";
import { buildRosterView } from "./roster-view";
import { buildTimePollView } from "./time-poll-view";
import type { CalendarLinks } from "../ports/calendar-link";
import type { Meeting } from "../../domain/meeting/meeting";
import type { Case } from "../../domain/case/case-reference";
import type { Invitation } from "../../domain/invitation/invitation";

/**
 * The roster's calendar link, issued now: for a timed meeting that is still to happen (the
 * invite) or cancelled (the CANCEL that takes it out of calendars). Held meetings need none.
 */
export function calendarUrlFor(meeting: Meeting, links: CalendarLinks | undefined, now: Date): { calendarUrl?: string } {
  if (!links || !meeting.scheduledAt) return {};
  if (meeting.status !== "scheduled" && meeting.status !== "proposed" && meeting.status !== "cancelled") return {};
  return { calendarUrl: links.inviteUrl(meeting.id, now) };
}

/**
 * Loads a meeting and its roster rows and builds the card view, with a fresh calendar link
 * when `links` are given. `revision` is the time of the change (ms), which also dates the
 * link. Throws `MEETING_NOT_FOUND`.
 */
export async function loadRoster(
  repos: Repositories,
  meetingId: string,
  revision: number,
  links?: CalendarLinks,
  /** The meeting, its case and its roster rows as the command already holds them (saved as they are), so they are not read again. */
  known: { meeting?: Meeting; c?: Case; invitations?: Invitation[] } = {},
): Promise<RosterView> {
  const meeting = known.meeting?.id === meetingId ? known.meeting : await repos.meetings.findById(meetingId);
  if (!meeting) throw new DomainError("MEETING_NOT_FOUND", "That meeting no longer exists.");
  const c = known.c?.id === meeting.caseId ? known.c : await repos.cases.findById(meeting.caseId);
  if (!c) throw new DomainError("CASE_NOT_FOUND", "That case no longer exists.");
  const invitations = known.invitations ?? (await repos.invitations.listForMeeting(meetingId));
  const answering = invitations.flatMap((i) => [i.delegateId, i.claimedById, i.inviteePractitionerId]).filter((x): x is string => Boolean(x));
  // The convenor and everyone answering in one read.
  const found = await repos.practitioners.findManyByIds([...new Set([meeting.convenorId, ...answering])]);
  const convenor = found.find((p) => p.id === meeting.convenorId);
  const answeringIds = new Set(answering);
  const people = found.filter((p) => answeringIds.has(p.id));
  // The poll shows while the meeting waits for its time; once one is picked, the time is the news.
  const times = meeting.status === "proposed" ? await repos.timePolls.listForMeeting(meetingId) : [];
  const timePoll = times.length ? { timePoll: buildTimePollView(meeting.kind, times, invitations, await repos.timePolls.listAnswers(meetingId), await repos.timePolls.listFreeBusy(meetingId)) } : {};
  return { ...buildRosterView(c, meeting, invitations, convenor?.displayName ?? "Convenor", revision, people), ...calendarUrlFor(meeting, links, new Date(revision)), ...timePoll };
}

/** The outbox key of a meeting's roster card in one channel: updates anchor on it. */
export function rosterPostKey(meetingId: string, channelLinkId: string): string {
  return `meeting/${meetingId}/roster/${channelLinkId}`;
}

/**
 * Enqueues the roster card's in-place update in every channel linked to the case, keyed by
 * the command that caused it (so a redelivered command adds nothing). Older pending updates
 * are superseded: only the newest state matters.
 */
export async function enqueueRosterUpdate(repos: Repositories, caseId: string, view: RosterView, causeKey: string, now: Date, caseLinks?: ChannelLink[]): Promise<void> {
  for (const link of caseLinks ?? (await repos.channelLinks.listForCase(caseId))) {
    const anchorKey = rosterPostKey(view.meetingId, link.id);
    if (!(await repos.outbox.findByKey(anchorKey))) continue;
    const key = `${anchorKey}/update/${causeKey}`;
    if (await repos.outbox.enqueue({ idempotencyKey: key, channelLinkId: link.id, operation: "update", anchorKey, payload: { type: "roster", view }, availableAt: now })) {
      await repos.outbox.supersedePendingUpdates(anchorKey, key);
    }
  }
}
