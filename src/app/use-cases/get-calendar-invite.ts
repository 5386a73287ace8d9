import { meetingKindTitle } from "../../domain/meeting/meeting-kind";
import type { AppDeps } from "../app-deps";
import type { CalendarInviteView } from "../views/view-models";

/** Why there is no invite to serve: a link that is not ours (404) or out of date (410). Neither says anything about a case. */
export type CalendarInviteResult = { status: "ok"; invite: CalendarInviteView } | { status: "not-found" } | { status: "expired" };

/** How long an invite blocks out: Convene records no end time, and an hour fits a strategy discussion or a core group. */
export const INVITE_DURATION_MINUTES = 60;

/**
 * The calendar invite behind a signed link. The link itself is the authority (whoever holds
 * the roster card holds it, as with a meeting link in an email), so it is checked first:
 * a tampered or unknown link and a meeting with no time are "not found", an old link is
 * "expired". A cancelled meeting serves the CANCEL that removes it from calendars.
 */
export async function getCalendarInvite(deps: AppDeps, token: string): Promise<CalendarInviteResult> {
  if (!deps.calendarLinks) return { status: "not-found" };
  const now = deps.clock.now();
  const check = deps.calendarLinks.check(token, now);
  if (check.status === "expired") return { status: "expired" };
  if (check.status !== "valid") return { status: "not-found" };
  return deps.uow.run(async (repos) => {
    const meeting = await repos.meetings.findById(check.meetingId);
    const c = meeting ? await repos.cases.findById(meeting.caseId) : null;
    if (!meeting || !c || !meeting.scheduledAt) return { status: "not-found" as const };
    const invite: CalendarInviteView = {
      uid: `meeting-${meeting.id}@convene`,
      sequence: meeting.sequence ?? 0,
      method: meeting.status === "cancelled" ? "CANCEL" : "REQUEST",
      start: meeting.scheduledAt,
      durationMinutes: INVITE_DURATION_MINUTES,
      summary: `${meetingKindTitle(meeting.kind)} · ${c.reference}`,
      description: `${meetingKindTitle(meeting.kind)} for case ${c.reference}. Who is coming, and the details, are on the roster card in Convene.`,
      stampedAt: now,
    };
    return { status: "ok" as const, invite };
  });
}
