import type { DeadlineLineView } from "../../../../src/app/views/view-models";
import { blockKitProblems, modalProblems } from "../../../../src/cards/slack/block-kit-limits";
import { deadlineBlockId, deadlinesBlocks } from "../../../../src/cards/slack/deadlines.blocks";
import { helpBlocks } from "../../../../src/cards/slack/help.blocks";
import { parseSlackActionId, slackActionId } from "../../../../src/cards/slack/slack-action-id";
import { formModal } from "../../../../src/cards/slack/form.blocks";
import { ActionId } from "../../../../src/app/conversation/action-id";
import { REASON_FIELD, WAIVE_REASON_MAX_LENGTH, waiveForm } from "../../../../src/app/conversation/forms/reason.forms";
import { helpView } from "../../../../src/app/conversation/help";
import { HOSTILE, actionIds } from "./slack-view-fixtures";

const line = (i: number, over: Partial<DeadlineLineView> = {}): DeadlineLineView => ({
  id: `d${i}`,
  kind: "deadline",
  title: `Deadline ${i}`,
  dueDate: "2026-12-14",
  dueDateLabel: "Mon 14 Dec 2026",
  workingDaysRemaining: 3,
  status: "open",
  ownerLabel: null,
  ...over,
});

describe("deadlinesBlocks: Waive buttons", () => {
  it("gives each statutory deadline its own section with a Waive button carrying its id, and each action Mark done and Cancel action", () => {
    const { blocks } = deadlinesBlocks({
      caseReference: "CS-2026-0142",
      lines: [line(1), line(2, { kind: "action", title: "Arrange the medical", ownerLabel: "Sam" }), line(3, { kind: "action", title: "Send the report" }), line(4)],
    });
    expect(blockKitProblems("message", blocks)).toEqual([]);
    expect(actionIds(blocks)).toEqual([
      slackActionId(ActionId.WaiveDeadline, "d1"),
      slackActionId(ActionId.MarkActionDone, "d2"),
      slackActionId(ActionId.CancelAction, "d2"),
      slackActionId(ActionId.MarkActionDone, "d3"),
      slackActionId(ActionId.CancelAction, "d3"),
      slackActionId(ActionId.WaiveDeadline, "d4"),
    ]);
    const d1 = blocks.find((b) => b.block_id === deadlineBlockId("d1")) as { accessory: { value: string; text: { text: string } } };
    expect(d1.accessory.value).toBe("d1");
    expect(d1.accessory.text.text).toBe("Waive");
    expect(parseSlackActionId(slackActionId(ActionId.WaiveDeadline, "d1"))).toEqual({ action: ActionId.WaiveDeadline, target: "d1" });
    // Each action has its own section (for its buttons), in order, between the deadlines.
    const texts = blocks.map((b) => JSON.stringify(b));
    expect(texts.findIndex((t) => t.includes("Arrange the medical"))).toBeLessThan(texts.findIndex((t) => t.includes("Send the report")));
    expect(texts.findIndex((t) => t.includes("Deadline 1"))).toBeLessThan(texts.findIndex((t) => t.includes("Arrange the medical")));
    expect(texts.findIndex((t) => t.includes("Arrange the medical"))).toBeLessThan(texts.findIndex((t) => t.includes("Deadline 4")));
  });

  it("stays within limits with many deadlines, action ids unique, user text escaped", () => {
    const many = deadlinesBlocks({ caseReference: HOSTILE, lines: Array.from({ length: 300 }, (_, i) => line(i, { title: `${HOSTILE} ${"t".repeat(300)}`, ownerLabel: HOSTILE })) });
    expect(blockKitProblems("message", many.blocks)).toEqual([]);
    expect(many.blocks).toHaveLength(50);
    expect(JSON.stringify(many.blocks.at(-1))).toContain("export the case");
    const ids = actionIds(many.blocks);
    expect(new Set(ids).size).toBe(ids.length);
    expect(JSON.stringify(many.blocks).replace(/"value":"(?:[^"\\]|\\.)*"/g, "")).not.toMatch(/<!channel>|<@U0BOSS>|<http:/);
  });
});

describe("formModal with the waive form", () => {
  const waiveModal = (title: string, caseReference: string) => formModal({ descriptor: waiveForm("d1", title, caseReference), values: {}, errors: {} }, "C0CASE");

  it("fits the modal limits, asks for a reason of at most 500 characters and carries the deadline in its metadata", () => {
    const view = waiveModal("Decision on a referral", "CS-2026-0142");
    expect(modalProblems(view)).toEqual([]);
    expect(view.callback_id).toBe(ActionId.WaiveDeadline);
    expect(JSON.parse(view.private_metadata!)).toEqual({ deadlineId: "d1", channelId: "C0CASE" });
    const input = view.blocks.find((b) => b.type === "input") as { block_id: string; element: { action_id: string; max_length: number } };
    expect(input.block_id).toBe(REASON_FIELD);
    expect(input.element.action_id).toBe(REASON_FIELD);
    expect(input.element.max_length).toBe(WAIVE_REASON_MAX_LENGTH);
    expect(JSON.stringify(view.blocks)).toContain("Only a team manager");
  });

  it("escapes the title and case reference it shows", () => {
    const view = waiveModal(HOSTILE, HOSTILE);
    expect(modalProblems(view)).toEqual([]);
    expect(JSON.stringify(view.blocks)).not.toMatch(/<!channel>|<@U0BOSS>|<http:/);
  });
});

describe("helpBlocks: case events", () => {
  it("names referral, transfer-in and dob, and who can waive", () => {
    const json = JSON.stringify(helpBlocks(helpView("/convene ")).blocks);
    for (const c of ["/convene referral CS-2026-0142 2026-11-20", "/convene transfer-in CS-2026-0142 2026-11-20", "/convene dob CS-2026-0142", "team manager can waive"]) expect(json).toContain(c);
  });
});
