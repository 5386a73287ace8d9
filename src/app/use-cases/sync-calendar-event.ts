import { answeringPractitionerId } from "../../domain/invitation/invitation";
import { meetingKindTitle } from "../../domain/meeting/meeting-kind";
import type { Meeting, OnlineMeeting } from "../../domain/meeting/meeting";
import type { AppDeps } from "../app-deps";
import type { OnlineMeetingEvent } from "../ports/online-meeting";
import type { Repositories } from "../ports/unit-of-work";
import { enqueueRosterUpdate, loadRoster } from "../views/load-roster";
import { enqueueCalendarSync } from "../online-meetings/enqueue-calendar-sync";
import { INVITE_DURATION_MINUTES } from "./get-calendar-invite";

/** What a sync did: for logs and tests. */
export type CalendarSyncOutcome = "created" | "updated" | "cancelled" | "nothing";

/** What the sync decides from the meeting as it is now. */
type Plan =
  | { do: "nothing" }
  | { do: "create"; event: OnlineMeetingEvent; caseId: string; online: OnlineMeeting | null }
  | { do: "update"; event: OnlineMeetingEvent; eventId: string }
  | { do: "cancel"; eventId: string; comment: string; caseId: string; online: OnlineMeeting };

/**
 * Brings a meeting's Teams meeting (an Outlook event in the service mailbox) in line with the
 * meeting: creates it for a timed open meeting that has none, updates its time and attendees
 * when it exists, cancels it once the meeting is cancelled. Run by the outbox dispatcher, which
 * retries on a throw; every step is safe to repeat (a create reuses the meeting's id as Graph's
 * transactionId, so a lost response cannot make a second event).
 *
 * The call to Graph happens outside any transaction: a slow service must not hold the
 * database. A create that fails is shown on the roster ("could not be created yet; retrying")
 * once, then rethrown for the retry; a create that succeeds puts the join link on the roster.
 */
export async function syncCalendarEvent(deps: AppDeps, meetingId: string): Promise<CalendarSyncOutcome> {
  const calendar = deps.onlineMeetings;
  if (!calendar) {
    // Graph was switched off after this job was queued: there is no calendar to sync, and retrying would not make one.
    deps.logger.warn({ meetingId }, "calendar sync skipped: Microsoft Graph is not configured");
    return "nothing";
  }
  const plan = await deps.uow.run((repos) => planSync(repos, meetingId));
  switch (plan.do) {
    case "nothing":
      return "nothing";
    case "update":
      await calendar.update(plan.eventId, plan.event);
      deps.logger.info({ meetingId }, "teams meeting updated");
      return "updated";
    case "cancel":
      await calendar.cancel(plan.eventId, plan.comment);
      await saveAndShow(deps, plan.caseId, meetingId, { ...plan.online, state: "cancelled" }, "calendar-cancelled");
      deps.logger.info({ meetingId }, "teams meeting cancelled");
      return "cancelled";
    case "create": {
      let created;
      try {
        created = await calendar.create(plan.event, meetingId);
      } catch (err) {
        // Say so on the roster once (not on every retry), then let the dispatcher retry.
        if (plan.online?.state !== "failed") await saveAndShow(deps, plan.caseId, meetingId, { eventId: null, joinUrl: null, state: "failed" }, "calendar-failed");
        throw err;
      }
      await saveAndShow(deps, plan.caseId, meetingId, { eventId: created.eventId, joinUrl: created.joinUrl, state: "created" }, "calendar-created", plan.event.start);
      deps.logger.info({ meetingId }, "teams meeting created");
      return "created";
    }
  }
}

async function planSync(repos: Repositories, meetingId: string): Promise<Plan> {
  const meeting = await repos.meetings.findById(meetingId);
  const c = meeting ? await repos.cases.findById(meeting.caseId) : null;
  if (!meeting || !c) return { do: "nothing" };
  const online = meeting.onlineMeeting ?? null;
  if (meeting.status === "cancelled") {
    if (online?.eventId && online.state !== "cancelled") {
      // The reason is case content; the comment goes to every attendee's mailbox, so it stays generic.
      return { do: "cancel", eventId: online.eventId, caseId: c.id, online, comment: `This ${meetingKindTitle(meeting.kind).toLowerCase()} for case ${c.reference} has been cancelled. The reason is on the roster card in Convene.` };
    }
    return { do: "nothing" };
  }
  // Held or recorded: the event stays as it was. Without a time there is nothing to put in a calendar yet.
  if (meeting.status !== "scheduled" && meeting.status !== "proposed") return { do: "nothing" };
  if (!meeting.scheduledAt) return { do: "nothing" };
  const event = await eventFor(repos, meeting, c.reference);
  if (online?.eventId && online.state === "created") return { do: "update", event, eventId: online.eventId };
  return { do: "create", event, caseId: c.id, online };
}

/** The event: kind and case reference, the time, and the convenor and the people attending for rows who have an email. */
async function eventFor(repos: Repositories, meeting: Meeting, reference: string): Promise<OnlineMeetingEvent> {
  const invitations = await repos.invitations.listForMeeting(meeting.id);
  // Whoever attends for a row: the delegate, else whoever claimed it, else the named invitee (as the roster mentions them).
  const ids = [meeting.convenorId, ...invitations.map(answeringPractitionerId).filter((x): x is string => Boolean(x))];
  const people = await repos.practitioners.findManyByIds([...new Set(ids)]);
  const seen = new Set<string>();
  const attendees: OnlineMeetingEvent["attendees"] = [];
  for (const id of ids) {
    const p = people.find((x) => x.id === id);
    const email = p?.email?.trim();
    if (!p || !email || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    attendees.push({ email, name: p.displayName });
  }
  const start = meeting.scheduledAt as Date;
  const title = meetingKindTitle(meeting.kind);
  return {
    subject: `${title} · ${reference}`,
    body: `${title} for case ${reference}. Who is coming, and the details, are on the roster card in Convene.`,
    start,
    end: new Date(start.getTime() + INVITE_DURATION_MINUTES * 60_000),
    attendees,
  };
}

/** Stores where the Teams meeting stands and updates the roster card in place, in one transaction. */
async function saveAndShow(deps: AppDeps, caseId: string, meetingId: string, online: OnlineMeeting, causeKey: string, createdFor?: Date): Promise<void> {
  await deps.uow.run(async (repos) => {
    const now = deps.clock.now();
    await repos.meetings.recordOnlineMeeting(meetingId, online);
    if (createdFor) {
      // A move or cancel that landed while the create was in flight found no event to change
      // (its sync saw none yet): sync once more, now that the event exists.
      const m = await repos.meetings.findById(meetingId);
      if (m && (m.status === "cancelled" || m.scheduledAt?.getTime() !== createdFor.getTime())) {
        await enqueueCalendarSync(deps, repos, caseId, meetingId, `after-create-${now.getTime()}`, now);
      }
    }
    const roster = await loadRoster(repos, meetingId, now.getTime(), deps.calendarLinks);
    await enqueueRosterUpdate(repos, caseId, roster, causeKey, now);
  });
}
