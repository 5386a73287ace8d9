import { DateTime } from "luxon";
import { LONDON } from "../../domain/shared/iso-date";

/** "Fri 11 Dec 2026": dates in messages are read by people, not parsed. */
export function dueDateLabel(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: LONDON }).toFormat("ccc d LLL yyyy");
}
