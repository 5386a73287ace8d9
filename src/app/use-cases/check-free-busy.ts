import { createHash } from "node:crypto";
import { answeredInChat, answeringPractitionerId } from "../../domain/invitation/invitation";
import { freeBusyCheckable, mapFreeBusy, scheduleWindow, type MailboxSchedule } from "../../domain/meeting/free-busy";
import type { ProposedTime } from "../../domain/meeting/time-poll";
import type { AppDeps } from "../app-deps";
import type { Repositories } from "../ports/unit-of-work";
import { enqueueRosterUpdate, loadRoster } from "../views/load-roster";

/** What a check did: for logs and tests. */
export type FreeBusyOutcome = "checked" | "nothing";

/** What the check reads from the database before it calls Graph. */
interface Plan {
  caseId: string;
  slots: ProposedTime[];
  /** The rows' people whose calendars may be read: in the case's tenant, with an email. */
  people: Array<{ invitationId: string; practitionerId: string; email: string }>;
}

/**
 * Reads the Outlook free/busy of the people attending for a meeting's roster rows at its
 * proposed times (Microsoft Graph getSchedule), stores it per (time, row) and updates the
 * roster card, where it shows as advisory. Only people in the case's own tenant are asked
 * about ({@link freeBusyCheckable}); everyone else is "not checked". Run by the outbox
 * dispatcher, which retries on a throw, so Graph being down delays the advice and never
 * stops convening. The call happens outside any transaction; what it finds is stored only if
 * the same times are still proposed (a newer check is queued whenever they change).
 */
export async function checkFreeBusy(deps: AppDeps, meetingId: string): Promise<FreeBusyOutcome> {
  const calendar = deps.onlineMeetings;
  if (!calendar) {
    // Graph was switched off after this job was queued: there is nothing to ask, and retrying would not change that.
    deps.logger.warn({ meetingId }, "free/busy check skipped: Microsoft Graph is not configured");
    return "nothing";
  }
  const plan = await deps.uow.run((repos) => planCheck(repos, meetingId));
  if (!plan) return "nothing";
  const window = scheduleWindow(plan.slots.map((s) => s.startsAt));
  if (!window) return "nothing";
  const emails = [...new Map(plan.people.map((p) => [p.email.toLowerCase(), p.email])).values()];
  const schedules: Map<string, MailboxSchedule> = emails.length ? await calendar.getSchedule(emails, window.start, window.end) : new Map();
  const now = deps.clock.now();
  const rows = mapFreeBusy(plan.slots, plan.people, schedules, now);
  const stored = await deps.uow.run(async (repos) => {
    const meeting = await repos.meetings.findById(meetingId);
    const current = await repos.timePolls.listForMeeting(meetingId);
    const same = current.length === plan.slots.length && current.every((t, i) => t.id === plan.slots[i]?.id);
    if (!meeting || meeting.status !== "proposed" || !same) return false;
    await repos.timePolls.replaceFreeBusy(plan.slots.map((s) => s.id), rows);
    // Keyed by what was found: a check that finds the same again adds no second card update.
    const digest = createHash("sha256").update(JSON.stringify(rows.map((r) => [r.slotId, r.invitationId, r.practitionerId, r.status]))).digest("hex").slice(0, 16);
    const roster = await loadRoster(repos, meetingId, now.getTime(), deps.calendarLinks, { meeting });
    await enqueueRosterUpdate(repos, plan.caseId, roster, `free-busy-${digest}`, now);
    return true;
  });
  // Counts only: whose calendar shows what is case content.
  deps.logger.info({ meetingId, people: plan.people.length, stored }, "free/busy checked");
  return stored ? "checked" : "nothing";
}

async function planCheck(repos: Repositories, meetingId: string): Promise<Plan | null> {
  const meeting = await repos.meetings.findById(meetingId);
  const c = meeting ? await repos.cases.findById(meeting.caseId) : null;
  // Once a time is picked (or the meeting cancelled) the poll is gone from the card: nothing to advise on.
  if (!meeting || !c || meeting.status !== "proposed") return null;
  const slots = await repos.timePolls.listForMeeting(meetingId);
  if (!slots.length) return null;
  const rows = (await repos.invitations.listForMeeting(meetingId)).filter(answeredInChat);
  const ids = rows.map(answeringPractitionerId).filter((x): x is string => Boolean(x));
  const people = ids.length ? await repos.practitioners.findManyByIds([...new Set(ids)]) : [];
  const out: Plan["people"] = [];
  for (const row of rows) {
    const p = people.find((x) => x.id === answeringPractitionerId(row));
    if (p && freeBusyCheckable(p, c.tenant)) out.push({ invitationId: row.id, practitionerId: p.id, email: p.email!.trim() });
  }
  return { caseId: c.id, slots, people: out };
}
