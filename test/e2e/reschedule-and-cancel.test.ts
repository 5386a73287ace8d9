import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ActionId } from "../../src/app/conversation/action-id";
import { slackActionId } from "../../src/cards/slack/slack-action-id";
import { fixedClock } from "../../src/domain/shared/clock";
import { drainOutbox } from "../../src/server/mount-delivery";
import { type RunningServer } from "../../src/server/start-server";
import { FakeConnector } from "../helpers/fake-teams-connector";
import { postToSlack, sendActivity, slackEnv, startTestServer } from "../helpers/e2e-server";
import { blockAction, FakeSlackWebApi, slashCommand, viewSubmission, type SlackRequest, type TestSlackUser } from "../helpers/slack-requests";
import { actionActivity, messageActivity, type ActivityContext, type TestTeamsUser } from "../helpers/teams-activities";

// Meetings can be moved or cancelled from the roster by the convenor, the case's social worker
// or team manager. Invitees who had answered are told and asked again; everyone invited is told
// of a cancellation. Both audited; refusals are private.

const CASE = "CS-2026-0600";

describe("reschedule and cancel", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-move-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe("in Teams", () => {
    const sw: TestTeamsUser = { id: "29:sw", aadObjectId: "aad-sw", name: "Sam Okafor", email: "sam@la.example" };
    const police: TestTeamsUser = { id: "29:pc", aadObjectId: "aad-pc", name: "DC Priya Shah", email: "priya@force.example" };
    const nurse: TestTeamsUser = { id: "29:rn", aadObjectId: "aad-rn", name: "Hana Lewis", email: "hana@nhs.example" };
    const connector = new FakeConnector([sw, police, nurse]);
    const clock = fixedClock("2026-11-30T10:00:00Z");
    let server: RunningServer;
    let ctx: ActivityContext;
    let meetingId = "";
    const send = (activity: object) => sendActivity(server, activity);

    beforeAll(async () => {
      await connector.start();
      server = await startTestServer(dir, "teams", clock);
      ctx = { serviceUrl: connector.url, conversationId: "19:move@thread.tacv2" };
      await send(messageActivity(ctx, sw, `link ${CASE}`));
      await send(
        actionActivity(ctx, sw, ActionId.SubmitConvene, {
          caseRef: CASE, kind: "strategy-discussion", concern: "Concern.", urgency: "today", date: "2026-12-01", time: "10:00", mode: "call",
          "person_social-worker": sw.aadObjectId, person_police: police.aadObjectId, person_health: nurse.aadObjectId,
        }),
      );
      await drainOutbox(server.context);
      meetingId = (await server.context.prisma.meeting.findFirstOrThrow()).id;
      const row = await server.context.prisma.invitation.findFirstOrThrow({ where: { role: "police" } });
      await send(actionActivity(ctx, police, ActionId.Accept, { invitationId: row.id }));
    });
    afterAll(async () => {
      await server?.close();
      await connector.stop();
    });

    it("asks for the new time on the roster card, refuses a past date beside the field, and refuses an invitee", async () => {
      const asked = JSON.stringify((await send(actionActivity(ctx, sw, ActionId.RescheduleMeeting, { meetingId })))?.value);
      expect(asked).toContain("Move the meeting");
      expect(asked).toContain("New date");
      const past = JSON.stringify((await send(actionActivity(ctx, sw, ActionId.RescheduleMeeting, { meetingId, step: "reschedule", date: "2026-11-20", time: "10:00" })))?.value);
      expect(past).toContain("Fri 20 Nov 2026 has passed");
      const stranger = await send(actionActivity(ctx, police, ActionId.RescheduleMeeting, { meetingId, step: "reschedule", date: "2026-12-03", time: "10:00" }));
      expect(String(stranger?.value)).toContain("Only the convenor or the case's social worker or team manager can move the meeting");
    });

    it("moves the meeting: the roster shows the new time, answers are asked again, and those who had answered are told", async () => {
      const posts = connector.captured.length;
      const res = JSON.stringify((await send(actionActivity(ctx, sw, ActionId.RescheduleMeeting, { meetingId, step: "reschedule", date: "2026-12-03", time: "14:00", reason: "Police cannot attend on Tuesday" })))?.value);
      expect(res).toContain("Moved. Everyone who had answered is asked again");
      expect(res).toContain("Thu 3 Dec 2026, 14:00");
      expect((await server.context.prisma.invitation.findFirstOrThrow({ where: { role: "police" } })).response).toBe("invited");
      await drainOutbox(server.context);
      const told = connector.captured.slice(posts).map((c) => JSON.stringify(c.body.attachments?.[0]?.content ?? {}));
      const notice = told.find((t) => t.includes(`Strategy discussion moved · ${CASE}`))!;
      expect(notice).toContain("Thursday 3 December 2026, 14:00");
      expect(notice).toContain("Police cannot attend on Tuesday");
      expect(notice).toContain("<at>DC Priya Shah</at>");
      expect(told.some((t) => t.includes("Thu 3 Dec 2026, 14:00") && t.includes("Who is coming"))).toBe(true);
    });

    it("cancels with a reason, telling everyone invited; the roster shows it cancelled", async () => {
      const asked = JSON.stringify((await send(actionActivity(ctx, sw, ActionId.CancelMeeting, { meetingId })))?.value);
      expect(asked).toContain("Why is it cancelled?");
      const short = await send(actionActivity(ctx, sw, ActionId.CancelMeeting, { meetingId, reason: "no" }));
      expect(String(short?.value)).toContain("Say in a sentence why the meeting is cancelled");
      const posts = connector.captured.length;
      const done = JSON.stringify((await send(actionActivity(ctx, sw, ActionId.CancelMeeting, { meetingId, reason: "The family have moved out of the area." })))?.value);
      expect(done).toContain("Cancelled.");
      await drainOutbox(server.context);
      const notice = connector.captured.slice(posts).map((c) => JSON.stringify(c.body.attachments?.[0]?.content ?? {})).find((t) => t.includes("cancelled ·"))!;
      expect(notice).toContain("The family have moved out of the area.");
      expect(notice).toContain("<at>Hana Lewis</at>");
      const m = await server.context.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
      expect(m).toMatchObject({ status: "cancelled", cancelledReason: "The family have moved out of the area.", sequence: 1 });
      expect(await server.context.prisma.auditEvent.count({ where: { entityType: "meeting", entityId: meetingId } })).toBeGreaterThanOrEqual(3);
    });
  });

  describe("in Slack", () => {
    const SECRET = "move-signing-secret-0123456789";
    const TEAM = "T0CASE";
    const sw: TestSlackUser = { id: "U0SW", name: "Sam Okafor", email: "sam@la.example", teamId: TEAM };
    const police: TestSlackUser = { id: "U0PC", name: "DC Priya Shah", email: "priya@force.example", teamId: TEAM };
    const nurse: TestSlackUser = { id: "U0RN", name: "Hana Lewis", email: "hana@nhs.example", teamId: TEAM };
    const slack = new FakeSlackWebApi([sw, police, nurse], TEAM);
    const sctx = { teamId: TEAM, channelId: "C0MOVE" };
    const clock = fixedClock("2026-11-30T10:00:00Z");
    let server: RunningServer;
    let meetingId = "";
    const post = (req: SlackRequest) => postToSlack(server, SECRET, clock, req);

    beforeAll(async () => {
      await slack.start();
      server = await startTestServer(dir, "slack", clock, { ...slackEnv(SECRET, slack.apiUrl) });
      await post(slashCommand(sctx, sw, `link ${CASE}`));
      await post(slashCommand(sctx, sw, `strategy ${CASE}`));
      await post(viewSubmission(sctx, sw, slack.lastOpenedView(), { concern: "Concern.", urgency: "today", date: "2026-12-01", time: "10:00", mode: "call", "person_social-worker": sw.id, person_health: nurse.id, person_police: police.id }));
      await drainOutbox(server.context);
      meetingId = (await server.context.prisma.meeting.findFirstOrThrow()).id;
    });
    afterAll(async () => {
      await server?.close();
      await slack.stop();
    });

    it("moves the meeting through the Reschedule… modal, and a weekend asks for confirmation in a replaced modal", async () => {
      await post(blockAction(sctx, sw, { actionId: slackActionId(ActionId.RescheduleMeeting, meetingId), value: meetingId }));
      const view = slack.lastOpenedView();
      expect(view.callback_id).toBe(ActionId.RescheduleMeeting);
      const past = await post(viewSubmission(sctx, sw, view, { date: "2026-11-20", time: "10:00" }));
      expect(past?.response_action).toBe("errors");
      expect(JSON.stringify(past?.errors)).toContain("Fri 20 Nov 2026 has passed");
      const weekend = await post(viewSubmission(sctx, sw, view, { date: "2026-12-05", time: "10:00" }));
      expect(weekend?.response_action).toBe("update");
      expect(JSON.stringify(weekend?.view)).toContain("Sat 5 Dec 2026 is a weekend day");
      const ok = await post(viewSubmission(sctx, sw, view, { date: "2026-12-02", time: "11:00" }));
      expect(ok).toBeNull();
      expect((await server.context.app.getRoster(meetingId)).whenLabel).toBe("Wed 2 Dec 2026, 11:00 (UK time)");
    });

    it("cancels through the Cancel meeting… modal, telling the channel", async () => {
      await post(blockAction(sctx, sw, { actionId: slackActionId(ActionId.CancelMeeting, meetingId), value: meetingId }));
      const view = slack.lastOpenedView();
      expect(view.callback_id).toBe(ActionId.CancelMeeting);
      expect(await post(viewSubmission(sctx, sw, view, { reason: "Concerns resolved by a single-agency visit." }))).toBeNull();
      await drainOutbox(server.context);
      const notice = slack.callsOf("chat.postMessage").find((c) => JSON.stringify(c.args).includes("cancelled ·"))!;
      expect(JSON.stringify(notice.args)).toContain("<@U0PC>");
      expect((await server.context.app.getRoster(meetingId)).status).toBe("cancelled");
    });
  });
});
