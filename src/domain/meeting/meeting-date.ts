import { DateTime } from "luxon";
import type { WorkingDayCalendar } from "../calendar/working-day-calendar";
import { DomainError } from "../shared/domain-error";
import { isoDateInLondon, LONDON, type IsoDate } from "../shared/iso-date";

/** Parses "YYYY-MM-DDTHH:mm" as Europe/London wall-clock time. Throws `INVALID_TIME`. */
export function parseLondonTime(local: string): Date {
  const dt = DateTime.fromISO(local, { zone: LONDON });
  // Luxon moves a time in the spring-forward gap (e.g. 01:30 on the last Sunday of March)
  // to one that exists; a meeting must be at the time people were told, so refuse it.
  if (!dt.isValid || dt.toFormat("yyyy-MM-dd'T'HH:mm") !== local) throw new DomainError("INVALID_TIME", "That date and time does not exist. Use e.g. 2026-11-24 at 10:00.", { field: "scheduledLocal" });
  return dt.toJSDate();
}

/**
 * A meeting date must be today or later (today at any time: urgent discussions are convened
 * as they happen), and a weekend or bank holiday needs the convenor's confirmation.
 * Throws `DATE_IN_PAST` or `NON_WORKING_DAY`, naming the date field.
 */
export function requireSensibleMeetingDate(calendar: WorkingDayCalendar, local: string, now: Date, confirmedNonWorkingDay: boolean): void {
  const day = local.slice(0, 10);
  const words = DateTime.fromISO(day, { zone: LONDON }).toFormat("ccc d LLL yyyy");
  if (day < isoDateInLondon(now)) {
    throw new DomainError("DATE_IN_PAST", `${words} has passed. Choose today or a later day.`, { field: "scheduledLocal" });
  }
  const why = calendar.whyNotWorking(day as IsoDate);
  if (why && !confirmedNonWorkingDay) {
    const what = why === "weekend" ? "a weekend day" : why.startsWith("bank holiday: ") ? `a bank holiday (${why.slice("bank holiday: ".length)})` : "a local closure day";
    throw new DomainError("NON_WORKING_DAY", `${words} is ${what}. Tick the box to hold it then anyway, or choose a working day.`, { field: "scheduledLocal", confirm: "nonWorkingDay" });
  }
}
