import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ActionId } from "../../src/app/conversation/action-id";
import { slackActionId } from "../../src/cards/slack/slack-action-id";
import { fixedClock } from "../../src/domain/shared/clock";
import { drainOutbox } from "../../src/server/mount-delivery";
import { FakeConnector } from "../helpers/fake-teams-connector";
import { postToSlack, sendActivity, slackEnv, startTestServer } from "../helpers/e2e-server";
import { blockAction, FakeSlackWebApi, slashCommand, viewSubmission, type SlackRequest, type TestSlackUser } from "../helpers/slack-requests";
import { actionActivity, messageActivity, type ActivityContext, type TestTeamsUser } from "../helpers/teams-activities";

// Invitees are told personally as well as in the channel: a police officer in Teams would
// not otherwise see an invitation posted in a channel she rarely reads. The personal message
// carries the answer buttons, and an answer from there counts as one from the channel.

const CASE = "CS-2026-0650";

describe("each named invitee gets a personal message with the meeting and their answer buttons", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-personal-"));
  const clock = fixedClock("2026-11-30T10:00:00Z");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("in Teams: a personal chat with the invitee, answerable from there", async () => {
    const sw: TestTeamsUser = { id: "29:sw", aadObjectId: "aad-sw", name: "Sam Okafor", email: "sam@la.example" };
    const police: TestTeamsUser = { id: "29:pc", aadObjectId: "aad-pc", name: "DC Priya Shah", email: "priya@force.example" };
    const nurse: TestTeamsUser = { id: "29:rn", aadObjectId: "aad-rn", name: "Hana Lewis", email: "hana@nhs.example" };
    const connector = new FakeConnector([sw, police, nurse]);
    await connector.start();
    const server = await startTestServer(dir, "teams", clock);
    try {
      const ctx: ActivityContext = { serviceUrl: connector.url, conversationId: "19:personal@thread.tacv2" };
      const send = (activity: object) => sendActivity(server, activity);
      await send(messageActivity(ctx, sw, `link ${CASE}`));
      await send(actionActivity(ctx, sw, ActionId.SubmitConvene, { caseRef: CASE, kind: "strategy-discussion", concern: "Concern only the channel sees.", urgency: "today", date: "2026-12-01", time: "10:00", mode: "call", "person_social-worker": sw.aadObjectId, person_police: police.aadObjectId, person_health: nurse.aadObjectId }));
      await drainOutbox(server.context);
      // One personal chat created per invitee other than the convenor, addressed by Entra object id.
      const created = connector.captured.filter((c) => c.method === "POST" && c.path.endsWith("/v3/conversations"));
      expect(created.map((c) => (c.body as { members?: Array<{ id: string }> }).members?.[0]?.id).sort()).toEqual(["aad-pc", "aad-rn"]);
      const invites = connector.captured.filter((c) => c.method === "POST" && /\/v3\/conversations\/msg-\d+\/activities(\/[^/]+)?$/.test(c.path)).map((c) => JSON.stringify(c.body.attachments?.[0]?.content ?? {}));
      expect(invites).toHaveLength(2);
      expect(invites[0]).toContain(`You are invited to a strategy discussion · ${CASE}`);
      expect(invites[0]).toContain(ActionId.Accept);
      for (const i of invites) expect(i).not.toContain("Concern only the channel sees.");
      // The officer accepts from her personal chat (a conversation not linked to any case).
      const row = await server.context.prisma.invitation.findFirstOrThrow({ where: { role: "police" } });
      const personal: ActivityContext = { serviceUrl: connector.url, conversationId: "a:personal-chat-with-priya", conversationType: "personal" };
      const res = await send(actionActivity(personal, police, ActionId.Accept, { invitationId: row.id }));
      expect(res?.type).toBe("application/vnd.microsoft.card.adaptive");
      // Answered in words there: the roster card, with the concern, stays in the case channel.
      expect(JSON.stringify(res?.value)).toContain("Your answer is recorded.");
      expect(JSON.stringify(res?.value)).toContain("The roster card is in the case channel.");
      expect(JSON.stringify(res?.value)).not.toContain("Concern only the channel sees.");
      expect((await server.context.prisma.invitation.findUniqueOrThrow({ where: { id: row.id } })).response).toBe("accepted");
      // Someone else cannot answer her row from a personal chat either.
      const health = await server.context.prisma.invitation.findFirstOrThrow({ where: { role: "health" } });
      const refused = await send(actionActivity(personal, police, ActionId.Accept, { invitationId: health.id }));
      expect(String(refused?.value)).toContain("Only Hana Lewis");
    } finally {
      await server.close();
      await connector.stop();
    }
  });

  it("in Slack: a DM from the bot, answerable from there", async () => {
    const SECRET = "personal-signing-secret-0123456789";
    const TEAM = "T0CASE";
    const sw: TestSlackUser = { id: "U0SW", name: "Sam Okafor", email: "sam@la.example", teamId: TEAM };
    const police: TestSlackUser = { id: "U0PC", name: "DC Priya Shah", email: "priya@force.example", teamId: TEAM };
    const nurse: TestSlackUser = { id: "U0RN", name: "Hana Lewis", email: "hana@nhs.example", teamId: TEAM };
    const slack = new FakeSlackWebApi([sw, police, nurse], TEAM);
    await slack.start();
    const server = await startTestServer(dir, "slack", clock, { ...slackEnv(SECRET, slack.apiUrl) });
    try {
      const sctx = { teamId: TEAM, channelId: "C0PERSONAL" };
      const post = (req: SlackRequest) => postToSlack(server, SECRET, clock, req);
      await post(slashCommand(sctx, sw, `link ${CASE}`));
      await post(slashCommand(sctx, sw, `strategy ${CASE}`));
      await post(viewSubmission(sctx, sw, slack.lastOpenedView(), { concern: "Concern only the channel sees.", urgency: "today", date: "2026-12-01", time: "10:00", mode: "call", "person_social-worker": sw.id, person_health: nurse.id, person_police: police.id }));
      await drainOutbox(server.context);
      const dms = slack.callsOf("chat.postMessage").filter((c) => String(c.args.channel).startsWith("U0"));
      expect(dms.map((c) => c.args.channel).sort()).toEqual(["U0PC", "U0RN"]);
      expect(JSON.stringify(dms[0]!.args)).toContain(`You are invited to a strategy discussion · ${CASE}`);
      const row = await server.context.prisma.invitation.findFirstOrThrow({ where: { role: "police" } });
      await post(blockAction({ teamId: TEAM, channelId: "D0PRIYA" }, police, { actionId: slackActionId(ActionId.Accept, row.id), value: row.id }));
      expect((await server.context.prisma.invitation.findUniqueOrThrow({ where: { id: row.id } })).response).toBe("accepted");
    } finally {
      await server.close();
      await slack.stop();
    }
  });
});
