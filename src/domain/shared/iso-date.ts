import { DateTime } from "luxon";
import { DomainError } from "./domain-error";

/** A calendar date in Europe/London, written YYYY-MM-DD. Deadlines end at the close of this day. */
export type IsoDate = string;

/** The zone every statutory clock is counted in. */
export const LONDON = "Europe/London";

/** Stable code thrown for any string that is not a real YYYY-MM-DD calendar date. */
export const INVALID_DATE = "INVALID_DATE";

const ISO_DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME_SHAPE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True in Gregorian leap years (2000 yes, 1900 no). */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1-12) of a year; exported because month clamping needs it too. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The parts of a valid IsoDate, as numbers. */
export interface DateParts {
  /** Four-digit year. */
  year: number;
  /** Month, 1-12. */
  month: number;
  /** Day of month, 1-31. */
  day: number;
}

/**
 * Parses a string as a real calendar date in strict YYYY-MM-DD form.
 * Strict because a lenient parser turns 2023-02-30 into 2 March and silently moves a
 * statutory deadline; the error names the problem so the CLI and chat can echo it.
 */
export function parseIsoDateParts(s: unknown): DateParts {
  if (typeof s !== "string") {
    throw new DomainError(INVALID_DATE, `expected a date as YYYY-MM-DD, got ${typeof s}`, { value: s });
  }
  const m = ISO_DATE_SHAPE.exec(s);
  if (!m) {
    throw new DomainError(INVALID_DATE, `"${s}" is not a date in the form YYYY-MM-DD`, { value: s });
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) {
    throw new DomainError(INVALID_DATE, `"${s}" has no month ${m[2]}`, { value: s });
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new DomainError(INVALID_DATE, `"${s}" is not a real date: ${year}-${m[2]} has ${daysInMonth(year, month)} days`, {
      value: s,
    });
  }
  return { year, month, day };
}

/** Validates and returns an IsoDate; throws DomainError INVALID_DATE naming the problem. */
export function parseIsoDate(s: unknown): IsoDate {
  parseIsoDateParts(s);
  return s as IsoDate;
}

/** Formats parts as YYYY-MM-DD (no validation: callers build parts from valid dates). */
export function formatIsoDate(p: DateParts): IsoDate {
  return `${String(p.year).padStart(4, "0")}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/**
 * Days since 1970-01-01 for a valid date. Pure integer arithmetic (Hinnant's
 * days-from-civil) so calendar maths never depends on the host zone or on `Date` quirks.
 */
export function toDayNumber(d: IsoDate): number {
  const { year, month, day } = parseIsoDateParts(d);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of toDayNumber (Hinnant's civil-from-days). */
export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate({ year, month, day });
}

/** d plus n calendar days (n may be negative). */
export function addCalendarDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + n);
}

/** ISO weekday of a date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(d: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toDayNumber(d) + 3) % 7) + 7) % 7) + 1;
}

/** The London calendar date of an instant: what a practitioner in England calls "today". */
export function isoDateInLondon(instant: Date): IsoDate {
  const iso = DateTime.fromJSDate(instant, { zone: LONDON }).toISODate();
  if (iso === null) {
    throw new DomainError(INVALID_DATE, "not a valid instant", { value: String(instant) });
  }
  return iso;
}

/**
 * The last millisecond of a London day (23:59:59.999, BST or GMT as the day demands):
 * a deadline is met by anything done at or before this instant.
 */
export function endOfDayInLondon(d: IsoDate): Date {
  const { year, month, day } = parseIsoDateParts(d);
  return DateTime.fromObject({ year, month, day }, { zone: LONDON }).endOf("day").toJSDate();
}

/**
 * The instant a London wall-clock time ("HH:mm", 24-hour) happens on a date.
 * A time inside the spring-forward gap (01:xx on the last Sunday of March) does not
 * exist; luxon moves it forward an hour, which is the only sensible reading.
 */
export function atLondonTime(d: IsoDate, hhmm: string): Date {
  const { year, month, day } = parseIsoDateParts(d);
  const t = CLOCK_TIME_SHAPE.exec(hhmm);
  if (!t) {
    throw new DomainError("INVALID_TIME", `"${hhmm}" is not a time in the form HH:mm`, { value: hhmm });
  }
  return DateTime.fromObject(
    { year, month, day, hour: Number(t[1]), minute: Number(t[2]) },
    { zone: LONDON },
  ).toJSDate();
}
