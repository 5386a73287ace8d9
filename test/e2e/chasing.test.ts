import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ActionId } from "../../src/app/conversation/action-id";
import { putAgencyDirectoryEntry } from "../../src/app/use-cases/put-agency-directory-entry";
import { loadConfig } from "../../src/config/config";
import { fixedClock } from "../../src/domain/shared/clock";
import { drainOutbox, runChasePassNow } from "../../src/server/mount-delivery";
import { startServer, type RunningServer } from "../../src/server/start-server";
import { FakeConnector } from "../helpers/fake-teams-connector";
import { postToSlack, sendActivity, slackEnv, startTestServer } from "../helpers/e2e-server";
import { blockAction, FakeSlackWebApi, slashCommand, viewSubmission, type SlackRequest, type TestSlackUser } from "../helpers/slack-requests";
import { actionActivity, messageActivity, type ActivityContext, type TestTeamsUser } from "../helpers/teams-activities";
import { databaseEnv, dropTestDatabase, freshDatabaseUrl } from "../helpers/test-database";
import { slackActionId } from "../../src/cards/slack/slack-action-id";

// Nobody was told or chased. Now a required invitee who has not answered is reminded on a
// plan scaled by urgency (routine: each working morning), and after the configured reminders
// the chase escalates to the convenor with the agency's duty contact. Reminders go through the
// scheduler and the outbox: across a weekend, and once only across a restart.

const CASE = "CS-2026-0400";

describe("chasing required invitees who have not answered", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-chase-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe("in Teams, across a weekend and a restart", () => {
    const sw: TestTeamsUser = { id: "29:sw", aadObjectId: "aad-sw", name: "Sam Okafor", email: "sam@la.example" };
    const nurse: TestTeamsUser = { id: "29:rn", aadObjectId: "aad-rn", name: "Hana Lewis", email: "hana@nhs.example" };
    const connector = new FakeConnector([sw, nurse]);
    const clock = fixedClock("2026-11-27T15:00:00Z"); // Friday 15:00 in London
    // One database across the restart, so it is made here rather than by startTestServer.
    let dbUrl: string;
    const config = () => loadConfig({ DATABASE_URL: dbUrl, PORT: "0", CONVENE_SCHEDULER: "off", LOG_LEVEL: "silent", NODE_ENV: "test", CONVENE_CHASE_REMINDERS: "2", ...databaseEnv(dbUrl) });
    let server: RunningServer;
    let ctx: ActivityContext;
    const send = (activity: object) => sendActivity(server, activity);
    const chases = () => connector.cardTexts("POST").filter((t) => t.includes("Reminder ") || t.includes("Still no answer"));
    const passAt = async (at: string) => {
      clock.set(at);
      const r = await runChasePassNow(server.context);
      await drainOutbox(server.context);
      return r.sent;
    };

    beforeAll(async () => {
      await connector.start();
      dbUrl = await freshDatabaseUrl(dir, "teams");
      server = await startServer(config(), { clock });
      ctx = { serviceUrl: connector.url, conversationId: "19:chase@thread.tacv2" };
      await putAgencyDirectoryEntry(server.context, { entry: { match: "email-domain", value: "*.police.uk", agency: "police", dutyContact: "CAIT duty desk, 0300 000 0000" }, operator: "test:admin" });
      await send(messageActivity(ctx, sw, `link ${CASE}`));
      await send(
        actionActivity(ctx, sw, ActionId.SubmitConvene, {
          caseRef: CASE, kind: "strategy-discussion", concern: "Concern shared by school.", urgency: "routine", date: "2026-12-02", time: "10:00", mode: "meeting",
          "person_social-worker": sw.aadObjectId, person_health: nurse.aadObjectId, contact_police: "Police CAIT duty desk",
        }),
      );
      await drainOutbox(server.context);
      const rows = await server.context.prisma.invitation.findMany();
      for (const [who, role] of [[sw, "social-worker"], [nurse, "health"]] as const) {
        await send(actionActivity(ctx, who, ActionId.Accept, { invitationId: rows.find((r) => r.role === role)!.id }));
      }
      await drainOutbox(server.context);
    });
    afterAll(async () => {
      await server?.close();
      await connector.stop();
      if (dbUrl) await dropTestDatabase(dbUrl);
    });

    it("sends nothing before the first working morning after convening (not on Friday evening or over the weekend)", async () => {
      expect(await passAt("2026-11-27T17:30:00Z")).toEqual([]);
      expect(await passAt("2026-11-29T12:00:00Z")).toEqual([]);
      expect(await passAt("2026-11-30T09:29:00Z")).toEqual([]);
      expect(chases()).toEqual([]);
    });

    it("reminds the unanswered police row on Monday morning, only that row, with its answer buttons", async () => {
      const sent = await passAt("2026-11-30T09:31:00Z");
      expect(sent).toHaveLength(1);
      const [card] = chases();
      expect(card).toContain(`Reminder 1: please answer · ${CASE}`);
      expect(card).toContain("Police CAIT duty desk");
      expect(card).toContain(ActionId.Accept);
      expect(card).not.toContain("Concern shared by school.");
    });

    it("sends it once only across a restart", async () => {
      await server.close();
      server = await startServer(config(), { clock });
      expect(await passAt("2026-11-30T09:45:00Z")).toEqual([]);
      expect(chases()).toHaveLength(1);
    });

    it("reminds again the next working morning, and the roster says how often it chased", async () => {
      expect(await passAt("2026-12-01T09:31:00Z")).toHaveLength(1);
      expect(chases().at(-1)).toContain("Reminder 2");
      const meeting = await server.context.prisma.meeting.findFirstOrThrow();
      const roster = await server.context.app.getRoster(meeting.id);
      expect(roster.rows.find((r) => r.role === "police")!.responseLabel).toContain("chased 2×");
    });

    it("escalates once to the convenor with the duty contact after the last reminder, then stops", async () => {
      expect(await passAt("2026-12-02T09:31:00Z")).toMatchObject([{ escalated: true, count: 3 }]);
      const escalation = chases().at(-1)!;
      expect(escalation).toContain(`Still no answer from Police · ${CASE}`);
      expect(escalation).toContain("ask for a delegate or move the meeting");
      expect(escalation).toContain("CAIT duty desk, 0300 000 0000");
      expect(escalation).toContain("<at>Sam Okafor</at>");
      expect(escalation).toContain('"mentioned":{"id":"aad-sw"');
      expect(await passAt("2026-12-03T09:31:00Z")).toEqual([]);
      expect(chases()).toHaveLength(3);
    });
  });

  describe("in Slack", () => {
    const SECRET = "chase-signing-secret-0123456789";
    const TEAM = "T0CASE";
    const sw: TestSlackUser = { id: "U0SW", name: "Sam Okafor", email: "sam@la.example", teamId: TEAM };
    const officer: TestSlackUser = { id: "U0PC", name: "DC Priya Shah", email: "priya@met.police.uk", teamId: TEAM };
    const nurse: TestSlackUser = { id: "U0RN", name: "Hana Lewis", email: "hana@nhs.example", teamId: TEAM };
    const slack = new FakeSlackWebApi([sw, officer, nurse], TEAM);
    const sctx = { teamId: TEAM, channelId: "C0CHASE" };
    const clock = fixedClock("2026-11-30T10:00:00Z"); // Monday 10:00
    let server: RunningServer;
    const post = (req: SlackRequest) => postToSlack(server, SECRET, clock, req);

    beforeAll(async () => {
      await slack.start();
      server = await startTestServer(dir, "slack", clock, { ...slackEnv(SECRET, slack.apiUrl) });
      await post(slashCommand(sctx, sw, `link ${CASE}`));
      await post(slashCommand(sctx, sw, `strategy ${CASE}`));
      await post(viewSubmission(sctx, sw, slack.lastOpenedView(), { concern: "Concern shared by school.", urgency: "today", date: "2026-11-30", time: "17:00", mode: "call", "person_social-worker": sw.id, person_health: nurse.id, person_police: officer.id }));
      await drainOutbox(server.context);
    });
    afterAll(async () => {
      await server?.close();
      await slack.stop();
    });

    it("reminds a same-day invitee two hours on, mentioning them, and stops once they answer", async () => {
      clock.set("2026-11-30T12:01:00Z");
      const first = await runChasePassNow(server.context);
      await drainOutbox(server.context);
      expect(first.sent).toHaveLength(3); // nobody has answered yet
      const reminders = slack.callsOf("chat.postMessage").filter((c) => JSON.stringify(c.args).includes("Reminder 1"));
      expect(reminders.map((c) => JSON.stringify(c.args)).some((t) => t.includes("<@U0PC>"))).toBe(true);
      // The officer answers from the reminder itself.
      const row = await server.context.prisma.invitation.findFirstOrThrow({ where: { role: "police" } });
      await post(blockAction(sctx, officer, { actionId: slackActionId(ActionId.Accept, row.id), value: row.id }));
      expect((await server.context.prisma.invitation.findUniqueOrThrow({ where: { id: row.id } })).response).toBe("accepted");
      clock.set("2026-11-30T14:02:00Z");
      const second = await runChasePassNow(server.context);
      expect(second.sent.map((s) => s.invitationId)).not.toContain(row.id);
      expect(second.sent).toHaveLength(2);
      // After the second reminder the chase escalates once, to the convenor, in the channel.
      clock.set("2026-11-30T16:03:00Z");
      const third = await runChasePassNow(server.context);
      await drainOutbox(server.context);
      expect(third.sent.every((s) => s.escalated)).toBe(true);
      const escalations = slack.callsOf("chat.postMessage").filter((c) => JSON.stringify(c.args).includes("Still no answer"));
      expect(escalations.length).toBeGreaterThan(0);
      expect(JSON.stringify(escalations[0]!.args)).toContain("<@U0SW>");
      expect(JSON.stringify(escalations[0]!.args)).toContain("ask for a delegate or move the meeting");
    });
  });
});
