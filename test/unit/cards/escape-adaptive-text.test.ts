import { escapeAdaptiveText } from "../../../src/cards/escape-adaptive-text";
import { renderNoticeCard } from "../../../src/cards/notice.card";
import { parseCaseReference } from "../../../src/domain/case/case-reference";

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
  it("keeps underscores inside words: case references, codes and ids read as written", () => {
    expect(escapeAdaptiveText("CS_2026_0142")).toBe("CS_2026_0142");
    expect(escapeAdaptiveText("Refused (NOT_INVITEE) for attendance_inv1")).toBe("Refused (NOT_INVITEE) for attendance_inv1");
    expect(escapeAdaptiveText("étape_Ω_2")).toBe("étape_Ω_2");
  });
  it("swaps every underscore at a word's edge, where emphasis could open or close", () => {
    expect(escapeAdaptiveText("_it_")).toBe("＿it＿");
    expect(escapeAdaptiveText("a __strong__ b")).toBe("a ＿＿strong＿＿ b");
    expect(escapeAdaptiveText("snake_case_ and _x")).toBe("snake_case＿ and ＿x");
    expect(escapeAdaptiveText("'_'")).toBe("'＿'");
  });
  it("cannot be paired into emphasis by joining escaped pieces", () => {
    // Two pieces that each end or start at an underscore: the edge ones are swapped in each.
    const joined = `${escapeAdaptiveText("left_")} ${escapeAdaptiveText("_right")}`;
    expect(joined).toBe("left＿ ＿right");
    expect(`${escapeAdaptiveText("a_")}${escapeAdaptiveText("_b")}`).not.toContain("_");
  });
});

describe("our own messages on an error card", () => {
  it("show no full-width underscore: the case reference refusal, and a reference with underscores", () => {
    let message = "";
    try {
      parseCaseReference("Jo Smith");
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/underscores/);
    const card = JSON.stringify(renderNoticeCard({ title: "Not linked", text: `${message} Linked cases look like CS_2026_0142.` }, "error"));
    expect(card).not.toContain("＿");
    expect(card).toContain("CS_2026_0142");
  });
});
