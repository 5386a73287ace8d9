import { decisionRecordBlocks } from "../../../../src/cards/slack/decision-record.blocks";
import { blockKitProblems } from "../../../../src/cards/slack/block-kit-limits";
import { HOSTILE, recordView } from "./slack-view-fixtures";

describe("decisionRecordBlocks", () => {
  it("renders header, provenance and every section", () => {
    const { blocks, text } = decisionRecordBlocks({ ...recordView(2, 2), amendmentReason: "Corrected the date" });
    expect(blockKitProblems("message", blocks)).toEqual([]);
    const json = JSON.stringify(blocks);
    expect(json).toContain("Decision record · CS-2026-0142");
    expect(json).toContain("version 1");
    expect(json).toContain("Corrected the date");
    expect(json).toContain("*Field 1.1*");
    expect(text).toContain("CS-2026-0142");
  });

  it("packs long fields into sections of at most 3,000 characters", () => {
    const { blocks } = decisionRecordBlocks(recordView(2, 6, 2500));
    expect(blockKitProblems("message", blocks)).toEqual([]);
  });

  it("never exceeds 50 blocks, and says so when it had to cut", () => {
    const { blocks } = decisionRecordBlocks(recordView(40, 3, 1500));
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blockKitProblems("message", blocks)).toEqual([]);
    expect(JSON.stringify(blocks.at(-1))).toContain("too long to show in full");
  });

  it("escapes labels and values", () => {
    const view = recordView(1, 1);
    view.sections[0]!.fields[0] = { label: HOSTILE, value: HOSTILE };
    view.authorLabel = HOSTILE;
    const json = JSON.stringify(decisionRecordBlocks(view));
    expect(json).not.toMatch(/<!channel>|<@U0BOSS>|<http:/);
  });
});
