import type { WorkingDayCalendar } from "../calendar/working-day-calendar";
import { DomainError } from "../shared/domain-error";
import { isoDateInLondon, parseIsoDate, type IsoDate } from "../shared/iso-date";
import { getRule, isRuleId } from "./statutory-rules";

/** Stable code: a closing event dated after today. */
export const CLOSED_ON_IN_FUTURE = "CLOSED_ON_IN_FUTURE";
/** Stable code: a closing event dated before the clock started. */
export const CLOSED_ON_BEFORE_START = "CLOSED_ON_BEFORE_START";

/** The facts of a clock that judging a close needs. */
export interface ClockToClose {
  /** The rule id, e.g. "icpc" or "action". */
  rule: string;
  /** The day the clock counts from. */
  sourceDate: IsoDate;
  /** The last day. */
  dueDate: IsoDate;
  /** When the clock was opened (its first possible closing day for clocks that count towards a date). */
  createdAt: Date;
}

/** How a clock closed: met on or before its due date, or missed, with the working days taken. */
export interface ClockVerdict {
  /** met (closing event on or before the due date) or missed. */
  status: "met" | "missed";
  /** Working days from the clock's start to the closing event (0 when the event is on the start day). */
  workingDaysTaken: number;
}

/**
 * The first day a closing event may carry. Measured clocks (15 working days, 3 months...)
 * count from their source date. An agreed action's clock and the review before 18 count
 * towards a date rather than from one, so their source date is the deadline itself; for
 * those the earliest is the day the clock was opened, or the source date if that is earlier.
 */
export function clockStart(d: ClockToClose): IsoDate {
  const unit = isRuleId(d.rule) ? getRule(d.rule).limit.unit : "working-days";
  if (unit === "working-days" || unit === "calendar-months" || unit === "calendar-weeks") return d.sourceDate;
  const opened = isoDateInLondon(d.createdAt);
  return opened < d.sourceDate ? opened : d.sourceDate;
}

/**
 * Judges a clock closed by an event on `closedOn` (the event's own date, never the day a
 * button was pressed). Refuses an event dated after `today` or before the clock started,
 * with `details.field` naming the date box so the form can show it beside the field.
 */
export function judgeClockClose(d: ClockToClose, closedOn: IsoDate, today: IsoDate, calendar: WorkingDayCalendar, field = "date"): ClockVerdict {
  const on = parseIsoDate(closedOn);
  if (on > today) throw new DomainError(CLOSED_ON_IN_FUTURE, "That date is in the future. Give the day it happened.", { field });
  const start = clockStart(d);
  if (on < start) {
    throw new DomainError(CLOSED_ON_BEFORE_START, `That date is before this clock started (${start}). Check the date.`, { field });
  }
  return { status: on <= d.dueDate ? "met" : "missed", workingDaysTaken: Math.max(0, calendar.workingDaysBetween(start, on)) };
}
