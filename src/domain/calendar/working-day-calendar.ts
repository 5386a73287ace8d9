import Holidays from "date-holidays";
import { DomainError } from "../shared/domain-error";
import { fromDayNumber, type IsoDate, isoWeekday, parseIsoDate, toDayNumber } from "../shared/iso-date";

/**
 * Working days as Working Together counts them: Monday to Friday, less the bank
 * holidays of England and Wales (substitute days and one-offs included), less any
 * closure days a local authority adds. All dates are Europe/London calendar dates.
 */
export interface WorkingDayCalendar {
  /** True when d is Monday-Friday and neither a bank holiday nor a local closure day. */
  isWorkingDay(d: IsoDate): boolean;
  /** The n-th working day after `from` (from itself never counted, whatever day it is). n >= 0; n = 0 returns from. */
  addWorkingDays(from: IsoDate, n: number): IsoDate;
  /** Number of working days in (from, to]; negative if to < from (mirror). between(d, add(d,n)) == n. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** d if it is a working day, else the previous working day. */
  onOrBeforeWorkingDay(d: IsoDate): IsoDate;
  /** Non-working reason for display: "weekend" | "bank holiday: <name>" | "local closure" | null */
  whyNotWorking(d: IsoDate): string | null;
}

/** Options for {@link createWorkingDayCalendar}. */
export interface WorkingDayCalendarOptions {
  /** Extra days the local authority is closed (e.g. a Christmas shutdown); validated strictly. */
  closureDays?: IsoDate[];
}

/** Stable code for a working-day count that is negative, fractional or absurdly large. */
export const INVALID_WORKING_DAYS = "INVALID_WORKING_DAYS";

/**
 * Upper bound on n for addWorkingDays. Statutory limits are at most 45 working days;
 * the cap stops a typo (or a hostile CLI argument) from computing centuries of holidays.
 */
export const MAX_WORKING_DAYS = 100_000;

/** One computed year: its working days as sorted day numbers, for binary search. */
interface WorkingYear {
  days: Int32Array;
  set: Set<number>;
}

/**
 * Bank holidays are the same for every calendar, so they are cached once per process,
 * per year. date-holidays is slow-ish (rule evaluation per call) and a scheduler pass
 * evaluates many deadlines, hence the memo.
 */
const bankHolidayCache = new Map<number, Map<IsoDate, string>>();
let holidaySource: Holidays | undefined;

/**
 * Public holidays of England and Wales for a year, by date.
 * Only type "public": date-holidays also lists observances (Mother's Day, Easter Sunday).
 * It ALSO lists the original weekend date of a substituted holiday (e.g. Sat 2026-12-26
 * beside the substitute Mon 2026-12-28); that is harmless because weekends are
 * non-working anyway, and whyNotWorking reports "weekend" for them first.
 */
function bankHolidaysOf(year: number): Map<IsoDate, string> {
  let holidays = bankHolidayCache.get(year);
  if (!holidays) {
    holidaySource ??= new Holidays("GB", "ENG");
    holidays = new Map();
    for (const h of holidaySource.getHolidays(year)) {
      // `date` is the local wall-clock date "YYYY-MM-DD hh:mm:ss" in Europe/London,
      // so slicing it avoids any dependence on the host zone (unlike `start`).
      const date = h.date.slice(0, 10);
      if (h.type === "public" && !holidays.has(date)) holidays.set(date, h.name);
    }
    bankHolidayCache.set(year, holidays);
  }
  return holidays;
}

function yearOf(d: IsoDate): number {
  return Number(d.slice(0, 4));
}

/** Index of the first element strictly greater than x (arr sorted ascending). */
function upperBound(arr: Int32Array, x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function requireWorkingDayCount(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new DomainError(INVALID_WORKING_DAYS, `working days must be a whole number from 0 to ${MAX_WORKING_DAYS}, got ${n}`, {
      value: n,
    });
  }
}

/**
 * Builds a calendar. Each instance memoises its working days per year (they depend on
 * its closure days), so keep one per local authority rather than one per call.
 */
export function createWorkingDayCalendar(opts: WorkingDayCalendarOptions = {}): WorkingDayCalendar {
  const closures = new Set<IsoDate>((opts.closureDays ?? []).map((d) => parseIsoDate(d)));
  const years = new Map<number, WorkingYear>();

  function workingYear(year: number): WorkingYear {
    let wy = years.get(year);
    if (!wy) {
      const holidays = bankHolidaysOf(year);
      const first = toDayNumber(`${String(year).padStart(4, "0")}-01-01`);
      const last = toDayNumber(`${String(year).padStart(4, "0")}-12-31`);
      const list: number[] = [];
      for (let dn = first; dn <= last; dn++) {
        const weekday = ((((dn + 3) % 7) + 7) % 7) + 1;
        if (weekday >= 6) continue;
        const iso = fromDayNumber(dn);
        if (holidays.has(iso) || closures.has(iso)) continue;
        list.push(dn);
      }
      wy = { days: Int32Array.from(list), set: new Set(list) };
      years.set(year, wy);
    }
    return wy;
  }

  /** Working days in (Jan 1 - 1 day, dn] of dn's year, i.e. up to and including dn. */
  function countUpTo(year: number, dn: number): number {
    return upperBound(workingYear(year).days, dn);
  }

  function isWorkingDay(d: IsoDate): boolean {
    return workingYear(yearOf(parseIsoDate(d))).set.has(toDayNumber(d));
  }

  function addWorkingDays(from: IsoDate, n: number): IsoDate {
    requireWorkingDayCount(n);
    const start = toDayNumber(from);
    if (n === 0) return from;
    let year = yearOf(from);
    let idx = countUpTo(year, start); // first working day strictly after `from`
    let remaining = n;
    for (;;) {
      const days = workingYear(year).days;
      if (idx + remaining <= days.length) return fromDayNumber(days[idx + remaining - 1] as number);
      remaining -= days.length - idx;
      year += 1;
      idx = 0;
    }
  }

  function workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    if (b < a) return 0 - workingDaysBetween(to, from); // 0 - x, never -0
    const ya = yearOf(from);
    const yb = yearOf(to);
    let total = countUpTo(yb, b) - countUpTo(ya, a);
    for (let y = ya; y < yb; y++) total += workingYear(y).days.length;
    return total;
  }

  function onOrBeforeWorkingDay(d: IsoDate): IsoDate {
    let dn = toDayNumber(d);
    // Terminates: closure days are finite and every year has working days.
    while (!workingYear(yearOf(fromDayNumber(dn))).set.has(dn)) dn -= 1;
    return fromDayNumber(dn);
  }

  function whyNotWorking(d: IsoDate): string | null {
    parseIsoDate(d);
    // Weekend first: date-holidays lists a substituted holiday on its weekend date too,
    // and "weekend" is the honest reason a Saturday Boxing Day is not worked.
    if (isoWeekday(d) >= 6) return "weekend";
    const holiday = bankHolidaysOf(yearOf(d)).get(d);
    if (holiday !== undefined) return `bank holiday: ${holiday}`;
    if (closures.has(d)) return "local closure";
    return null;
  }

  return { isWorkingDay, addWorkingDays, workingDaysBetween, onOrBeforeWorkingDay, whyNotWorking };
}
