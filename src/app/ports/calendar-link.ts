/** What a calendar link names once its signature and expiry are checked. */
export type CalendarLinkCheck =
  /** A link we signed, still in date: the meeting it is for. */
  | { status: "valid"; meetingId: string }
  /** A link we signed whose time is up (410: say so, nothing more). */
  | { status: "expired" }
  /** Not a link we signed, tampered with, or malformed (404). */
  | { status: "unknown" };

/**
 * Signed, expiring links to a meeting's calendar invite (.ics). The link names only an opaque
 * meeting id and an expiry; its HMAC is what makes it ours, so nothing in it can be guessed
 * or edited into another meeting's invite.
 */
export interface CalendarLinks {
  /** The download link for a meeting's invite, issued at `now` (it expires some days later). */
  inviteUrl(meetingId: string, now: Date): string;
  /** Checks a link's token (the last path segment, without ".ics") at `now`. */
  check(token: string, now: Date): CalendarLinkCheck;
}
