import ICAL, { type IcalTime } from "../../helpers/ical";
import { DateTime } from "luxon";
import { deriveCalendarLinkKey, HmacCalendarLinks } from "../../../src/integrations/ics/calendar-link-signer";
import { renderMeetingInvite } from "../../../src/integrations/ics/meeting-invite.ics";
import type { CalendarInviteView } from "../../../src/app/views/view-models";

// The .ics is read back with ical.js, a real iCalendar parser, not with string matching.

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  const event = cal.getFirstSubcomponent("vevent")!;
  const start = event.getFirstPropertyValue("dtstart") as IcalTime;
  return {
    method: cal.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: Number(event.getFirstPropertyValue("sequence")),
    status: event.getFirstPropertyValue("status"),
    summary: String(event.getFirstPropertyValue("summary")),
    description: String(event.getFirstPropertyValue("description")),
    londonStart: DateTime.fromJSDate(start.toJSDate(), { zone: "Europe/London" }).toFormat("yyyy-MM-dd HH:mm"),
  };
}

const base: CalendarInviteView = {
  uid: "meeting-1@convene",
  sequence: 0,
  method: "REQUEST",
  start: new Date("2026-10-23T09:00:00Z"),
  durationMinutes: 60,
  summary: "Strategy discussion · CS-2026-0001",
  description: "Strategy discussion for case CS-2026-0001.",
  stampedAt: new Date("2026-10-21T08:00:00Z"),
};

describe("meeting invite (.ics)", () => {
  it("lands on 10:00 London time both sides of the clock change (BST on Fri 23 Oct 2026, GMT on Tue 27 Oct 2026)", () => {
    expect(parse(renderMeetingInvite(base)).londonStart).toBe("2026-10-23 10:00");
    expect(parse(renderMeetingInvite({ ...base, start: new Date("2026-10-27T10:00:00Z"), sequence: 1 })).londonStart).toBe("2026-10-27 10:00");
  });

  it("keeps the UID, carries the sequence, and says CANCEL with STATUS:CANCELLED for a cancellation", () => {
    const first = parse(renderMeetingInvite(base));
    const moved = parse(renderMeetingInvite({ ...base, sequence: 1 }));
    const cancelled = parse(renderMeetingInvite({ ...base, sequence: 1, method: "CANCEL" }));
    expect(first).toMatchObject({ method: "REQUEST", uid: "meeting-1@convene", sequence: 0, status: "CONFIRMED" });
    expect(moved).toMatchObject({ method: "REQUEST", uid: "meeting-1@convene", sequence: 1 });
    expect(cancelled).toMatchObject({ method: "CANCEL", uid: "meeting-1@convene", sequence: 1, status: "CANCELLED" });
  });
});

describe("calendar links", () => {
  const links = new HmacCalendarLinks(deriveCalendarLinkKey("k".repeat(40)), () => "https://convene.example/");
  const now = new Date("2026-10-21T08:00:00Z");
  const tokenOf = (url: string) => url.slice("https://convene.example/calendar/".length, -".ics".length);

  it("signs a link on the public URL that checks as valid until it expires 30 days later, then as expired", () => {
    const url = links.inviteUrl("0b7a2c9e-1111-4222-8333-444455556666", now);
    expect(url).toMatch(/^https:\/\/convene\.example\/calendar\/0b7a2c9e-1111-4222-8333-444455556666\.\d+\.[A-Za-z0-9_-]{43}\.ics$/);
    expect(links.check(tokenOf(url), new Date("2026-11-19T08:00:00Z"))).toEqual({ status: "valid", meetingId: "0b7a2c9e-1111-4222-8333-444455556666" });
    expect(links.check(tokenOf(url), new Date("2026-11-20T08:00:00Z"))).toEqual({ status: "expired" });
  });

  it("calls a tampered, re-dated, re-targeted or foreign link unknown, even when expired", () => {
    const token = tokenOf(links.inviteUrl("meeting-a", now));
    const [id, expiry, mac] = token.split(".") as [string, string, string];
    const flipped = `${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`;
    for (const bad of [`${id}.${expiry}.${flipped}`, `${id}.${Number(expiry) + 86_400}.${mac}`, `meeting-b.${expiry}.${mac}`, "", "../etc/passwd", `${id}.${expiry}`]) {
      expect(links.check(bad, now)).toEqual({ status: "unknown" });
      expect(links.check(bad, new Date("2027-01-01T00:00:00Z"))).toEqual({ status: "unknown" });
    }
    const other = new HmacCalendarLinks(deriveCalendarLinkKey("x".repeat(40)), () => "https://convene.example");
    expect(other.check(token, now)).toEqual({ status: "unknown" });
  });
});
