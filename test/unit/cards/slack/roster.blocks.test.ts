import { rosterBlocks } from "../../../../src/cards/slack/roster.blocks";
import { blockKitProblems } from "../../../../src/cards/slack/block-kit-limits";
import { parseSlackActionId, slackActionData, slackActionId } from "../../../../src/cards/slack/slack-action-id";
import { ActionId } from "../../../../src/app/conversation/action-id";
import { HOSTILE, actionIds, rosterRow, rosterView } from "./slack-view-fixtures";

describe("rosterBlocks", () => {
  it("renders header, details, one row per invitee with Accept/Tentative/Decline/Delegate, and convenor actions", () => {
    const { blocks, text } = rosterBlocks(rosterView(3));
    expect(blockKitProblems("message", blocks)).toEqual([]);
    const json = JSON.stringify(blocks);
    expect(json).toContain("Strategy discussion · CS-2026-0142");
    expect(json).toContain("Accept: I can make decisions for my agency");
    const ids = actionIds(blocks);
    expect(ids).toEqual(
      expect.arrayContaining([slackActionId(ActionId.Accept, "inv-0"), slackActionId(ActionId.Delegate, "inv-2"), slackActionId(ActionId.MarkHeld, "m-1"), slackActionId(ActionId.ShowDeadlines, "CS-2026-0142")]),
    );
    // As on the Teams card, recording is offered only once the meeting is held.
    expect(ids).not.toContain(slackActionId(ActionId.OpenRecord, "m-1"));
    expect(new Set(ids).size).toBe(ids.length);
    expect(text).toContain("CS-2026-0142");
  });

  it("escapes every piece of user text", () => {
    const { blocks, text } = rosterBlocks(
      rosterView(1, { concern: HOSTILE, convenorLabel: HOSTILE, rows: [rosterRow(0, { inviteeLabel: HOSTILE, responseLabel: HOSTILE })], quorumOverrideReason: HOSTILE }),
    );
    const json = JSON.stringify({ blocks, text });
    expect(json).not.toContain("<!channel>");
    expect(json).not.toContain("<@U0BOSS>");
    expect(json).not.toContain("<http://evil");
    expect(json).toContain("&lt;!channel&gt;");
  });

  it("stays within limits with the largest roster and a 1,000-character concern", () => {
    const { blocks } = rosterBlocks(rosterView(12, { concern: "c".repeat(1000), missingRequiredRoles: ["police", "health"] }));
    expect(blockKitProblems("message", blocks)).toEqual([]);
  });

  it("drops row buttons rather than exceed 50 blocks on an oversized roster", () => {
    const { blocks } = rosterBlocks(rosterView(30));
    expect(blockKitProblems("message", blocks)).toEqual([]);
    expect(JSON.stringify(blocks)).toContain("Person 29");
  });

  it("offers no answers once held, and amending once recorded", () => {
    const held = actionIds(rosterBlocks(rosterView(3, { status: "held" })).blocks);
    expect(held).toEqual([slackActionId(ActionId.OpenRecord, "m-1"), slackActionId(ActionId.ShowDeadlines, "CS-2026-0142")]);
    expect(JSON.stringify(rosterBlocks(rosterView(3, { status: "recorded" })).blocks)).toContain("Amend decision record");
    expect(actionIds(rosterBlocks(rosterView(3, { status: "cancelled" })).blocks)).toEqual([]);
  });

  it("row action ids parse back to action and id", () => {
    expect(parseSlackActionId("invitation.accept:abc-01")).toEqual({ action: ActionId.Accept, target: "abc-01" });
    expect(parseSlackActionId("unknown:abc")).toBeNull();
    expect(parseSlackActionId("value")).toBeNull();
  });

  it("row buttons carry the row's role, read back with the target under the action's key", () => {
    const { blocks } = rosterBlocks(rosterView(1));
    const elements = blocks.flatMap((b) => ("elements" in b ? (b.elements as Array<{ action_id?: string; value?: string }>) : []));
    const rowButtons = elements.filter((e) => e.action_id?.endsWith(":inv-0") && e.value !== undefined);
    expect(rowButtons.map((e) => e.action_id)).toEqual([slackActionId(ActionId.Accept, "inv-0"), slackActionId(ActionId.Tentative, "inv-0"), slackActionId(ActionId.Decline, "inv-0")]);
    const value = rowButtons[0]!.value!;
    for (const e of rowButtons) expect(e.value).toBe(value);
    expect(JSON.parse(value)).toEqual({ role: "police" });
    expect(slackActionData(ActionId.Accept, "inv-0", value)).toEqual({ role: "police", invitationId: "inv-0" });
    // A plain value carries no extras, and the target always comes from the action id.
    expect(slackActionData(ActionId.MarkHeld, "m-1", "m-1")).toEqual({ meetingId: "m-1" });
    expect(slackActionData(ActionId.Decline, "inv-0", JSON.stringify({ invitationId: "forged" }))).toEqual({ invitationId: "inv-0" });
  });

  it("words a declined required role as a gap the convenor must act on", () => {
    const view = rosterView(2, {
      rows: [rosterRow(0, { role: "health", roleLabel: "Health", response: "declined", responseLabel: "Declined: on leave" }), rosterRow(1)],
      missingRequiredRoles: ["health", "social-worker"],
    });
    const json = JSON.stringify(rosterBlocks(view).blocks);
    expect(json).toContain("Health declined: invite someone else or record why the meeting goes ahead without them");
    expect(json).toContain("Social worker (required): nobody invited yet");
  });
});
