import { codeOf } from "../../../helpers/domain-error-code";
import { createWorkingDayCalendar } from "../../../../src/domain/calendar/working-day-calendar";
import {
  addCalendarMonths,
  applyLocalRule,
  computeDueDate,
  getRule,
  isRuleId,
  type RuleId,
  STATUTORY_RULES,
  validateLocalRules,
} from "../../../../src/domain/deadline/statutory-rules";

const cal = createWorkingDayCalendar();


describe("rule table", () => {
  it("has every rule once, with plain-English text", () => {
    const ids = STATUTORY_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(
      ["action", "assessment", "core-group", "first-review", "icpc", "next-core-group", "next-review", "permanence-plan", "referral-decision", "review-before-18", "transfer-in"],
    );
    for (const r of STATUTORY_RULES) {
      expect(r.title.length).toBeGreaterThan(3);
      expect(r.countsFrom.length).toBeGreaterThan(3);
      expect(r.summary.length).toBeGreaterThan(3);
    }
    expect(getRule("icpc").title).toBe("Initial child protection conference");
    expect(getRule("icpc").summary).toBe("within 15 working days");
    expect(getRule("permanence-plan").statutory).toBe(false);
    expect(isRuleId("icpc")).toBe(true);
    expect(isRuleId("ICPC")).toBe(false);
  });

  it("rejects unknown rules with a stable code listing valid ids", () => {
    expect(codeOf(() => computeDueDate("case-conference" as RuleId, "2024-06-07", cal))).toBe("UNKNOWN_RULE");
    expect(() => getRule("nope")).toThrow(/valid rules: referral-decision, assessment/);
  });
});

describe("computeDueDate, every rule", () => {
  it.each<[RuleId, string, string, string]>([
    // Thu before Easter 2024: Fri 29 Mar and Mon 1 Apr are bank holidays.
    ["referral-decision", "2024-03-27", "2024-03-28", "next working day"],
    ["referral-decision", "2024-03-28", "2024-04-02", "over Easter"],
    // Mon 3 Mar 2025: 20 in March, 24 by 4 Apr, 29 by 11 Apr, 33 by Thu 17 Apr (Good Fri 18),
    // 37 by 25 Apr (Easter Mon 21), 40 by 30 Apr, 42 by 2 May, Mon 5 May holiday, 45 = Thu 8 May.
    ["assessment", "2025-03-03", "2025-05-08", "45 working days over Easter and early May"],
    // Mon 8 Jan 2024, no holidays: 17 in Jan, 38 in Feb, 1 Mar (39), 4-8 Mar (44), Mon 11 Mar.
    ["assessment", "2024-01-08", "2024-03-11", "45 working days, no holidays"],
    // Fri 18 Dec 2026: 21-24 Dec (4); 25 Dec, Mon 28 (Boxing Day substitute) off; 29-31 (7);
    // Fri 1 Jan off; 4-8 Jan (12); 11, 12, 13 Jan (15).
    ["icpc", "2026-12-18", "2027-01-13", "over Christmas 2026"],
    // Wed 13 Jan 2027: 14, 15 (2); 18-22 (7); 25, 26, 27 (10).
    ["core-group", "2027-01-13", "2027-01-27", "10 working days"],
    ["first-review", "2024-01-10", "2024-04-10", "3 months, a Wednesday"],
    ["next-review", "2024-04-30", "2024-10-30", "6 months, a Wednesday"],
    // Mon 24 Apr 2023: 25-28 (4), Mon 1 May off, 2-5 (8), Mon 8 May coronation, 9-12 (12), 15-17 (15).
    ["transfer-in", "2023-04-24", "2023-05-17", "over two May bank holidays"],
    ["permanence-plan", "2024-10-31", "2025-02-28", "4 months from 31 Oct clamps to Fri 28 Feb"],
    // 18th birthday Wed 29 Dec 2027: 28, 27 substitutes, 26, 25 weekend -> Fri 24 Dec.
    ["review-before-18", "2027-12-29", "2027-12-24", "before an 18th birthday after Christmas"],
    ["review-before-18", "2024-06-11", "2024-06-10", "the working day before a Tuesday birthday"],
    ["review-before-18", "2024-06-10", "2024-06-07", "a Monday birthday: the Friday before"],
    ["action", "2024-06-08", "2024-06-08", "own date, even a Saturday"],
  ])("%s from %s is due %s (%s)", (rule, from, expected) => {
    expect(computeDueDate(rule, from, cal)).toBe(expected);
  });

  it("validates the start date", () => {
    expect(codeOf(() => computeDueDate("icpc", "2023-02-29", cal))).toBe("INVALID_DATE");
    expect(codeOf(() => computeDueDate("action", "2023-2-1", cal))).toBe("INVALID_DATE");
  });

  it("counts local closure days", () => {
    const local = createWorkingDayCalendar({ closureDays: ["2026-12-29", "2026-12-30", "2026-12-31"] });
    // 15 working days now end three working days later: 14, 15, Mon 18 Jan.
    expect(computeDueDate("icpc", "2026-12-18", local)).toBe("2027-01-18");
  });
});

describe("calendar months", () => {
  it.each([
    ["2024-01-31", 1, "2024-02-29"], // leap year
    ["2023-01-31", 1, "2023-02-28"],
    ["2023-11-30", 3, "2024-02-29"],
    ["2022-11-30", 3, "2023-02-28"],
    ["2024-08-31", 6, "2025-02-28"],
    ["2024-03-31", 1, "2024-04-30"],
    ["2024-12-15", 3, "2025-03-15"], // across the year end
    ["2024-01-15", 0, "2024-01-15"],
  ])("%s + %i months = %s (clamped)", (from, months, expected) => {
    expect(addCalendarMonths(from, months)).toBe(expected);
  });

  it("clamps inside first-review", () => {
    expect(computeDueDate("first-review", "2023-11-30", cal)).toBe("2024-02-29"); // Thu
    expect(computeDueDate("first-review", "2022-11-30", cal)).toBe("2023-02-28"); // Tue
  });

  it("moves back from a weekend", () => {
    // 15 Jun 2024 is a Saturday: "within 3 months" means no later, so Friday 14th.
    expect(computeDueDate("first-review", "2024-03-15", cal)).toBe("2024-06-14");
  });

  it("moves back from a bank holiday", () => {
    // 27 May 2024 is the spring bank holiday (Mon): back over the weekend to Fri 24 May.
    expect(computeDueDate("first-review", "2024-02-27", cal)).toBe("2024-05-24");
    // Mon 28 Dec 2026 is the Boxing Day substitute; 27, 26 weekend; 25 Christmas -> Thu 24.
    expect(computeDueDate("next-review", "2026-06-28", cal)).toBe("2026-12-24");
  });

  it("moves back from a local closure day", () => {
    const local = createWorkingDayCalendar({ closureDays: ["2024-04-10"] });
    expect(computeDueDate("first-review", "2024-01-10", local)).toBe("2024-04-09");
  });
});

describe("local rules", () => {
  it("may tighten a statutory rule", () => {
    // ICPC in 10 working days from Fri 18 Dec 2026: 21-24 (4), 29-31 (7), 4, 5, 6 Jan (10).
    expect(computeDueDate("icpc", "2026-12-18", cal, { localRules: { icpc: { unit: "working-days", amount: 10 } } })).toBe(
      "2027-01-06",
    );
    // 2 months from 31 Jan 2024 = Sun 31 Mar -> Sat 30 -> Good Friday 29 -> Thu 28 Mar.
    expect(applyLocalRule("first-review", { unit: "calendar-months", amount: 2 }, "2024-01-31", cal)).toBe("2024-03-28");
    // Equal is not looser.
    expect(applyLocalRule("icpc", { unit: "working-days", amount: 15 }, "2026-12-18", cal)).toBe("2027-01-13");
  });

  it("may take a shorter local limit in another unit when it is earlier", () => {
    // 15 working days from Mon 3 Jun 2024 is Mon 24 Jun; 2 weeks' worth of working days is earlier.
    expect(applyLocalRule("transfer-in", { unit: "working-days", amount: 10 }, "2024-06-03", cal)).toBe("2024-06-17");
  });

  it("rejects loosening, up front and per date", () => {
    expect(codeOf(() => validateLocalRules({ icpc: { unit: "working-days", amount: 16 } }))).toBe("RULE_LOOSENED");
    expect(codeOf(() => validateLocalRules({ "next-review": { unit: "calendar-months", amount: 7 } }))).toBe("RULE_LOOSENED");
    expect(codeOf(() => computeDueDate("icpc", "2024-06-03", cal, { localRules: { icpc: { unit: "working-days", amount: 20 } } }))).toBe(
      "RULE_LOOSENED",
    );
    // One month from 3 Jun 2024 (3 Jul) is later than 15 working days (24 Jun).
    expect(codeOf(() => applyLocalRule("icpc", { unit: "calendar-months", amount: 1 }, "2024-06-03", cal))).toBe("RULE_LOOSENED");
    expect(codeOf(() => validateLocalRules({ icpc: { unit: "working-days", amount: 12 } }))).toBe("no error");
  });

  it("lets a local authority replace a local-policy rule", () => {
    // Permanence plans are local policy, not statute: 6 months is the authority's call.
    expect(applyLocalRule("permanence-plan", { unit: "calendar-months", amount: 6 }, "2024-01-15", cal)).toBe("2024-07-15");
  });

  it("refuses local rules that cannot be measured", () => {
    expect(codeOf(() => validateLocalRules({ action: { unit: "working-days", amount: 5 } }))).toBe("INVALID_LOCAL_RULE");
    expect(codeOf(() => validateLocalRules({ icpc: { unit: "working-days", amount: 0 } }))).toBe("INVALID_LOCAL_RULE");
    expect(codeOf(() => validateLocalRules({ icpc: { unit: "working-days", amount: 2.5 } }))).toBe("INVALID_LOCAL_RULE");
  });

  it("leaves other rules alone", () => {
    expect(computeDueDate("core-group", "2027-01-13", cal, { localRules: { icpc: { unit: "working-days", amount: 10 } } })).toBe(
      "2027-01-27",
    );
  });
});
