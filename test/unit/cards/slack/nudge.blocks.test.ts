import { nudgeBlocks } from "../../../../src/cards/slack/nudge.blocks";
import { noticeBlocks } from "../../../../src/cards/slack/notice.blocks";
import { deadlinesBlocks } from "../../../../src/cards/slack/deadlines.blocks";
import { helpBlocks } from "../../../../src/cards/slack/help.blocks";
import { blockKitProblems } from "../../../../src/cards/slack/block-kit-limits";
import { slackActionId } from "../../../../src/cards/slack/slack-action-id";
import { ActionId } from "../../../../src/app/conversation/action-id";
import { helpView } from "../../../../src/app/conversation/help";
import { HOSTILE, actionIds, nudgeView } from "./slack-view-fixtures";

describe("nudgeBlocks", () => {
  it("says what is due, by when, how many working days are left, mentions the owner and offers a way to act", () => {
    const { blocks, text } = nudgeBlocks(nudgeView());
    expect(blockKitProblems("message", blocks)).toEqual([]);
    const json = JSON.stringify(blocks);
    expect(json).toContain("CS-2026-0142");
    expect(json).toContain("Mon 14 Dec 2026");
    expect(json).toContain("2 working days left");
    expect(json).toContain("<@U0SW>");
    expect(json).toContain("/convene deadlines CS-2026-0142");
    expect(actionIds(blocks)).toEqual([slackActionId(ActionId.ShowDeadlines, "CS-2026-0142")]);
    expect(text).toContain("<@U0SW>");
  });

  it("words overdue, due-today, late and escalated nudges", () => {
    expect(JSON.stringify(nudgeBlocks(nudgeView({ workingDaysRemaining: -3, overdue: true, escalated: true })).blocks)).toMatch(/overdue by 3 working days[\s\S]*Escalated to/);
    expect(JSON.stringify(nudgeBlocks(nudgeView({ workingDaysRemaining: 0 })).blocks)).toContain("due today");
    expect(JSON.stringify(nudgeBlocks(nudgeView({ late: true })).blocks)).toContain("sent late");
  });

  it("escapes titles and references, and refuses forged mention ids", () => {
    const json = JSON.stringify(nudgeBlocks(nudgeView({ title: HOSTILE, caseReference: HOSTILE, mentions: [{ platformUserId: "<!channel>", displayName: "x" }] })));
    // Button values and action ids (which now carry the case reference as the action's target)
    // are data returned to Convene, never rendered; only displayed text must be escaped.
    expect(json.replace(/"(?:value|action_id)":"(?:[^"\\]|\\.)*"/g, "")).not.toMatch(/<!channel>|<@U0BOSS>|<http:/);
  });
});

describe("notice, deadlines and help", () => {
  it("renders a notice escaped", () => {
    const { blocks } = noticeBlocks({ title: "Linked", text: HOSTILE });
    expect(blockKitProblems("message", blocks)).toEqual([]);
    expect(JSON.stringify(blocks)).not.toContain("<!channel>");
  });

  it("lists deadlines within limits, however many there are", () => {
    const line = (i: number) => ({ id: `d${i}`, kind: "deadline" as const, title: `Deadline ${i} ${"t".repeat(200)}`, dueDate: "2026-12-14", dueDateLabel: "Mon 14 Dec 2026", workingDaysRemaining: i - 5, status: "open", ownerLabel: HOSTILE });
    const many = deadlinesBlocks({ caseReference: "CS-2026-0142", lines: Array.from({ length: 2000 }, (_, i) => line(i)) });
    expect(blockKitProblems("message", many.blocks)).toEqual([]);
    expect(JSON.stringify(many.blocks)).not.toContain("<!channel>");
    const none = deadlinesBlocks({ caseReference: "CS-2026-0142", lines: [] });
    expect(JSON.stringify(none.blocks)).toContain("Nothing is open");
  });

  it("help names every command", () => {
    const json = JSON.stringify(helpBlocks(helpView("/convene ")).blocks);
    for (const verb of ["link", "strategy", "core-group", "icpc", "review", "deadlines", "help"]) expect(json).toContain(verb);
  });

  it("help names the word it did not understand, escaped", () => {
    const { blocks, text } = helpBlocks(helpView("/convene ", HOSTILE));
    expect(blockKitProblems("message", blocks)).toEqual([]);
    expect(text).toContain("did not understand");
    expect(JSON.stringify(blocks)).toContain("did not understand");
    expect(JSON.stringify(blocks)).not.toMatch(/<!channel>|<@U0BOSS>|<http:/);
  });
});
