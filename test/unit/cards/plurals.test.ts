import type { DeadlineLineView, DeadlinesView } from "../../../src/app/views/view-models";
import { renderDeadlinesCard } from "../../../src/cards/deadlines.card";
import { renderNudgeCard } from "../../../src/cards/nudge.card";
import { deadlinesBlocks } from "../../../src/cards/slack/deadlines.blocks";
import { nudgeBlocks } from "../../../src/cards/slack/nudge.blocks";
import { nudgeView } from "./slack/slack-view-fixtures";

// "1 working days left" was on every surface: each card and block set counts through one helper.
const line = (workingDaysRemaining: number): DeadlineLineView => ({
  id: `d${workingDaysRemaining}`,
  kind: "deadline",
  title: "Initial child protection conference",
  dueDate: "2026-12-14",
  dueDateLabel: "Mon 14 Dec 2026",
  workingDaysRemaining,
  status: "open",
  ownerLabel: null,
});

const deadlines = (n: number, taken: number): DeadlinesView => ({
  caseReference: "CS-2026-0142",
  lines: [line(n)],
  closed: [{ id: "c1", title: "Decision on a referral", dueDateLabel: "Mon 7 Dec 2026", status: "met", how: "decision recorded", closedOnLabel: "Mon 7 Dec 2026", workingDaysTaken: taken }],
});

const text = (x: unknown) => JSON.stringify(x);

describe("working days are counted in English on every card and block", () => {
  it.each([
    [1, "1 working day left", "1 working day overdue", "1 working day"],
    [2, "2 working days left", "2 working days overdue", "2 working days"],
  ])("%i", (n, left, overdue, taken) => {
    for (const rendered of [text(renderDeadlinesCard(deadlines(n, n))), text(deadlinesBlocks(deadlines(n, n)))]) {
      expect(rendered).toContain(left);
      expect(rendered).toContain(`· ${taken}`);
    }
    expect(text(renderDeadlinesCard(deadlines(-n, n)))).toContain(overdue);
    expect(text(deadlinesBlocks(deadlines(-n, n)))).toContain(`overdue by ${taken}`);
    expect(text(renderNudgeCard(nudgeView({ workingDaysRemaining: n })))).toContain(left);
    expect(text(nudgeBlocks(nudgeView({ workingDaysRemaining: n })))).toContain(left);
    expect(text(nudgeBlocks(nudgeView({ workingDaysRemaining: -n, overdue: true })))).toContain(`overdue by ${taken}`);
  });

  it("0: due today, or taken the same day", () => {
    expect(text(renderNudgeCard(nudgeView({ workingDaysRemaining: 0 })))).toContain("Due today");
    expect(text(renderDeadlinesCard(deadlines(0, 0)))).toContain("0 working days left");
    expect(text(deadlinesBlocks(deadlines(0, 0)))).toContain("· 0 working days");
  });

  it("never says 1 working days anywhere", () => {
    for (const n of [1, -1]) {
      for (const rendered of [text(renderDeadlinesCard(deadlines(n, 1))), text(deadlinesBlocks(deadlines(n, 1))), text(renderNudgeCard(nudgeView({ workingDaysRemaining: n, overdue: n < 0 }))), text(nudgeBlocks(nudgeView({ workingDaysRemaining: n, overdue: n < 0 })))]) {
        expect(rendered).not.toMatch(/\b1 working days\b/);
      }
    }
  });
});
