import { decisionRecordModal, decisionRecordSummaryBlocks, splitMrkdwn } from "../../../../src/cards/slack/decision-record.blocks";
import { blockKitProblems, modalProblems } from "../../../../src/cards/slack/block-kit-limits";
import { ActionId } from "../../../../src/app/conversation/action-id";
import { slackActionId } from "../../../../src/cards/slack/slack-action-id";
import { HOSTILE, recordView, summaryView } from "./slack-view-fixtures";

describe("decision record in Slack", () => {
  it("posts a summary with a View full record button and nothing else of the record", () => {
    const { blocks, text } = decisionRecordSummaryBlocks(summaryView());
    expect(blockKitProblems("message", blocks)).toEqual([]);
    const json = JSON.stringify(blocks);
    expect(json).toContain("Decision record · CS-2026-0142");
    expect(json).toContain("held Tuesday 24 November 2026");
    expect(json).toContain("*Section 47 enquiries*: Yes");
    expect(json).toContain(slackActionId(ActionId.ViewFullRecord, "m-1"));
    expect(json).toContain("View full record");
    expect(text).toContain("CS-2026-0142");
  });

  it("opens the full record as a modal with the marking, header and every section", () => {
    const view = decisionRecordModal({ ...recordView(2, 2), amendmentReason: "Corrected the date" });
    expect(modalProblems(view)).toEqual([]);
    const json = JSON.stringify(view.blocks);
    expect(json).toContain("OFFICIAL-SENSITIVE");
    expect(json).toContain("*Chair*: Sam Okafor");
    expect(json).toContain("*Field 1.1*");
    expect(json).toContain("*Who* Police");
  });

  it("splits long answers over several sections rather than cutting them", () => {
    const view = decisionRecordModal(recordView(2, 6, 2500));
    expect(modalProblems(view)).toEqual([]);
    const all = view.blocks.map((b) => String((b as { text?: { text?: string } }).text?.text ?? "")).join("");
    expect(all.split("x").length - 1).toBe(2 * 6 * 2500);
    expect(splitMrkdwn("a &amp; b ".repeat(1000), 3000).every((p) => p.length <= 3000 && !/&am?$|&amp?$/.test(p))).toBe(true);
  });

  it("never exceeds 100 blocks, and says so when it had to stop", () => {
    const view = decisionRecordModal(recordView(60, 3, 100));
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(modalProblems(view)).toEqual([]);
    expect(JSON.stringify(view.blocks.at(-1))).toContain("beyond what Slack can show");
  });

  it("escapes labels and values", () => {
    const view = recordView(1, 1);
    view.sections[0]!.blocks[0] = { kind: "fields", fields: [{ label: HOSTILE, value: HOSTILE }] };
    view.header[0] = { label: HOSTILE, value: HOSTILE };
    expect(JSON.stringify(decisionRecordModal(view))).not.toMatch(/<!channel>|<@U0BOSS>|<http:/);
    expect(JSON.stringify(decisionRecordSummaryBlocks(summaryView({ attendance: [{ agency: HOSTILE, names: [HOSTILE] }] })))).not.toMatch(/<!channel>|<@U0BOSS>|<http:/);
  });
});
