import { rosterBlocks } from "../../../../src/cards/slack/roster.blocks";
import { blockKitProblems } from "../../../../src/cards/slack/block-kit-limits";
import { SlackActionId, parseRowActionId, rowActionId } from "../../../../src/cards/slack/slack-action-ids";
import { HOSTILE, actionIds, rosterRow, rosterView } from "./slack-view-fixtures";

describe("rosterBlocks", () => {
  it("renders header, details, one row per invitee with Accept/Tentative/Decline/Delegate, and convenor actions", () => {
    const { blocks, text } = rosterBlocks(rosterView(3));
    expect(blockKitProblems("message", blocks)).toEqual([]);
    const json = JSON.stringify(blocks);
    expect(json).toContain("Strategy discussion · CS-2026-0142");
    expect(json).toContain("Accept — I can make decisions for my agency");
    const ids = actionIds(blocks);
    expect(ids).toEqual(expect.arrayContaining([rowActionId(SlackActionId.Accept, "inv-0"), rowActionId(SlackActionId.Delegate, "inv-2"), rowActionId(SlackActionId.MarkHeld, "m-1"), rowActionId(SlackActionId.RecordDecision, "m-1")]));
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
    expect(held).toEqual([rowActionId(SlackActionId.RecordDecision, "m-1")]);
    expect(JSON.stringify(rosterBlocks(rosterView(3, { status: "recorded" })).blocks)).toContain("Amend decision record");
    expect(actionIds(rosterBlocks(rosterView(3, { status: "cancelled" })).blocks)).toEqual([]);
  });

  it("row action ids parse back to action and id", () => {
    expect(parseRowActionId("invite_accept:abc-01")).toEqual({ action: SlackActionId.Accept, id: "abc-01" });
    expect(parseRowActionId("unknown:abc")).toBeNull();
    expect(parseRowActionId("value")).toBeNull();
  });
});
