import { codeOf } from "../../../helpers/domain-error-code";
import { createWorkingDayCalendar } from "../../../../src/domain/calendar/working-day-calendar";
import {
  compareStages,
  DEFAULT_NUDGE_PLAN_CONFIG,
  evaluateNudge,
  firstNudgeAt,
  type NudgePlanConfigInput,
  type NudgeState,
  parseNudgePlanConfig,
  parseStageKey,
  stageKey,
} from "../../../../src/domain/nudge/nudge-plan";

const cal = createWorkingDayCalendar();
const at = (iso: string) => new Date(iso);


/** Runs a perfect scheduler: looks exactly at each nextNudgeAt and records what it sends. */
function simulate(start: Omit<NudgeState, "lastStage">, passes: number, cfg?: NudgePlanConfigInput) {
  let state: NudgeState = { ...start, lastStage: null };
  let now = firstNudgeAt(state, cal, cfg);
  const sent: Array<Record<string, unknown>> = [];
  for (let i = 0; i < passes && now; i++) {
    const decision = evaluateNudge(state, now, cal, cfg);
    if (!decision.send) throw new Error(`nothing sent at ${now.toISOString()}`);
    const { stage, late, collapsed, escalateToManager, workingDaysRemaining, overdueWorkingDays } = decision.send;
    sent.push({ stage, at: now.toISOString(), late, collapsed, escalateToManager, workingDaysRemaining, overdueWorkingDays });
    state = { ...state, lastStage: stage };
    now = decision.nextNudgeAt;
  }
  return sent;
}

const row = (stage: string, iso: string, remaining: number, escalate = false) => ({
  stage,
  at: iso,
  late: false,
  collapsed: [],
  escalateToManager: escalate,
  workingDaysRemaining: remaining,
  overdueWorkingDays: Math.max(0, -remaining),
});

describe("default schedule", () => {
  it("runs from creation to escalation over Christmas and New Year 2026", () => {
    // Due Thu 31 Dec 2026 (GMT, so London 09:00 = 09:00Z). Bank holidays inside the plan:
    // Fri 25 Dec, Mon 28 Dec (Boxing Day substitute), Fri 1 Jan 2027.
    const plan = simulate({ dueDate: "2026-12-31", createdAt: at("2026-12-15T10:00:00Z") }, 8);
    expect(plan).toEqual([
      row("created", "2026-12-15T10:00:00.000Z", 10), // 16-18 (3), 21-24 (7), 29-31 (10)
      row("before-5", "2026-12-22T09:00:00.000Z", 5), // 30, 29, 24, 23, 22 back from the 31st
      row("before-2", "2026-12-29T09:00:00.000Z", 2),
      row("before-1", "2026-12-30T09:00:00.000Z", 1),
      row("due-day", "2026-12-31T09:00:00.000Z", 0),
      row("overdue-1", "2027-01-04T09:00:00.000Z", -1), // Fri 1 Jan holiday, then the weekend
      row("overdue-2", "2027-01-05T09:00:00.000Z", -2, true), // 1 working day overdue has passed
      row("overdue-3", "2027-01-06T09:00:00.000Z", -3, true),
    ]);
  });

  it("uses London time across the October clock change", () => {
    // Due Mon 28 Oct 2024; clocks go back Sun 27 Oct.
    const plan = simulate({ dueDate: "2024-10-28", createdAt: at("2024-10-24T12:00:00Z") }, 4);
    expect(plan.map((s) => [s.stage, s.at])).toEqual([
      ["created", "2024-10-24T12:00:00.000Z"],
      ["before-1", "2024-10-25T08:00:00.000Z"], // 09:00 BST; before-5 and before-2 were already past
      ["due-day", "2024-10-28T09:00:00.000Z"], // 09:00 GMT
      ["overdue-1", "2024-10-29T09:00:00.000Z"],
    ]);
  });

  it("nudges on the last working day before a due date that is not a working day", () => {
    // An action agreed for Sat 15 Jun 2024: its morning nudges cannot wait until Monday.
    const plan = simulate({ dueDate: "2024-06-15", createdAt: at("2024-06-03T10:00:00Z") }, 6);
    expect(plan.map((s) => [s.stage, s.at, s.workingDaysRemaining])).toEqual([
      ["created", "2024-06-03T10:00:00.000Z", 9], // 4-7 Jun (4), 10-14 Jun (9)
      ["before-5", "2024-06-07T08:00:00.000Z", 5], // 5 working days before Fri 14
      ["before-2", "2024-06-12T08:00:00.000Z", 2],
      ["before-1", "2024-06-13T08:00:00.000Z", 1],
      ["due-day", "2024-06-14T08:00:00.000Z", 0],
      ["overdue-1", "2024-06-17T08:00:00.000Z", -1],
    ]);
  });

  it("starts with created (and what is still ahead) for a deadline recorded late", () => {
    // Due Mon 17 Jun 2024, recorded Wed 19 Jun 11:00 BST: overdue-1 and -2 are subsumed.
    const plan = simulate({ dueDate: "2024-06-17", createdAt: at("2024-06-19T10:00:00Z") }, 2);
    expect(plan).toEqual([
      { ...row("created", "2024-06-19T10:00:00.000Z", -2) },
      row("overdue-3", "2024-06-20T08:00:00.000Z", -3, true),
    ]);
  });
});

describe("working hours", () => {
  const due = "2024-06-17"; // Mon; before-5 is Mon 10 Jun, before-2 Thu 13 Jun
  it.each([
    ["2024-06-07T16:30:00Z", "2024-06-10T08:00:00.000Z", "Fri 17:30 BST -> Mon 09:00"],
    ["2024-06-08T12:00:00Z", "2024-06-10T08:00:00.000Z", "Saturday -> Monday 09:00"],
    ["2024-06-10T07:59:00Z", "2024-06-10T08:00:00.000Z", "08:59 BST -> 09:00 the same day"],
    ["2024-06-10T15:59:00Z", "2024-06-10T15:59:00.000Z", "16:59 BST is inside hours"],
    ["2024-06-10T16:00:00Z", "2024-06-11T08:00:00.000Z", "17:00 BST is closed (hours are [09:00, 17:00))"],
  ])("created %s: first nudge %s (%s)", (createdAt, expected) => {
    expect(firstNudgeAt({ dueDate: due, createdAt: at(createdAt) }, cal)?.toISOString()).toBe(expected);
  });

  it("skips a bank holiday when shifting", () => {
    // Fri 24 May 2024 19:00 BST; Mon 27 May is the spring bank holiday.
    expect(firstNudgeAt({ dueDate: "2024-06-28", createdAt: at("2024-05-24T18:00:00Z") }, cal)?.toISOString()).toBe(
      "2024-05-28T08:00:00.000Z",
    );
  });

  it("folds a before stage that coincides with the shifted created nudge", () => {
    const state: NudgeState = { dueDate: due, createdAt: at("2024-06-07T16:30:00Z"), lastStage: null };
    const d = evaluateNudge(state, at("2024-06-10T08:00:00Z"), cal);
    expect(d.send).toMatchObject({ stage: "created", collapsed: [], late: false, workingDaysRemaining: 5 });
    expect(d.nextNudgeAt?.toISOString()).toBe("2024-06-13T08:00:00.000Z"); // before-2, Thu
  });

  it("sends nothing outside working hours and says when to come back", () => {
    const state: NudgeState = { dueDate: due, createdAt: at("2024-06-03T10:00:00Z"), lastStage: "created" };
    const evening = evaluateNudge(state, at("2024-06-10T17:30:00Z"), cal); // before-5 missed, now 18:30 BST
    expect(evening).toEqual({ send: null, nextNudgeAt: at("2024-06-11T08:00:00Z") });
    const morning = evaluateNudge(state, at("2024-06-11T08:00:00Z"), cal);
    expect(morning.send).toMatchObject({ stage: "before-5", late: true, collapsed: [] });
  });

  it("honours configured hours", () => {
    const cfg = { workingHours: { start: "08:30", end: "16:00" } };
    expect(firstNudgeAt({ dueDate: due, createdAt: at("2024-06-07T15:30:00Z") }, cal, cfg)?.toISOString()).toBe(
      "2024-06-10T07:30:00.000Z",
    );
  });
});

describe("catch-up", () => {
  const base = { dueDate: "2024-06-17", createdAt: at("2024-06-03T10:00:00Z") };

  it("marks a single stage late only beyond the 15-minute grace", () => {
    const s: NudgeState = { ...base, lastStage: "created" };
    expect(evaluateNudge(s, at("2024-06-10T08:10:00Z"), cal).send?.late).toBe(false);
    expect(evaluateNudge(s, at("2024-06-10T08:15:00Z"), cal).send?.late).toBe(false);
    expect(evaluateNudge(s, at("2024-06-10T08:15:01Z"), cal).send?.late).toBe(true);
    const twoHours = evaluateNudge(s, at("2024-06-10T10:00:00Z"), cal);
    expect(twoHours.send).toMatchObject({ stage: "before-5", late: true, collapsed: [] });
    expect(twoHours.nextNudgeAt?.toISOString()).toBe("2024-06-13T08:00:00.000Z");
  });

  it("collapses after 2 hours of downtime across closing time", () => {
    // Due Mon 24 Jun: before-5 is Mon 17 Jun. Created Fri 14 Jun 16:30 BST; the scheduler
    // is down 16:00-18:00 BST, so "created" is first looked at after closing.
    const s: NudgeState = { dueDate: "2024-06-24", createdAt: at("2024-06-14T15:30:00Z"), lastStage: null };
    const evening = evaluateNudge(s, at("2024-06-14T17:00:00Z"), cal);
    expect(evening).toEqual({ send: null, nextNudgeAt: at("2024-06-17T08:00:00Z") });
    const monday = evaluateNudge(s, at("2024-06-17T08:00:00Z"), cal);
    expect(monday.send).toEqual({
      plannedAt: at("2024-06-17T08:00:00Z"),
      stage: "before-5",
      late: false, // before-5 itself is on time
      collapsed: ["created"],
      escalateToManager: false,
      workingDaysRemaining: 5,
      overdueWorkingDays: 0,
    });
  });

  it("collapses several missed stages into the latest, marked late", () => {
    // Down from Tue 11 Jun to Mon 17 Jun 10:00 BST: before-2, before-1 and due-day all fell due.
    const d = evaluateNudge({ ...base, lastStage: "before-5" }, at("2024-06-17T09:00:00Z"), cal);
    expect(d.send).toMatchObject({ stage: "due-day", late: true, collapsed: ["before-2", "before-1"], workingDaysRemaining: 0 });
  });

  it("collapses overdue days missed over a weekend", () => {
    // Due Mon 17 Jun; down after the due-day nudge until Mon 24 Jun 09:30 BST.
    const d = evaluateNudge({ ...base, lastStage: "due-day" }, at("2024-06-24T08:30:00Z"), cal);
    expect(d.send).toEqual({
      plannedAt: at("2024-06-24T08:00:00Z"),
      stage: "overdue-5",
      late: true,
      collapsed: ["overdue-1", "overdue-2", "overdue-3", "overdue-4"],
      escalateToManager: true,
      workingDaysRemaining: -5,
      overdueWorkingDays: 5,
    });
    expect(d.nextNudgeAt?.toISOString()).toBe("2024-06-25T08:00:00.000Z");
  });

  it("waits for Monday when the weekend pass finds overdue stages, then sends on time", () => {
    const s: NudgeState = { ...base, lastStage: "overdue-1" };
    expect(evaluateNudge(s, at("2024-06-22T10:00:00Z"), cal)).toEqual({ send: null, nextNudgeAt: at("2024-06-24T08:00:00Z") });
    const monday = evaluateNudge(s, at("2024-06-24T08:00:00Z"), cal);
    expect(monday.send).toMatchObject({ stage: "overdue-5", late: false, collapsed: ["overdue-2", "overdue-3", "overdue-4"] });
  });
});

describe("never repeating a stage", () => {
  const base = { dueDate: "2024-06-17", createdAt: at("2024-06-03T10:00:00Z") };

  it("sends nothing more once the latest due stage is recorded", () => {
    const now = at("2024-06-24T08:30:00Z");
    const first = evaluateNudge({ ...base, lastStage: "due-day" }, now, cal);
    const again = evaluateNudge({ ...base, lastStage: first.send!.stage }, now, cal);
    expect(again).toEqual({ send: null, nextNudgeAt: at("2024-06-25T08:00:00Z") });
  });

  it("treats stages at or before lastStage as done", () => {
    const now = at("2024-06-13T08:05:00Z"); // before-2 is due
    expect(evaluateNudge({ ...base, lastStage: "before-2" }, now, cal).send).toBeNull();
    expect(evaluateNudge({ ...base, lastStage: "before-1" }, now, cal).send).toBeNull();
    expect(evaluateNudge({ ...base, lastStage: "before-5" }, now, cal).send?.stage).toBe("before-2");
  });

  it("looks again at the next stage after a lastStage that is ahead of time", () => {
    const d = evaluateNudge({ ...base, lastStage: "overdue-7" }, at("2024-06-20T10:00:00Z"), cal);
    // overdue-8 is the 8th working day after Mon 17 Jun: 18-21 (4), 24-27 (8) -> Thu 27 Jun.
    expect(d).toEqual({ send: null, nextNudgeAt: at("2024-06-27T08:00:00Z") });
  });

  it("never sends the same stage twice across a simulated run", () => {
    const plan = simulate({ dueDate: "2024-06-17", createdAt: at("2024-06-03T10:00:00Z") }, 20);
    const stages = plan.map((s) => s.stage as string);
    expect(new Set(stages).size).toBe(stages.length);
    expect([...stages].sort(compareStages)).toEqual(stages);
  });
});

describe("escalation", () => {
  const s: NudgeState = { dueDate: "2024-06-17", createdAt: at("2024-06-03T10:00:00Z"), lastStage: "due-day" };
  const on = (iso: string, cfg?: NudgePlanConfigInput) => evaluateNudge(s, at(iso), cal, cfg).send?.escalateToManager;

  it("escalates after 1 working day overdue by default", () => {
    expect(on("2024-06-18T08:00:00Z")).toBe(false); // overdue-1
    expect(on("2024-06-19T08:00:00Z")).toBe(true); // overdue-2 (collapsing overdue-1)
    expect(on("2024-06-17T08:00:00Z", {})).toBe(undefined); // nothing due: due-day already sent
  });

  it("is configurable", () => {
    expect(on("2024-06-18T08:00:00Z", { escalateAfterWorkingDays: 0 })).toBe(true);
    expect(on("2024-06-20T08:00:00Z", { escalateAfterWorkingDays: 3 })).toBe(false); // overdue-3
    expect(on("2024-06-21T08:00:00Z", { escalateAfterWorkingDays: 3 })).toBe(true); // overdue-4
  });

  it("never escalates before the deadline", () => {
    const plan = simulate({ dueDate: "2024-06-17", createdAt: at("2024-06-03T10:00:00Z") }, 5);
    expect(plan.every((p) => p.escalateToManager === false)).toBe(true);
  });
});

describe("stages", () => {
  it("have stable keys that round-trip", () => {
    for (const key of ["created", "before-5", "before-2", "before-1", "due-day", "overdue-1", "overdue-12"]) {
      expect(stageKey(parseStageKey(key))).toBe(key);
    }
    expect(stageKey({ kind: "overdue", day: 3 })).toBe("overdue-3");
  });

  it("are totally ordered in time order", () => {
    const ordered = ["created", "before-10", "before-5", "before-2", "before-1", "due-day", "overdue-1", "overdue-2", "overdue-10"];
    const shuffled = [...ordered].reverse();
    expect(shuffled.sort(compareStages)).toEqual(ordered);
    expect(compareStages("overdue-2", "overdue-10")).toBeLessThan(0); // numeric, not string order
    expect(compareStages("due-day", { kind: "due-day" })).toBe(0);
  });

  it.each(["", "overdue-0", "before-", "before-x", "Created", "due", "overdue-1 "])("rejects %p", (bad) => {
    expect(codeOf(() => parseStageKey(bad))).toBe("INVALID_STAGE");
  });

  it("rejects an unknown lastStage", () => {
    expect(
      codeOf(() => evaluateNudge({ dueDate: "2024-06-17", createdAt: at("2024-06-03T10:00:00Z"), lastStage: "bogus" }, at("2024-06-10T08:00:00Z"), cal)),
    ).toBe("INVALID_STAGE");
  });
});

describe("config", () => {
  it("has the documented defaults", () => {
    expect(DEFAULT_NUDGE_PLAN_CONFIG).toEqual({
      onCreated: true,
      beforeWorkingDays: [5, 2, 1],
      onDueDay: true,
      whileOverdue: true,
      workingHours: { start: "09:00", end: "17:00" },
      graceMinutes: 15,
      escalateAfterWorkingDays: 1,
    });
  });

  it("rejects nonsense with a stable code", () => {
    expect(codeOf(() => parseNudgePlanConfig({ workingHours: { start: "17:00", end: "09:00" } }))).toBe("INVALID_NUDGE_CONFIG");
    expect(codeOf(() => parseNudgePlanConfig({ graceMinutes: -1 }))).toBe("INVALID_NUDGE_CONFIG");
    expect(codeOf(() => parseNudgePlanConfig({ beforeWorkingDays: [0] }))).toBe("INVALID_NUDGE_CONFIG");
    expect(codeOf(() => parseNudgePlanConfig({ workingHours: { start: "9:00", end: "17:00" } }))).toBe("INVALID_NUDGE_CONFIG");
  });

  it("supports a custom plan", () => {
    const cfg = { onCreated: false, beforeWorkingDays: [1, 3, 3], whileOverdue: false };
    const plan = simulate({ dueDate: "2024-06-17", createdAt: at("2024-06-03T10:00:00Z") }, 10, cfg);
    expect(plan.map((p) => [p.stage, p.at])).toEqual([
      ["before-3", "2024-06-12T08:00:00.000Z"],
      ["before-1", "2024-06-14T08:00:00.000Z"],
      ["due-day", "2024-06-17T08:00:00.000Z"],
    ]);
    const after = evaluateNudge({ dueDate: "2024-06-17", createdAt: at("2024-06-03T10:00:00Z"), lastStage: "due-day" }, at("2024-06-20T08:00:00Z"), cal, cfg);
    expect(after).toEqual({ send: null, nextNudgeAt: null });
  });
});
