import { DateTime } from "luxon";
import type { WorkingDayCalendar } from "../calendar/working-day-calendar";
import type { Urgency } from "../meeting/meeting";
import { LONDON, type IsoDate } from "../shared/iso-date";

/**
 * How often a required invitee who has not answered is reminded, by the meeting's urgency.
 * Immediate and same-day discussions are chased round the clock; the rest in working hours
 * only (09:00 to 17:00 on working days, Europe/London), because nobody reads a 3 a.m. reminder
 * about a routine core group.
 */
export const CHASE_PLAN: Readonly<Record<Urgency, { everyMinutes: number; workingHoursOnly: boolean }>> = {
  immediate: { everyMinutes: 30, workingHoursOnly: false },
  today: { everyMinutes: 120, workingHoursOnly: false },
  "within-3-working-days": { everyMinutes: 240, workingHoursOnly: true },
  routine: { everyMinutes: 24 * 60, workingHoursOnly: true },
};

/** Reminders before the chase escalates to the agency's duty contact, the convenor and the team manager (configurable). */
export const DEFAULT_REMINDERS_BEFORE_ESCALATION = 2;

const DAY_START = { hour: 9, minute: 30 };
const DAY_END_HOUR = 17;

/** The first working-hours moment at or after `t`: 09:30 on a working day, if `t` falls outside 09:00–17:00. */
function inWorkingHours(t: DateTime, calendar: WorkingDayCalendar): DateTime {
  let d = t.setZone(LONDON);
  for (let i = 0; i < 30; i++) {
    const day = d.toISODate() as IsoDate;
    if (calendar.isWorkingDay(day)) {
      if (d.hour < 9) return d.set({ ...DAY_START, second: 0, millisecond: 0 });
      if (d.hour < DAY_END_HOUR) return d;
    }
    d = d.plus({ days: 1 }).set({ ...DAY_START, second: 0, millisecond: 0 });
  }
  return d;
}

/** When the next reminder is due, counted from `from` (the convening, or the last reminder). */
export function nextChaseAt(urgency: Urgency, from: Date, calendar: WorkingDayCalendar): Date {
  const plan = CHASE_PLAN[urgency];
  const start = DateTime.fromJSDate(from, { zone: LONDON });
  if (!plan.workingHoursOnly) return start.plus({ minutes: plan.everyMinutes }).toJSDate();
  if (plan.everyMinutes >= 24 * 60) {
    // Daily: the next working day's morning, so a routine reminder lands when people start work.
    return inWorkingHours(start.plus({ days: 1 }).set({ ...DAY_START, second: 0, millisecond: 0 }), calendar).toJSDate();
  }
  return inWorkingHours(start.plus({ minutes: plan.everyMinutes }), calendar).toJSDate();
}

/** What the scheduler does for a row that is due. */
export type ChaseStep =
  /** Remind the invitee (count is this reminder's number, from 1). */
  | { kind: "remind"; count: number; next: Date }
  /** Reminders ran out: tell the duty contact, the convenor and the team manager, once. */
  | { kind: "escalate"; count: number }
  /** Nothing to chase any more (answered, meeting past, or not open). */
  | { kind: "stop" };

/**
 * The next step for a row whose reminder is due. A row is chased while it is required, not
 * answered, and its meeting is open and not yet started; after `remindersBeforeEscalation`
 * reminders the chase escalates once and stops.
 */
export function chaseStep(input: {
  required: boolean;
  answered: boolean;
  meetingOpen: boolean;
  meetingAt: Date | null;
  sent: number;
  urgency: Urgency;
  now: Date;
  calendar: WorkingDayCalendar;
  remindersBeforeEscalation: number;
}): ChaseStep {
  if (!input.required || input.answered || !input.meetingOpen) return { kind: "stop" };
  if (input.meetingAt && input.meetingAt <= input.now) return { kind: "stop" };
  if (input.sent >= input.remindersBeforeEscalation) return input.sent === input.remindersBeforeEscalation ? { kind: "escalate", count: input.sent + 1 } : { kind: "stop" };
  return { kind: "remind", count: input.sent + 1, next: nextChaseAt(input.urgency, input.now, input.calendar) };
}
