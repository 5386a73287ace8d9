import { createEvent } from "ics";
import type { CalendarInviteView } from "../../app/views/view-models";

/** The PRODID every invite carries, so a calendar can tell Convene's events apart. */
export const ICS_PRODUCT_ID = "-//Convene//Meeting invites//EN";

/**
 * A meeting invite as iCalendar text (RFC 5545 / iTIP), built with the `ics` library. The
 * start is written in UTC ("Z"): every calendar turns it into the reader's wall-clock time,
 * so 10:00 in London stays 10:00 on either side of a clock change without shipping a
 * VTIMEZONE. Throws when the library refuses the event (a bug, not user input).
 */
export function renderMeetingInvite(invite: CalendarInviteView): string {
  const { error, value } = createEvent({
    productId: ICS_PRODUCT_ID,
    method: invite.method,
    uid: invite.uid,
    sequence: invite.sequence,
    start: invite.start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: invite.durationMinutes },
    title: invite.summary,
    description: invite.description,
    status: invite.method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    busyStatus: "BUSY",
    // Calendars that show a preview on a lock screen may honour this.
    classification: "CONFIDENTIAL",
    // DTSTAMP from our clock, not the library's Date.now(): `ics` reads `timestamp` but does not type it.
    ...{ timestamp: invite.stampedAt.getTime() },
  });
  if (error || !value) throw Object.assign(new Error(`calendar invite could not be built: ${error?.message ?? "no output"}`), { code: "ICS_BUILD_FAILED" });
  return value;
}
