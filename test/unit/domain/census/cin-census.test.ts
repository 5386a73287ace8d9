import { censusCsvHeader, censusCsvLine, censusRowsForCase, type CensusCaseFacts } from "../../../../src/domain/census/cin-census";
import type { Section47Enquiry } from "../../../../src/domain/enquiry/section-47-enquiry";

const enquiry = (id: string, startDate: string, over: Partial<Section47Enquiry> = {}): Section47Enquiry => ({
  id, caseId: "c1", startDate, startSource: "strategy-discussion", startedByMeetingId: null, status: "closed",
  outcome: "substantiated-icpc", outcomeReason: null, outcomeDate: null, outcomeById: null, ...over,
});

const facts: CensusCaseFacts = {
  caseReference: "CS-2026-0912",
  enquiries: [enquiry("e1", "2026-12-18")],
  clocks: [
    { rule: "icpc", sourceId: "e1", dueDate: "2027-01-13", status: "met", closedOn: "2027-01-12", closedByMeetingId: "icpc", workingDaysTaken: 14 },
    { rule: "core-group", sourceId: "icpc", dueDate: "2027-01-26", status: "open", closedOn: null, closedByMeetingId: null, workingDaysTaken: null },
  ],
  conferences: [
    { meetingId: "icpc", kind: "icpc", heldOn: "2027-01-12", plan: true, category: "neglect" },
    { meetingId: "r1", kind: "review-conference", heldOn: "2027-04-09", reviewOutcome: "continues" },
    { meetingId: "r2", kind: "review-conference", heldOn: "2027-10-01", reviewOutcome: "continues" },
  ],
  planEnds: ["2027-11-15"],
};

describe("CIN census rows", () => {
  it("gives one row per enquiry with the dates the census asks for", () => {
    expect(censusRowsForCase(facts, { from: "2026-04-01", to: "2027-12-31" })).toEqual([{
      caseReference: "CS-2026-0912", s47StartDate: "2026-12-18", icpcTargetDate: "2027-01-13", icpcDate: "2027-01-12",
      planStartDate: "2027-01-12", planCategory: "neglect", planEndDate: "2027-11-15", reviewDates: ["2027-04-09", "2027-10-01"],
      workingDaysToIcpc: 14, icpcTimeliness: "met",
    }]);
  });

  it("ends the plan at a review that ends it, and counts no review after the end", () => {
    const ended = { ...facts, conferences: [...facts.conferences.slice(0, 2), { meetingId: "r2", kind: "review-conference" as const, heldOn: "2027-07-01", reviewOutcome: "ends" as const }], planEnds: [] };
    const [row] = censusRowsForCase(ended, { from: "2027-01-01", to: "2027-12-31" });
    expect(row).toMatchObject({ planEndDate: "2027-07-01", reviewDates: ["2027-04-09", "2027-07-01"] });
  });

  it("leaves out processes outside the period, and withdrawn enquiries", () => {
    expect(censusRowsForCase(facts, { from: "2026-01-01", to: "2026-12-17" })).toEqual([]); // started after
    expect(censusRowsForCase(facts, { from: "2027-11-16", to: "2028-03-31" })).toEqual([]); // ended before
    expect(censusRowsForCase({ ...facts, enquiries: [enquiry("e1", "2026-12-18", { status: "withdrawn" })] }, { from: "2026-01-01", to: "2027-12-31" })).toEqual([]);
  });

  it("an enquiry not yet at conference has its target date and nothing else", () => {
    const open = { ...facts, enquiries: [enquiry("e1", "2026-12-18", { status: "open", outcome: null })], clocks: [{ ...facts.clocks[0]!, status: "open", closedOn: null, closedByMeetingId: null, workingDaysTaken: null }] };
    expect(censusRowsForCase(open, { from: "2026-12-01", to: "2026-12-31" })[0]).toMatchObject({ icpcTargetDate: "2027-01-13", icpcDate: null, planStartDate: null, icpcTimeliness: null });
  });

  it("writes a header named after the census items, census category codes, and quotes only when needed", () => {
    expect(censusCsvHeader()).toBe("Case reference,N00148 S47 start date,N00109 ICPC target date,N00110 ICPC date,CPP start date,CPP category of abuse,CPP end date,CPP review dates,Working days S47 start to ICPC,ICPC within 15 working days");
    const [row] = censusRowsForCase(facts, { from: "2026-04-01", to: "2027-12-31" });
    expect(censusCsvLine(row!)).toBe("CS-2026-0912,2026-12-18,2027-01-13,2027-01-12,2027-01-12,NEG,2027-11-15,2027-04-09;2027-10-01,14,met");
    expect(censusCsvLine({ ...row!, caseReference: 'A,"B"' })).toMatch(/^"A,""B""",/);
  });
});
