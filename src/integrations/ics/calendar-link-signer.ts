import { createHmac, timingSafeEqual } from "node:crypto";
import type { CalendarLinkCheck, CalendarLinks } from "../../app/ports/calendar-link";

/** How long a calendar link works after it is issued; every roster update issues a fresh one. */
export const CALENDAR_LINK_LIFETIME_DAYS = 30;

/** The path calendar links live under; the server routes `${CALENDAR_PATH}*` to the invite. */
export const CALENDAR_PATH = "/calendar/";

// The token is "<meetingId>.<expiry, Unix seconds>.<HMAC-SHA256, base64url>". Meeting ids are
// uuids (letters, digits, hyphens; demo ids add underscores), so "." never appears inside one.
const TOKEN = /^([A-Za-z0-9_-]{1,64})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/**
 * The calendar link key, derived from the audit key so a deployment has one secret to keep:
 * a link's MAC can never be mistaken for an audit MAC (a different purpose string), and
 * rotating the audit key also retires every outstanding link.
 */
export function deriveCalendarLinkKey(auditKey: string): Buffer {
  return createHmac("sha256", auditKey).update("convene/calendar-links/v1").digest();
}

/** {@link CalendarLinks} signed with HMAC-SHA256 on `baseUrl` (CONVENE_PUBLIC_URL, or the server's own URL in local mode). */
export class HmacCalendarLinks implements CalendarLinks {
  constructor(
    private readonly key: Buffer,
    private readonly baseUrl: () => string,
    private readonly lifetimeDays = CALENDAR_LINK_LIFETIME_DAYS,
  ) {}

  private mac(meetingId: string, expiry: number): string {
    return createHmac("sha256", this.key).update(`invite|${meetingId}|${expiry}`).digest("base64url");
  }

  inviteUrl(meetingId: string, now: Date): string {
    const expiry = Math.floor(now.getTime() / 1000) + this.lifetimeDays * 86_400;
    const base = this.baseUrl().replace(/\/+$/, "");
    return `${base}${CALENDAR_PATH}${meetingId}.${expiry}.${this.mac(meetingId, expiry)}.ics`;
  }

  check(token: string, now: Date): CalendarLinkCheck {
    const m = TOKEN.exec(token);
    if (!m) return { status: "unknown" };
    const [, meetingId, expiryText, mac] = m as unknown as [string, string, string, string];
    const expected = Buffer.from(this.mac(meetingId, Number(expiryText)));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { status: "unknown" };
    // Only a genuine link learns that it expired; a forged one is simply unknown.
    if (Number(expiryText) * 1000 <= now.getTime()) return { status: "expired" };
    return { status: "valid", meetingId };
  }
}
