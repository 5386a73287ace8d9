import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ICAL, { type IcalTime } from "../helpers/ical";
import { DateTime } from "luxon";
import { ActionId } from "../../src/app/conversation/action-id";
import { fixedClock } from "../../src/domain/shared/clock";
import { drainOutbox } from "../../src/server/mount-delivery";
import type { RunningServer } from "../../src/server/start-server";
import { FakeConnector } from "../helpers/fake-teams-connector";
import { slackEnv, startTestServer } from "../helpers/e2e-server";
import { FakeSlackWebApi, signedHeaders, slashCommand, viewSubmission, type SlackRequest, type TestSlackUser } from "../helpers/slack-requests";
import { actionActivity, messageActivity, type ActivityContext, type TestTeamsUser } from "../helpers/teams-activities";

// "Add to calendar" on the roster card is a signed, expiring link to the meeting's .ics on the
// real server. The invite is read back with ical.js: 10:00 London time across the October
// clock change, one UID, SEQUENCE rising with each move, CANCEL once cancelled, and nothing of
// the concern. Bad links say nothing about the case.

const CASE = "CS-2026-0711";
const CONCERN = "Bruising seen by the school nurse on Monday.";

type ParsedInvite = { method: unknown; uid: unknown; sequence: number; londonStart: string; text: string };

async function fetchInvite(url: string): Promise<ParsedInvite> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
  const text = await res.text();
  const cal = new ICAL.Component(ICAL.parse(text));
  const event = cal.getFirstSubcomponent("vevent")!;
  const start = event.getFirstPropertyValue("dtstart") as IcalTime;
  return {
    method: cal.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: Number(event.getFirstPropertyValue("sequence")),
    londonStart: DateTime.fromJSDate(start.toJSDate(), { zone: "Europe/London" }).toFormat("yyyy-MM-dd HH:mm"),
    text,
  };
}

/** The newest roster card's OpenUrl action with this title, from what the fake connector received. */
function calendarLink(connector: FakeConnector, title: string): string {
  for (const c of [...connector.captured].reverse()) {
    const card = JSON.stringify(c.body.attachments?.[0]?.content ?? {});
    if (!card.includes("Who is coming")) continue;
    const actions = (c.body.attachments?.[0]?.content as { actions?: Array<{ type: string; title: string; url?: string }> }).actions ?? [];
    const link = actions.find((a) => a.type === "Action.OpenUrl" && a.title === title);
    if (link?.url) return link.url;
  }
  throw new Error(`no roster card with "${title}"`);
}

describe("calendar invites from the roster card", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-ics-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe("in Teams", () => {
    const sw: TestTeamsUser = { id: "29:sw", aadObjectId: "aad-sw", name: "Sam Okafor", email: "sam@la.example" };
    const police: TestTeamsUser = { id: "29:pc", aadObjectId: "aad-pc", name: "DC Priya Shah", email: "priya@force.example" };
    const nurse: TestTeamsUser = { id: "29:rn", aadObjectId: "aad-rn", name: "Hana Lewis", email: "hana@nhs.example" };
    const connector = new FakeConnector([sw, police, nurse]);
    // Wednesday before the clocks go back (Sunday 25 October 2026).
    const clock = fixedClock("2026-10-21T08:00:00Z");
    let server: RunningServer;
    let ctx: ActivityContext;
    let meetingId = "";
    const send = (activity: object) => fetch(`${server.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });

    beforeAll(async () => {
      await connector.start();
      server = await startTestServer(dir, "teams", clock);
      ctx = { serviceUrl: connector.url, conversationId: "19:ics@thread.tacv2" };
      await send(messageActivity(ctx, sw, `link ${CASE}`));
      await send(
        actionActivity(ctx, sw, ActionId.SubmitConvene, {
          caseRef: CASE, kind: "strategy-discussion", concern: CONCERN, urgency: "today", date: "2026-10-23", time: "10:00", mode: "call",
          "person_social-worker": sw.aadObjectId, person_police: police.aadObjectId, person_health: nurse.aadObjectId,
        }),
      );
      await drainOutbox(server.context);
      meetingId = (await server.context.prisma.meeting.findFirstOrThrow()).id;
    });
    afterAll(async () => {
      await server?.close();
      await connector.stop();
    });

    let firstUid: unknown;
    it("offers Add to calendar on the posted roster: a REQUEST at 10:00 BST, sequence 0, with the reference and kind but not the concern", async () => {
      const url = calendarLink(connector, "Add to calendar");
      // Local mode: the server's own base URL.
      expect(url.startsWith(`${server.url}/calendar/${meetingId}.`)).toBe(true);
      const invite = await fetchInvite(url);
      expect(invite).toMatchObject({ method: "REQUEST", sequence: 0, londonStart: "2026-10-23 10:00" });
      expect(invite.text).toContain(`Strategy discussion · ${CASE}`);
      expect(invite.text).not.toContain("Bruising");
      expect(invite.text).not.toContain("school nurse");
      firstUid = invite.uid;
    });

    it("after a move across the clock change, the same UID at 10:00 GMT with SEQUENCE 1", async () => {
      await send(actionActivity(ctx, sw, ActionId.RescheduleMeeting, { meetingId, step: "reschedule", date: "2026-10-27", time: "10:00", reason: "Police in court on Friday" }));
      await drainOutbox(server.context);
      const invite = await fetchInvite(calendarLink(connector, "Add to calendar"));
      expect(invite).toMatchObject({ method: "REQUEST", uid: firstUid, sequence: 1, londonStart: "2026-10-27 10:00" });
    });

    it("once cancelled, the roster offers Remove from calendar: CANCEL for the same UID", async () => {
      await send(actionActivity(ctx, sw, ActionId.CancelMeeting, { meetingId, reason: "The family have moved out of the area." }));
      await drainOutbox(server.context);
      const url = calendarLink(connector, "Remove from calendar");
      const invite = await fetchInvite(url);
      expect(invite).toMatchObject({ method: "CANCEL", uid: firstUid, sequence: 1 });
      expect(invite.text).toContain("STATUS:CANCELLED");
      expect(invite.text).not.toContain("moved out of the area");
    });

    it("answers a tampered or unknown link with 404 and an expired one with 410, naming nothing", async () => {
      const url = calendarLink(connector, "Remove from calendar");
      const tampered = url.replace(/(.)\.ics$/, (_m, ch: string) => `${ch === "A" ? "B" : "A"}.ics`);
      for (const bad of [tampered, `${server.url}/calendar/nothing.ics`, `${server.url}/calendar/`]) {
        const res = await fetch(bad);
        expect(res.status).toBe(404);
        const body = await res.text();
        expect(body).not.toContain(CASE);
        expect(body).not.toContain(meetingId);
      }
      clock.set("2026-12-01T08:00:00Z");
      const expired = await fetch(url);
      expect(expired.status).toBe(410);
      expect(await expired.text()).not.toContain(CASE);
    });
  });

  describe("in Slack", () => {
    const SECRET = "ics-signing-secret-0123456789";
    const TEAM = "T0CASE";
    const sw: TestSlackUser = { id: "U0SW", name: "Sam Okafor", email: "sam@la.example", teamId: TEAM };
    const police: TestSlackUser = { id: "U0PC", name: "DC Priya Shah", email: "priya@force.example", teamId: TEAM };
    const nurse: TestSlackUser = { id: "U0RN", name: "Hana Lewis", email: "hana@nhs.example", teamId: TEAM };
    const slack = new FakeSlackWebApi([sw, police, nurse], TEAM);
    const sctx = { teamId: TEAM, channelId: "C0ICS" };
    const clock = fixedClock("2026-10-21T08:00:00Z");
    let server: RunningServer;
    const post = (req: SlackRequest) => fetch(`${server.url}/slack/events`, { method: "POST", headers: signedHeaders(SECRET, req, Math.floor(clock.now().getTime() / 1000)), body: req.body });

    beforeAll(async () => {
      await slack.start();
      server = await startTestServer(dir, "slack", clock, { ...slackEnv(SECRET, slack.apiUrl), CONVENE_PUBLIC_URL: "https://convene.example.org" });
      await post(slashCommand(sctx, sw, `link ${CASE}`));
      await post(slashCommand(sctx, sw, `strategy ${CASE}`));
      await post(viewSubmission(sctx, sw, slack.lastOpenedView(), { concern: CONCERN, urgency: "today", date: "2026-10-23", time: "10:00", mode: "call", "person_social-worker": sw.id, person_health: nurse.id, person_police: police.id }));
      await drainOutbox(server.context);
    });
    afterAll(async () => {
      await server?.close();
      await slack.stop();
    });

    it("puts an Add to calendar URL button on the roster, on CONVENE_PUBLIC_URL, whose path serves the invite", async () => {
      const roster = slack.callsOf("chat.postMessage").find((c) => JSON.stringify(c.args).includes("Add to calendar"))!;
      const url = /"url":"(https:\/\/convene\.example\.org\/calendar\/[^"]+\.ics)"/.exec(JSON.stringify(roster.args))?.[1];
      expect(url).toBeDefined();
      // The public name is the reverse proxy's; the path is what reaches this server.
      const invite = await fetchInvite(`${server.url}${new URL(url!).pathname}`);
      expect(invite).toMatchObject({ method: "REQUEST", sequence: 0, londonStart: "2026-10-23 10:00" });
    });
  });
});
