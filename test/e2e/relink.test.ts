import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ActionId } from "../../src/app/conversation/action-id";
import { CONFIRM_MOVE_FIELD } from "../../src/app/conversation/forms/relink.form";
import { fixedClock } from "../../src/domain/shared/clock";
import { FakeConnector } from "../helpers/fake-teams-connector";
import { postToSlack, sendActivity, slackEnv, startTestServer } from "../helpers/e2e-server";
import { FakeSlackWebApi, slashCommand, viewSubmission, type SlackRequest, type TestSlackUser } from "../helpers/slack-requests";
import { actionActivity, messageActivity, type ActivityContext, type TestTeamsUser, nextActivityId } from "../helpers/teams-activities";

// Re-linking was silent: `link` moved a channel to another case and the old case's cards then
// refused everyone. Now it asks first, naming the open meetings and clocks that would move.

describe("linking a channel that belongs to another case asks first", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-relink-"));
  const clock = fixedClock("2026-11-30T10:00:00Z");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("in Teams: names what would move, moves nothing without the box, then moves it", async () => {
    const sw: TestTeamsUser = { id: "29:sw", aadObjectId: "aad-sw", name: "Sam Okafor", email: "sam@la.example" };
    const connector = new FakeConnector([sw]);
    await connector.start();
    const server = await startTestServer(dir, "teams", clock);
    try {
      const ctx: ActivityContext = { serviceUrl: connector.url, conversationId: "19:relink@thread.tacv2" };
      const send = (activity: object) => sendActivity(server, activity);
      await send(messageActivity(ctx, sw, "link CS-2026-0701"));
      await send(actionActivity(ctx, sw, ActionId.SubmitConvene, { caseRef: "CS-2026-0701", kind: "core-group", concern: "Core group.", urgency: "routine", date: "2026-12-01", time: "10:00", mode: "meeting", "person_social-worker": sw.aadObjectId }));
      const reply1 = nextActivityId();
      await send(messageActivity(ctx, sw, "link CS-2026-0702", reply1));
      const asked = connector.replyTextTo(reply1);
      expect(asked).toContain("Move this channel to CS-2026-0702?");
      expect(asked).toContain("Open meetings of CS-2026-0701: Core group meeting (Tue 1 Dec 2026, 10:00 (UK time))");
      const link = () => server.context.prisma.channelLink.findFirstOrThrow({ include: { case: true } });
      expect((await link()).case.reference).toBe("CS-2026-0701");
      const unticked = JSON.stringify((await send(actionActivity(ctx, sw, ActionId.ConfirmRelink, { caseRef: "CS-2026-0702", [CONFIRM_MOVE_FIELD]: "false" })))?.value);
      expect(unticked).toContain("Tick the box to move this channel");
      expect((await link()).case.reference).toBe("CS-2026-0701");
      const moved = JSON.stringify((await send(actionActivity(ctx, sw, ActionId.ConfirmRelink, { caseRef: "CS-2026-0702", [CONFIRM_MOVE_FIELD]: "true" })))?.value);
      expect(moved).toContain("Linked to case CS-2026-0702");
      expect((await link()).case.reference).toBe("CS-2026-0702");
    } finally {
      await server.close();
      await connector.stop();
    }
  });

  it("in Slack: the confirmation opens as a modal from /convene link", async () => {
    const SECRET = "relink-signing-secret-0123456789";
    const sw: TestSlackUser = { id: "U0SW", name: "Sam Okafor", email: "sam@la.example", teamId: "T0CASE" };
    const slack = new FakeSlackWebApi([sw], "T0CASE");
    await slack.start();
    const server = await startTestServer(dir, "slack", clock, { ...slackEnv(SECRET, slack.apiUrl) });
    try {
      const sctx = { teamId: "T0CASE", channelId: "C0RELINK" };
      const post = (req: SlackRequest) => postToSlack(server, SECRET, clock, req);
      await post(slashCommand(sctx, sw, "link CS-2026-0801"));
      await post(slashCommand(sctx, sw, "link CS-2026-0802"));
      const view = slack.lastOpenedView();
      expect(view.callback_id).toBe(ActionId.ConfirmRelink);
      expect(JSON.stringify(view.blocks)).toContain("CS-2026-0801 has no open meetings");
      expect(await post(viewSubmission(sctx, sw, view, { [CONFIRM_MOVE_FIELD]: "true" }))).toBeNull();
      const link = await server.context.prisma.channelLink.findFirstOrThrow({ include: { case: true } });
      expect(link.case.reference).toBe("CS-2026-0802");
    } finally {
      await server.close();
      await slack.stop();
    }
  });
});
