import type { ServerResponse } from "node:http";
import { CALENDAR_PATH } from "../integrations/ics/calendar-link-signer";
import { renderMeetingInvite } from "../integrations/ics/meeting-invite.ics";
import type { Mount } from "./server-context";

function sendText(res: ServerResponse, status: number, text: string): void {
  // Invites and refusals alike are per-link and must not sit in shared caches.
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(text), "cache-control": "no-store" });
  res.end(text);
}

/**
 * Serves the roster card's "Add to calendar" link: GET /calendar/<token>.ics answers
 * `text/calendar` for a valid link, 410 for an expired one and 404 for anything else. The
 * refusals are the same few words for every case, so a link tells a stranger nothing.
 * Always mounted: links are signed, and the invite holds only the case reference and kind.
 */
export const mountCalendar: Mount = (ctx) => ({
  routes: [
    {
      method: "GET",
      path: `${CALENDAR_PATH}*`,
      handle: async (req, res) => {
        const name = new URL(req.url ?? "/", "http://localhost").pathname.slice(CALENDAR_PATH.length);
        const token = name.endsWith(".ics") ? name.slice(0, -".ics".length) : "";
        const result = token ? await ctx.app.getCalendarInvite(token) : { status: "not-found" as const };
        if (result.status === "expired") return sendText(res, 410, "This calendar link has expired. Open the roster card in Convene for a new one.\n");
        if (result.status !== "ok") return sendText(res, 404, "There is no calendar invite at this address.\n");
        const body = renderMeetingInvite(result.invite);
        res.writeHead(200, {
          "content-type": `text/calendar; charset=utf-8; method=${result.invite.method}`,
          "content-disposition": 'attachment; filename="meeting.ics"',
          "content-length": Buffer.byteLength(body),
          "cache-control": "no-store",
        });
        res.end(body);
      },
    },
  ],
});
