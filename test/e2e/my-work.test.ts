import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ActionId, FROM_MY_WORK, MY_WORK_TARGET } from "../../src/app/conversation/action-id";
import { ACCEPT_TITLE, DECLINE_TITLE } from "../../src/cards/chase.card";
import { MARK_DONE_TITLE, SHOW_MY_WORK_TITLE } from "../../src/cards/my-work.card";
import { blockKitProblems } from "../../src/cards/slack/block-kit-limits";
import { SLACK_ACCEPT_TITLE } from "../../src/cards/slack/chase.blocks";
import { slackActionId } from "../../src/cards/slack/slack-action-id";
import { fixedClock } from "../../src/domain/shared/clock";
import type { RunningServer } from "../../src/server/start-server";
import { FakeConnector } from "../helpers/fake-teams-connector";
import { postToSlack, sendActivity, slackEnv, startTestServer } from "../helpers/e2e-server";
import { appHomeOpened, FakeSlackWebApi, homeBlockAction, slashCommand, viewSubmission, type OpenedView, type SlackRequest, type TestSlackUser } from "../helpers/slack-requests";
import { actionActivity, messageActivity, nextActivityId, type ActivityContext, type TestTeamsUser } from "../helpers/teams-activities";

// "My meetings and actions" through the real HTTP server: Teams `my` in a personal chat (and
// never the list itself in a channel), the Slack App Home published on app_home_opened, and
// presses on either answered exactly as from the roster, with the list brought up to date.

const CASE = "CS-2026-0720";
const CONCERN = "Concern only the case channel sees.";

/** An agreed action owned by the practitioner with this platform user id, written as a decision record would. */
async function addAction(server: RunningServer, ownerUserId: string, description: string, dueDate: string): Promise<string> {
  const owner = await server.context.prisma.practitioner.findFirstOrThrow({ where: { platformUserId: ownerUserId } });
  const c = await server.context.prisma.case.findFirstOrThrow({ where: { reference: CASE } });
  const id = `act-${ownerUserId}-${dueDate}`;
  await server.context.prisma.action.create({ data: { id, caseId: c.id, meetingId: null, ownerLabel: owner.displayName, ownerPractitionerId: owner.id, description, dueDate, status: "open" } });
  return id;
}

describe("my meetings and actions, end to end", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-my-work-"));
  const clock = fixedClock("2026-11-30T09:00:00Z");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("in Teams: `my` in a personal chat lists the meeting to answer with Accept, which works from there; a channel never shows the list", async () => {
    const sw: TestTeamsUser = { id: "29:sw", aadObjectId: "aad-sw", name: "Sam Okafor", email: "sam@la.example" };
    const police: TestTeamsUser = { id: "29:pc", aadObjectId: "aad-pc", name: "DC Priya Shah", email: "priya@force.example" };
    const nurse: TestTeamsUser = { id: "29:rn", aadObjectId: "aad-rn", name: "Hana Lewis", email: "hana@nhs.example" };
    const connector = new FakeConnector([sw, police, nurse]);
    await connector.start();
    const server = await startTestServer(dir, "teams", clock);
    try {
      const channel: ActivityContext = { serviceUrl: connector.url, conversationId: "19:my-work@thread.tacv2" };
      const chatWith = (u: TestTeamsUser): ActivityContext => ({ serviceUrl: connector.url, conversationId: `a:personal-${u.aadObjectId}`, conversationType: "personal" });
      const send = (activity: object) => sendActivity(server, activity);
      await send(messageActivity(channel, sw, `link ${CASE}`));
      await send(actionActivity(channel, sw, ActionId.SubmitConvene, { caseRef: CASE, kind: "strategy-discussion", concern: CONCERN, urgency: "today", date: "2026-11-30", time: "14:00", mode: "call", "person_social-worker": sw.aadObjectId, person_police: police.aadObjectId, person_health: nurse.aadObjectId }));
      const row = await server.context.prisma.invitation.findFirstOrThrow({ where: { role: "health" } });
      const action = await addAction(server, nurse.aadObjectId, "Send the health chronology", "2026-12-02");

      // `my` typed in her personal chat: the card with her meeting, Accept and Decline, and Mark done.
      const mine = nextActivityId();
      await send(messageActivity(chatWith(nurse), nurse, "my", mine));
      const card = connector.replyTextTo(mine);
      expect(card).toContain("My meetings and actions");
      expect(card).toContain(`Strategy discussion · ${CASE}`);
      expect(card).toContain(ACCEPT_TITLE);
      expect(card).toContain(DECLINE_TITLE);
      expect(card).toContain(MARK_DONE_TITLE);
      expect(card).toContain(row.id);
      expect(card).toContain("Send the health chronology");
      expect(card).not.toContain(CONCERN);
      // The officer's own list has his row, not hers.
      const hisId = nextActivityId();
      await send(messageActivity(chatWith(police), police, "mine", hisId));
      const his = connector.replyTextTo(hisId);
      expect(his).toContain("Police: DC Priya Shah");
      expect(his).not.toContain(row.id);

      // Accept pressed on her list: recorded as from the roster, and the list comes back up to date.
      const accepted = await send(actionActivity(chatWith(nurse), nurse, ActionId.Accept, { invitationId: row.id, role: "health", ...FROM_MY_WORK }));
      expect(accepted?.type).toBe("application/vnd.microsoft.card.adaptive");
      const after = JSON.stringify(accepted?.value);
      expect(after).toContain("Your answer is recorded.");
      expect(after).toContain("Nothing is waiting for your answer.");
      const saved = await server.context.prisma.invitation.findUniqueOrThrow({ where: { id: row.id } });
      expect([saved.response, saved.seniorityConfirmed]).toEqual(["accepted", true]);
      // Mark done on her list closes the action (no case channel needed) and it leaves the list.
      const done = await send(actionActivity(chatWith(nurse), nurse, ActionId.MarkActionDone, { actionId: action, ...FROM_MY_WORK }));
      expect(JSON.stringify(done?.value)).toContain("Agreed action marked done");
      expect(JSON.stringify(done?.value)).toContain("You have no open actions.");
      expect((await server.context.prisma.action.findUniqueOrThrow({ where: { id: action } })).status).toBe("done");

      // In the case channel `my` shows no list: only the way to see it, refreshed for the asker alone.
      const inChannel = nextActivityId();
      await send(messageActivity(channel, nurse, "my", inChannel));
      const pointer = JSON.parse(connector.replyTextTo(inChannel)) as { refresh?: { userIds: string[] }; actions: Array<{ title: string }> };
      expect(pointer.refresh?.userIds).toEqual([nurse.id]);
      expect(pointer.actions.map((a) => a.title)).toEqual([SHOW_MY_WORK_TITLE]);
      expect(JSON.stringify(pointer)).not.toContain(CASE);
      // Pressing it (or Teams refreshing it) answers the presser alone, with their own list.
      const shown = await send(actionActivity(channel, sw, ActionId.ShowMyWork, { list: MY_WORK_TARGET }));
      const swList = JSON.stringify(shown?.value);
      expect(swList).toContain("Meetings you convene (1)");
      expect(swList).toContain("Social worker: Sam Okafor");
      expect(swList).not.toContain("Send the health chronology");
    } finally {
      await server.close();
      await connector.stop();
    }
  });

  it("in Slack: opening the App Home publishes the person's own list; Accept and Decline there work and republish it", async () => {
    const SECRET = "my-work-signing-secret-0123456789";
    const TEAM = "T0CASE";
    const sw: TestSlackUser = { id: "U0SW", name: "Sam Okafor", email: "sam@la.example", teamId: TEAM };
    const police: TestSlackUser = { id: "U0PC", name: "DC Priya Shah", email: "priya@force.example", teamId: TEAM };
    const nurse: TestSlackUser = { id: "U0RN", name: "Hana Lewis", email: "hana@nhs.example", teamId: TEAM };
    const slack = new FakeSlackWebApi([sw, police, nurse], TEAM);
    await slack.start();
    const server = await startTestServer(dir, "slack", clock, { ...slackEnv(SECRET, slack.apiUrl) });
    try {
      const ctx = { teamId: TEAM, channelId: "C0MYWORK" };
      const post = (req: SlackRequest) => postToSlack(server, SECRET, clock, req);
      const lastHome = (user: TestSlackUser) => {
        const call = slack.callsOf("views.publish").filter((c) => c.args.user_id === user.id).at(-1);
        if (!call) throw new Error(`no views.publish for ${user.id}`);
        return call.args.view as { type: string; callback_id: string; blocks: Array<{ type: string; elements?: Array<{ action_id: string; text: { text: string }; value?: string }> }> };
      };
      const buttons = (view: ReturnType<typeof lastHome>) => view.blocks.flatMap((b) => b.elements ?? []).filter((e) => e.action_id);
      await post(slashCommand(ctx, sw, `link ${CASE}`));
      await post(slashCommand(ctx, sw, `strategy ${CASE}`));
      await post(viewSubmission(ctx, sw, slack.lastOpenedView(), { concern: CONCERN, urgency: "today", date: "2026-11-30", time: "14:00", mode: "call", "person_social-worker": sw.id, person_health: nurse.id, person_police: police.id }));
      const healthRow = await server.context.prisma.invitation.findFirstOrThrow({ where: { role: "health" } });
      const policeRow = await server.context.prisma.invitation.findFirstOrThrow({ where: { role: "police" } });

      // She opens Convene's Home tab: her list is published to her, with the roster's buttons.
      await post(appHomeOpened(TEAM, nurse));
      const home = lastHome(nurse);
      expect(home.type).toBe("home");
      expect(blockKitProblems("modal", home.blocks)).toEqual([]);
      expect(buttons(home).map((b) => [b.text.text, b.action_id])).toEqual([
        [SLACK_ACCEPT_TITLE, slackActionId(ActionId.Accept, healthRow.id)],
        [DECLINE_TITLE, slackActionId(ActionId.Decline, healthRow.id)],
        ["Refresh", slackActionId(ActionId.ShowMyWork, MY_WORK_TARGET)],
      ]);
      expect(JSON.stringify(home)).toContain(CASE);
      expect(JSON.stringify(home)).not.toContain(CONCERN);
      // The Messages tab publishes nothing; the officer's Home tab has his row, never hers.
      const published = slack.callsOf("views.publish").length;
      await post(appHomeOpened(TEAM, nurse, { tab: "messages" }));
      expect(slack.callsOf("views.publish")).toHaveLength(published);
      await post(appHomeOpened(TEAM, police));
      expect(JSON.stringify(lastHome(police))).toContain(policeRow.id);
      expect(JSON.stringify(lastHome(police))).not.toContain(healthRow.id);

      // Pressing her row's Accept on the Home tab (no channel) answers it and republishes the list.
      const accept = buttons(home)[0]!;
      await post(homeBlockAction(TEAM, nurse, { actionId: accept.action_id, value: accept.value! }, home));
      expect((await server.context.prisma.invitation.findUniqueOrThrow({ where: { id: healthRow.id } })).response).toBe("accepted");
      const afterAccept = JSON.stringify(lastHome(nurse));
      expect(afterAccept).toContain("Your answer is recorded.");
      expect(afterAccept).toContain("Nothing is waiting for your answer.");

      // Someone else's row pressed from a stale Home tab is refused, and the Home tab says why.
      await post(homeBlockAction(TEAM, nurse, { actionId: slackActionId(ActionId.Accept, policeRow.id), value: JSON.stringify({ role: "police", ...FROM_MY_WORK }) }, home));
      expect((await server.context.prisma.invitation.findUniqueOrThrow({ where: { id: policeRow.id } })).response).toBe("invited");
      expect(JSON.stringify(lastHome(nurse))).toContain("Only DC Priya Shah");

      // The officer declines from his Home tab: the reason modal opens, and its submission records and republishes.
      const hisAccept = buttons(lastHome(police)).find((b) => b.action_id === slackActionId(ActionId.Decline, policeRow.id))!;
      await post(homeBlockAction(TEAM, police, { actionId: hisAccept.action_id, value: hisAccept.value! }, lastHome(police)));
      const modal: OpenedView = slack.lastOpenedView();
      expect(modal.callback_id).toBe(ActionId.Decline);
      const before = slack.callsOf("views.publish").length;
      await post(viewSubmission(ctx, police, modal, { reason: "On a court day; DS Khan will attend" }));
      const declined = await server.context.prisma.invitation.findUniqueOrThrow({ where: { id: policeRow.id } });
      expect([declined.response, declined.responseReason]).toEqual(["declined", "On a court day; DS Khan will attend"]);
      expect(slack.callsOf("views.publish").length).toBeGreaterThan(before);
      expect(JSON.stringify(lastHome(police))).toContain("Your answer is recorded.");

      // The convenor's Home tab shows the meeting they convene with its gap; `/convene my` answers privately.
      await post(appHomeOpened(TEAM, sw));
      expect(JSON.stringify(lastHome(sw))).toContain("Police declined: invite someone else");
      const ack = await post(slashCommand(ctx, sw, "my"));
      expect(ack?.response_type).toBe("ephemeral");
      expect(JSON.stringify(ack)).toContain("Meetings you convene (1)");
    } finally {
      await server.close();
      await slack.stop();
    }
  });
});
