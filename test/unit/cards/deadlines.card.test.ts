import type { DeadlineLineView, DeadlinesView } from "../../../src/app/views/view-models";
import type { CardElement } from "../../../src/cards/adaptive-card";
import { ActionId } from "../../../src/app/conversation/action-id";
import { WAIVE_REASON_MAX_LENGTH } from "../../../src/app/conversation/forms/reason.forms";
import { helpView } from "../../../src/app/conversation/help";
import { renderDeadlinesCard, waiveReasonInputId } from "../../../src/cards/deadlines.card";
import { renderHelpCard } from "../../../src/cards/help.card";

const line = (over: Partial<DeadlineLineView>): DeadlineLineView => ({
  id: "d1",
  kind: "deadline",
  title: "Decision on a referral",
  dueDate: "2026-11-23",
  dueDateLabel: "Mon 23 Nov 2026",
  workingDaysRemaining: 0,
  status: "open",
  ownerLabel: null,
  ...over,
});

const view: DeadlinesView = {
  caseReference: "CS-2026-0142",
  lines: [
    line({}),
    line({ id: "a1", kind: "action", title: "Arrange the medical", ownerLabel: "Sam Okafor" }),
    line({ id: "d2", title: "Assessment concluded", dueDate: "2027-01-26", dueDateLabel: "Tue 26 Jan 2027", workingDaysRemaining: 44 }),
  ],
};

/** Every element of a given type, anywhere in the card (show cards included). */
function all(value: unknown, type: string): CardElement[] {
  const out: CardElement[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as CardElement;
      if (o.type === type) out.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(value);
  return out;
}

describe("deadlines card: waiving", () => {
  it("offers a Waive… form on each statutory deadline; an agreed action gets Mark done and Cancel action… instead", () => {
    const card = renderDeadlinesCard(view);
    const shows = all(card, "Action.ShowCard");
    expect(shows.map((s) => s.title)).toEqual(["Waive…", "Cancel action…", "Waive…"]);
    const executes = all(card, "Action.Execute");
    expect(executes.map((e) => [e.verb, e.data])).toEqual([
      [ActionId.WaiveDeadline, { deadlineId: "d1" }],
      [ActionId.MarkActionDone, { actionId: "a1" }],
      [ActionId.CancelAction, { actionId: "a1" }],
      [ActionId.WaiveDeadline, { deadlineId: "d2" }],
    ]);
    // The action's container has no waiver.
    const actionBox = (card.body as CardElement[]).find((c) => JSON.stringify(c).includes("Arrange the medical"))!;
    expect(JSON.stringify(actionBox)).not.toContain(ActionId.WaiveDeadline);
  });

  it("asks for a required reason of at most 500 characters, with an input id unique to the deadline", () => {
    const inputs = all(renderDeadlinesCard(view), "Input.Text").filter((i) => String(i.id) !== "reason_a1");
    expect(inputs.map((i) => i.id)).toEqual([waiveReasonInputId("d1"), waiveReasonInputId("d2")]);
    expect(waiveReasonInputId("d1")).toBe("reason_d1");
    for (const i of inputs) {
      expect(i.isRequired).toBe(true);
      expect(i.maxLength).toBe(WAIVE_REASON_MAX_LENGTH);
      expect(WAIVE_REASON_MAX_LENGTH).toBe(500);
      expect(i.label).toBeTruthy();
      expect(i.errorMessage).toBeTruthy();
    }
    expect(JSON.stringify(renderDeadlinesCard(view))).toContain("Only a team manager");
  });

  it("shows a waiver notice above the list, escaped", () => {
    const card = renderDeadlinesCard(view, { notice: { title: "Deadline waived for CS-2026-0142", text: "Waived by Tom: see [here](http://evil.example)" } });
    const text = JSON.stringify(card);
    expect(text.indexOf("Deadline waived for CS-2026-0142")).toBeLessThan(text.indexOf("Deadlines · CS-2026-0142"));
    expect(text).not.toContain("](http");
    expect(card.fallbackText).toContain("Deadline waived");
  });

  it("has no forms when nothing is open", () => {
    const card = renderDeadlinesCard({ caseReference: "CS-1", lines: [] });
    expect(all(card, "Action.ShowCard")).toEqual([]);
    expect(JSON.stringify(card)).toContain("Nothing is due");
  });
});

describe("help card: case events", () => {
  it("lists referral, transfer-in and dob, and says who may waive", () => {
    const text = JSON.stringify(renderHelpCard(helpView("")));
    for (const c of ["referral CS-2026-0142 2026-11-20", "transfer-in CS-2026-0142 2026-11-20", "dob CS-2026-0142", "date-of-birth", "team manager can waive"]) expect(text).toContain(c);
  });
});
