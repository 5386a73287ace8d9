import { renderNudgeCard } from "../../../src/cards/nudge.card";
import type { NudgeView } from "../../../src/app/views/view-models";
import { ActionId } from "../../../src/app/conversation/action-id";

const nudge: NudgeView = {
  deadlineId: "d1",
  caseReference: "CS-2026-0142",
  title: "Initial child protection conference",
  ruleSummary: "within 15 working days of the strategy discussion",
  dueDate: "2026-12-15",
  dueDateLabel: "Tue 15 Dec 2026",
  workingDaysRemaining: 0,
  stage: "due",
  late: false,
  overdue: false,
  escalated: true,
  mentions: [
    { platformUserId: "aad-sw", displayName: "Sam Okafor" },
    { platformUserId: "aad-tm", displayName: "Tom <Reid>" },
  ],
  actionCommand: "deadlines CS-2026-0142",
};

describe("renderNudgeCard", () => {
  it("says what is due, when, and for whom, with matching mention entities", () => {
    const card = renderNudgeCard(nudge);
    const text = JSON.stringify(card.body);
    expect(text).toContain("Due Tue 15 Dec 2026 (Due today)");
    expect(text).toContain("<at>Sam Okafor</at>");
    expect(text).toContain("<at>Tom ＜Reid＞</at>");
    expect(text).toContain("Escalated to the team manager");
    const entities = (card.msteams as { entities: Array<{ text: string; mentioned: { id: string } }> }).entities;
    expect(entities.map((e) => e.mentioned.id)).toEqual(["aad-sw", "aad-tm"]);
    for (const e of entities) expect(text).toContain(e.text);
  });

  it("offers the deadlines action and the typed command", () => {
    const card = renderNudgeCard({ ...nudge, mentions: [], overdue: true, workingDaysRemaining: -2, late: true });
    expect(JSON.stringify(card.actions)).toContain(ActionId.ShowDeadlines);
    expect(JSON.stringify(card.body)).toContain("`deadlines CS-2026-0142`");
    expect(JSON.stringify(card.body)).toContain("Overdue");
    expect(JSON.stringify(card.body)).toContain("late");
    expect(card.msteams).toEqual({ width: "Full" });
  });
});
