import { identifyingReason, parseCaseReference } from "../../../src/domain/case/case-reference";

describe("case references that could identify the child", () => {
  it.each([
    ["JS-2014-05-14", "14 May 2014"],
    ["js/14/05/2014", "14 May 2014"],
    ["JS-14-05-14", "14 May 2014"],
    ["JS_20140514", "14 May 2014"],
    ["JS14052014", "14 May 2014"],
    ["JS140514", "14 May 2014"],
    ["AB-29-02-2016", "29 February 2016"],
  ])("%s reads as a date of birth", (raw, date) => {
    const ref = parseCaseReference(raw);
    expect(identifyingReason(ref)).toContain(`(it reads as ${date})`);
    expect(identifyingReason(ref)).toContain("must never identify the child");
  });

  it.each(["CS-2026-0142", "CS-2026-0112", "DEMO-2026-0001", "CS/123456", "AB-30-02-2016", "CS-2026-1301", "LA12-000123"])("%s is a reference, not a birthday", (raw) => {
    expect(identifyingReason(parseCaseReference(raw))).toBeNull();
  });
});
