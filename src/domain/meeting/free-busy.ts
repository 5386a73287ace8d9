/**
 * Advisory free/busy for proposed times ("find a time"): what an invitee's Outlook calendar
 * showed at each proposed time. It is never an answer: the best-time star counts only what
 * people said themselves, because a calendar can be out of date, private, or full of things a
 * strategy discussion takes priority over.
 */

/** What a calendar showed at one proposed time. `unknown`: the calendar service could not read it. */
export type FreeBusyStatus = "free" | "busy" | "unknown";

/** A stretch of time a calendar shows as taken. */
export interface BusyInterval {
  start: Date;
  end: Date;
}

/**
 * One mailbox's schedule as the calendar service gave it: its busy stretches, or `unknown`
 * when the service could not read that mailbox (another organisation, no mailbox, no access).
 */
export type MailboxSchedule = { readable: true; busy: readonly BusyInterval[] } | { readable: false };

/** A proposed time is taken to last this long, as the calendar event made for it does. */
export const FREE_BUSY_SLOT_MINUTES = 60;

/** The stored status of one (proposed time, roster row). */
export interface SlotFreeBusy {
  slotId: string;
  invitationId: string;
  /** Whose calendar was read: the person attending for the row when it was checked. */
  practitionerId: string;
  status: FreeBusyStatus;
  checkedAt: Date;
}

/**
 * Whether a schedule shows someone busy at a time lasting `minutes` from `start`: any overlap
 * counts (a meeting ending at 10:15 makes 10:00 busy), touching ends do not (one ending at
 * 10:00 leaves 10:00 free). An unreadable calendar is `unknown`, never `free`.
 */
export function statusAt(schedule: MailboxSchedule | undefined, start: Date, minutes: number = FREE_BUSY_SLOT_MINUTES): FreeBusyStatus {
  if (!schedule || !schedule.readable) return "unknown";
  const from = start.getTime();
  const to = from + minutes * 60_000;
  return schedule.busy.some((b) => b.start.getTime() < to && b.end.getTime() > from) ? "busy" : "free";
}

/** The stretch a check covers: from the earliest proposed time to the end of the latest. Null with no times. */
export function scheduleWindow(starts: readonly Date[], minutes: number = FREE_BUSY_SLOT_MINUTES): { start: Date; end: Date } | null {
  if (!starts.length) return null;
  const ms = starts.map((d) => d.getTime());
  return { start: new Date(Math.min(...ms)), end: new Date(Math.max(...ms) + minutes * 60_000) };
}

/**
 * The per-(time, row) statuses for one check: every proposed time against the calendar of each
 * row's person, looked up by email (case-insensitively, as mail addresses are).
 */
export function mapFreeBusy(
  slots: ReadonlyArray<{ id: string; startsAt: Date }>,
  people: ReadonlyArray<{ invitationId: string; practitionerId: string; email: string }>,
  schedules: ReadonlyMap<string, MailboxSchedule>,
  checkedAt: Date,
): SlotFreeBusy[] {
  const byEmail = new Map([...schedules].map(([email, s]) => [email.toLowerCase(), s]));
  return slots.flatMap((slot) =>
    people.map((p) => ({ slotId: slot.id, invitationId: p.invitationId, practitionerId: p.practitionerId, status: statusAt(byEmail.get(p.email.toLowerCase()), slot.startsAt), checkedAt })),
  );
}

/**
 * Whether Convene may ask for this person's free/busy: only a Teams identity whose own Entra
 * tenant (`homeTenant`, or the tenant they were seen in when the platform gave none) is the
 * case's tenant, the tenant where the bot and its Graph app registration live, and who has an
 * email. Entra vouches for that tenant; an email domain alone does not (one organisation has
 * several domains, and domains such as nhs.net span many organisations), and a Slack identity
 * says nothing about a mailbox's tenant. Guests from another organisation, agency contacts and
 * Slack people are never queried: their calendars belong to someone else.
 */
export function freeBusyCheckable(p: { platform: string; platformTenant: string; homeTenant?: string | null; email: string | null }, caseTenant: string): boolean {
  return p.platform === "teams" && p.platformTenant === caseTenant && (p.homeTenant ?? p.platformTenant) === caseTenant && Boolean(p.email?.trim());
}
