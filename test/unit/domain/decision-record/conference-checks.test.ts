import { createWorkingDayCalendar } from "../../../../src/domain/calendar/working-day-calendar";
import { checkConferenceRecord } from "../../../../src/domain/decision-record/conference-checks";
import type { IsoDate } from "../../../../src/domain/shared/iso-date";

// Working Together, chapter 1: the ICPC chair is independent of the case's line management,
// the first core group meets within 10 working days, the first review within 3 months and
// later reviews within 6 months.

const facts = { heldOn: "2026-12-18" as IsoDate, lineManagement: ["Sam Okafor", "Mo Manager"], calendar: createWorkingDayCalendar() };

describe("conference checks from our own data", () => {
  it("refuses the case's social worker or team manager as chair, whatever the spacing or case", () => {
    expect(checkConferenceRecord("icpc", { chair: "  sam   OKAFOR " }, facts).chair).toMatch(/cannot chair/);
    expect(checkConferenceRecord("review-conference", { chair: "Mo Manager" }, facts).chair).toMatch(/independent/);
    expect(checkConferenceRecord("icpc", { chair: "Pat Lowe" }, facts)).toEqual({});
    // A strategy discussion has no independent chair rule.
    expect(checkConferenceRecord("strategy-discussion", { chair: "Sam Okafor" }, facts)).toEqual({});
  });

  it("checks the first core group against 10 working days, counted over Christmas", () => {
    // Fri 18 Dec 2026: 10 working days skip Christmas Day and the Boxing Day substitute (Mon 28 Dec) and New Year's Day → Wed 6 Jan 2027.
    expect(checkConferenceRecord("icpc", { firstCoreGroupDate: "2027-01-06" }, facts)).toEqual({});
    expect(checkConferenceRecord("icpc", { firstCoreGroupDate: "2027-01-07" }, facts).firstCoreGroupDate).toBe(
      "The first core group must meet within 10 working days of the conference: by Wednesday 6 January 2027 at the latest.",
    );
    expect(checkConferenceRecord("icpc", { firstCoreGroupDate: "2026-12-18" }, facts).firstCoreGroupDate).toMatch(/after the conference/);
  });

  it("checks review dates against 3 and 6 calendar months", () => {
    expect(checkConferenceRecord("icpc", { reviewDate: "2027-03-18" }, facts)).toEqual({});
    expect(checkConferenceRecord("icpc", { reviewDate: "2027-03-19" }, facts).reviewDate).toMatch(/within 3 months/);
    expect(checkConferenceRecord("review-conference", { nextReviewDate: "2027-06-18" }, facts)).toEqual({});
    expect(checkConferenceRecord("review-conference", { nextReviewDate: "2027-06-21" }, facts).nextReviewDate).toMatch(/no more than 6 months/);
  });
});
