import { DateTime } from "luxon";
import { LONDON } from "../shared/iso-date";

/** A day in words for messages beside a field: "Tuesday 24 November 2026". */
export function dayInWordsForChecks(iso: string): string {
  const dt = DateTime.fromISO(iso, { zone: LONDON });
  return dt.isValid ? dt.toFormat("cccc d LLLL yyyy") : iso;
}
