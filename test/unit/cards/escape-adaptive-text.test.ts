import { escapeAdaptiveText } from "../../../src/cards/escape-adaptive-text";

describe("escapeAdaptiveText", () => {
  it("neutralises Markdown links, emphasis, headings and code", () => {
    const out = escapeAdaptiveText("[click](http://evil.example) *bold* _it_ # head `code`");
    expect(out).not.toMatch(/[[\]*_#`]/);
    expect(out).not.toContain("://");
  });
  it("neutralises <at> mentions and HTML", () => {
    const out = escapeAdaptiveText("<at>Everyone</at> <b>x</b>");
    expect(out).not.toContain("<");
    expect(out).not.toContain(">");
    expect(out).toContain("Everyone");
  });
  it("keeps parentheses, which cannot make a link without brackets", () => {
    expect(escapeAdaptiveText("Hana Lewis (named nurse)")).toBe("Hana Lewis (named nurse)");
  });
  it("keeps ordinary text readable and handles nullish", () => {
    expect(escapeAdaptiveText("Police CAIT duty desk, 10:00")).toBe("Police CAIT duty desk, 10:00");
    expect(escapeAdaptiveText(null)).toBe("");
    expect(escapeAdaptiveText("a\u0000b\r\nc")).toBe("ab\nc");
  });
});
