import { ActionId, FROM_MY_WORK, MY_WORK_TARGET } from "../../../src/app/conversation/action-id";
import { ACCEPT_TITLE, DECLINE_TITLE } from "../../../src/cards/chase.card";
import { MARK_DONE_TITLE, myWorkSummary, renderMyWorkCard, renderMyWorkElsewhereCard, SHOW_MY_WORK_TITLE } from "../../../src/cards/my-work.card";
import { blockKitProblems } from "../../../src/cards/slack/block-kit-limits";
import { SLACK_ACCEPT_TITLE } from "../../../src/cards/slack/chase.blocks";
import { MY_WORK_HOME_CALLBACK_ID, myWorkHomeView, myWorkMessage } from "../../../src/cards/slack/my-work.blocks";
import { parseSlackActionId, slackActionData, slackActionId } from "../../../src/cards/slack/slack-action-id";
import type { MyActionView, MyInvitationView } from "../../../src/app/views/view-models";
import { HOSTILE_TEXT, myWorkView } from "../../fixtures/my-work-view.fixture";

/** Every Action.Execute in a card, wherever it sits (card actions, ActionSets, refresh). */
function executes(node: unknown, out: Array<{ title?: string; verb: string; data: Record<string, string> }> = []) {
  if (Array.isArray(node)) node.forEach((n) => executes(n, out));
  else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (o.type === "Action.Execute") out.push(o as never);
    Object.values(o).forEach((v) => executes(v, out));
  }
  return out;
}

const invitation = (i: number): MyInvitationView => ({ ...myWorkView().toAnswer[0]!, invitationId: `inv-${i}`, inviteeLabel: "Hana" });
const action = (i: number): MyActionView => ({ ...myWorkView().actions[0]!, actionId: `act-${i}`, description: "Write the report" });

describe("my meetings and actions: Adaptive Card", () => {
  it("offers the roster's own Accept and Decline on each meeting and Mark done on each action, all marked as pressed on the list", () => {
    const card = renderMyWorkCard(myWorkView());
    const buttons = executes(card.body).map((e) => [e.title, e.verb, e.data]);
    expect(buttons).toEqual([
      [ACCEPT_TITLE, ActionId.Accept, { invitationId: "inv-1", role: "health", ...FROM_MY_WORK }],
      [DECLINE_TITLE, ActionId.Decline, { invitationId: "inv-1", role: "health", ...FROM_MY_WORK }],
      [MARK_DONE_TITLE, ActionId.MarkActionDone, { actionId: "act-1", ...FROM_MY_WORK }],
    ]);
    expect(executes(card.actions).map((e) => [e.title, e.verb, e.data])).toEqual([["Refresh", ActionId.ShowMyWork, { list: MY_WORK_TARGET }]]);
  });

  it("shows the convened meeting's gaps and escapes every piece of user text", () => {
    const json = JSON.stringify(renderMyWorkCard(myWorkView()));
    expect(json).toContain("Gap: Police (required): nobody invited yet");
    expect(json).toContain("1 of 3 invitees answered");
    expect(json).not.toContain("](http");
    expect(json).not.toContain("<at>All</at>");
  });

  it("keeps the case and the action's words out of the preview: counts only", () => {
    const card = renderMyWorkCard(myWorkView({ more: { toAnswer: 3, convening: 0, actions: 0 } }));
    expect(card.fallbackText).toBe("My meetings and actions: 4 meetings to answer, 1 meeting you convene, 1 open action.");
    expect(card.fallbackText).not.toContain("CS-");
    expect(JSON.stringify(card)).toContain("And 3 more to answer, not shown here.");
  });

  it("says so when there is nothing, and puts a refused press's reason on top", () => {
    const json = JSON.stringify(renderMyWorkCard(myWorkView({ toAnswer: [], convening: [], actions: [] }), { notice: { title: "Convene could not do that", text: "Only Sam can answer." }, tone: "error" }));
    expect(json).toContain("Nothing is waiting for your answer.");
    expect(json).toContain("You have no open actions.");
    expect(json).toContain('"style":"attention"');
    expect(json).toContain("Only Sam can answer.");
  });

  it("in a channel shows no list, only the way to see it privately, refreshed for the asker alone", () => {
    const card = renderMyWorkElsewhereCard({ title: "Shown to you alone", text: "Press the button." }, ["29:asker"]);
    expect(card.refresh).toEqual({ action: expect.objectContaining({ verb: ActionId.ShowMyWork }), userIds: ["29:asker"] });
    expect(executes(card.actions).map((e) => e.title)).toEqual([SHOW_MY_WORK_TITLE]);
    expect(JSON.stringify(card)).not.toContain("CS-");
  });
});

describe("my meetings and actions: Slack App Home and message", () => {
  it("publishes a home view with the roster's Accept and Decline and Mark done, each carrying the list's marker", () => {
    const view = myWorkHomeView(myWorkView());
    expect(view.type).toBe("home");
    expect(view.callback_id).toBe(MY_WORK_HOME_CALLBACK_ID);
    expect(blockKitProblems("modal", view.blocks)).toEqual([]);
    const buttons = view.blocks.flatMap((b) => (b.type === "actions" ? (b.elements as Array<{ action_id: string; text: { text: string }; value: string }>) : []));
    expect(buttons.map((e) => [e.text.text, e.action_id])).toEqual([
      [SLACK_ACCEPT_TITLE, slackActionId(ActionId.Accept, "inv-1")],
      [DECLINE_TITLE, slackActionId(ActionId.Decline, "inv-1")],
      [MARK_DONE_TITLE, slackActionId(ActionId.MarkActionDone, "act-1")],
      ["Refresh", slackActionId(ActionId.ShowMyWork, MY_WORK_TARGET)],
    ]);
    // What the listener reads back from a press: the target, the row's role and the marker.
    const accept = buttons[0]!;
    const parsed = parseSlackActionId(accept.action_id)!;
    expect(slackActionData(parsed.action, parsed.target, accept.value)).toEqual({ invitationId: "inv-1", role: "health", ...FROM_MY_WORK });
  });

  it("escapes user text for mrkdwn", () => {
    const json = JSON.stringify(myWorkHomeView(myWorkView()).blocks);
    expect(json).not.toContain("<!channel>");
    expect(json).not.toContain("<@U0BOSS>");
    expect(json).toContain("&lt;!channel&gt;");
    expect(HOSTILE_TEXT).toContain("<!channel>");
  });

  it("stays within Slack's limits at the longest list: 100 blocks on the Home tab, 50 in a message pointing at the Home tab", () => {
    const full = myWorkView({
      toAnswer: Array.from({ length: 15 }, (_, i) => invitation(i)),
      convening: Array.from({ length: 15 }, (_, i) => ({ ...myWorkView().convening[0]!, meetingId: `m-${i}` })),
      actions: Array.from({ length: 15 }, (_, i) => action(i)),
      more: { toAnswer: 4, convening: 1, actions: 9 },
    });
    expect(blockKitProblems("modal", myWorkHomeView(full).blocks)).toEqual([]);
    const message = myWorkMessage(full);
    expect(blockKitProblems("message", message.blocks)).toEqual([]);
    expect(JSON.stringify(message.blocks.at(-1))).toContain("Home tab");
    expect(message.text).toBe(myWorkSummary(full));
    expect(message.text).not.toContain("Write the report");
  });
});
