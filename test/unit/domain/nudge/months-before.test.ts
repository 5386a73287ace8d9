import { createWorkingDayCalendar } from "../../../../src/domain/calendar/working-day-calendar";
import { evaluateNudge, firstNudgeAt, parseStageKey, stageKey } from "../../../../src/domain/nudge/nudge-plan";

// The review before 18 is planned months ahead: nudges 6, 3 and 1 months before it is due,
// each at 09:00 London on the last working day on or before that day of the month.
describe("months-ahead nudges", () => {
  const cal = createWorkingDayCalendar();
  // Birthday Sun 28 Mar 2027 (Easter): due Thu 25 Mar 2027. Clock opened in June 2026.
  const state = { dueDate: "2027-03-25", createdAt: new Date("2026-06-01T10:00:00Z"), monthsBefore: [1, 6, 3] };

  it("round-trips its stage keys", () => {
    expect(stageKey({ kind: "months-before", months: 6 })).toBe("months-before-6");
    expect(parseStageKey("months-before-3")).toEqual({ kind: "months-before", months: 3 });
  });

  it("sends 6, 3 and 1 months ahead, then the working-day stages", () => {
    let last: string | null = "created";
    const sent: [string, string][] = [];
    let at = new Date("2026-06-01T10:00:00Z");
    for (let i = 0; i < 6; i++) {
      const d = evaluateNudge({ ...state, lastStage: last }, at, cal);
      if (d.send) { sent.push([d.send.stage, at.toISOString()]); last = d.send.stage; }
      at = d.nextNudgeAt!;
      const next = evaluateNudge({ ...state, lastStage: last }, at, cal);
      sent.push([next.send!.stage, at.toISOString()]);
      last = next.send!.stage;
      at = next.nextNudgeAt!;
    }
    expect(sent.slice(0, 4)).toEqual([
      ["months-before-6", "2026-09-25T08:00:00.000Z"], // Fri 25 Sep 2026, 09:00 BST
      ["months-before-3", "2026-12-24T09:00:00.000Z"], // Thu 24 Dec 2026, 09:00 GMT
      ["months-before-1", "2027-02-25T09:00:00.000Z"],
      ["before-5", "2027-03-18T09:00:00.000Z"],
    ]);
  });

  it("has none without monthsBefore (every other clock)", () => {
    expect(firstNudgeAt({ dueDate: "2027-03-25", createdAt: new Date("2026-06-01T10:00:00Z") }, cal)).toEqual(new Date("2026-06-01T10:00:00Z"));
    const d = evaluateNudge({ dueDate: "2027-03-25", createdAt: new Date("2026-06-01T10:00:00Z"), lastStage: "created" }, new Date("2026-09-25T08:00:00Z"), cal);
    expect(d.send).toBeNull();
    expect(d.nextNudgeAt).toEqual(new Date("2027-03-18T09:00:00Z"));
  });
});
