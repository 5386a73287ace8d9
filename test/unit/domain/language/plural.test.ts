import { countOf, pluralOf, workingDays } from "../../../../src/domain/language/plural";

describe("countOf: counted words read as English", () => {
  it.each([
    [0, "0 working days"],
    [1, "1 working day"],
    [2, "2 working days"],
    [-1, "-1 working day"],
    [1000, "1,000 working days"],
  ])("%i -> %s", (n, expected) => {
    expect(workingDays(n)).toBe(expected);
  });

  it("knows irregular plurals and takes one given", () => {
    expect(countOf(0, "entry")).toBe("0 entries");
    expect(countOf(1, "entry")).toBe("1 entry");
    expect(countOf(2, "person")).toBe("2 people");
    expect(countOf(2, "child", "children")).toBe("2 children");
    expect(pluralOf("nudge")).toBe("nudges");
  });
});
