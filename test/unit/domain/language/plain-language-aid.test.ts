import { DEFAULT_LANGUAGE_LIST, LanguageListSchema } from "../../../../src/domain/language/default-language-list";
import { checkLanguage, checkRecordLanguage, resolveLanguageList } from "../../../../src/domain/language/plain-language-aid";
import { strategyRecordFixture } from "../../../fixtures/strategy-record.fixture";

describe("checkLanguage", () => {
  it("finds jargon and judgemental terms, case-insensitively, with their position", () => {
    const text = "Mum refused to engage with the s47 and the icpc.";
    const findings = checkLanguage(text);
    expect(findings.map((f) => [f.term, f.kind, f.index, f.match])).toEqual([
      ["refused to engage", "judgemental", 4, "refused to engage"],
      ["s47", "jargon", 31, "s47"],
      ["ICPC", "jargon", 43, "icpc"],
    ]);
    for (const f of findings) expect(f.suggestion.length).toBeGreaterThan(0);
  });

  it("matches whole words only", () => {
    expect(checkLanguage("She reclaims the pram. Every Day. The threshold of the door.").map((f) => f.term)).toEqual(["threshold"]);
    expect(checkLanguage("Dad said it was non-engagement")).toHaveLength(1);
    expect(checkLanguage("The CINEMA trip")).toEqual([]);
  });

  it("matches phrases across line breaks and extra spaces", () => {
    expect(checkLanguage("He was alleged\n to  have hit her").map((f) => f.term)).toEqual(["alleged to have"]);
  });

  it("reports only the longer of two overlapping terms", () => {
    expect(checkLanguage("Dad failed to engage.").map((f) => f.term)).toEqual(["failed to engage"]);
    expect(checkLanguage("Dad failed to attend.").map((f) => f.term)).toEqual(["failed to"]);
  });

  it("finds nothing in plain, descriptive text", () => {
    expect(checkLanguage("Mr B did not come to the meeting because he was at work.")).toEqual([]);
  });
});

describe("configurable lists", () => {
  it("merges a local list with the defaults, overriding by term and allowing some", () => {
    const list = resolveLanguageList({
      entries: [
        { term: "TAF", kind: "jargon", suggestion: "Write \"team around the family\"." },
        { term: "claims", kind: "judgemental", suggestion: "Write \"says\"." },
      ],
      allow: ["LADO"],
    });
    expect(checkLanguage("The TAF met.", list)[0]?.term).toBe("TAF");
    expect(checkLanguage("The TAF met.")).toEqual([]);
    expect(checkLanguage("She claims so.", list)[0]?.suggestion).toBe("Write \"says\".");
    expect(checkLanguage("Referred to LADO.", list)).toEqual([]);
    expect(list.length).toBe(DEFAULT_LANGUAGE_LIST.length + 1 - 1);
  });

  it("replaces the defaults when asked", () => {
    const list = resolveLanguageList({ mode: "replace", entries: [{ term: "TAF", kind: "jargon", suggestion: "x" }] });
    expect(list).toEqual([{ term: "TAF", kind: "jargon", suggestion: "x" }]);
    expect(checkLanguage("The ICPC and the TAF.", list).map((f) => f.term)).toEqual(["TAF"]);
  });

  it("validates a supplied list with plain messages", () => {
    const r = LanguageListSchema.safeParse({ entries: [{ term: "", kind: "rude", suggestion: "" }] });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.issues.map((i) => i.message)).toEqual([
        "Give the word or phrase to look for.",
        "Say whether the term is jargon or judgemental.",
        "Suggest a plainer way to say it.",
      ]);
    }
  });
});

describe("checkRecordLanguage", () => {
  it("reports findings per form field id, for free text only", () => {
    const record = {
      ...strategyRecordFixture,
      chair: "Claims Office Manager",
      signsOfSafety: { ...strategyRecordFixture.signsOfSafety, worries: "Home is chaotic and Dad is hostile." },
      actions: [{ who: "MASH", what: "Chase the CIN plan", byWhen: "2025-03-12" }],
    };
    const findings = checkRecordLanguage("strategy-discussion", record);
    expect(Object.keys(findings).sort()).toEqual(["actions.0.what", "signsOfSafety.worries"]);
    expect(findings["signsOfSafety.worries"]?.map((f) => f.term)).toEqual(["chaotic", "hostile"]);
    expect(findings["actions.0.what"]?.map((f) => f.term)).toEqual(["CIN"]);
  });

  it("finds nothing to point out in the fixture", () => {
    expect(checkRecordLanguage("strategy-discussion", strategyRecordFixture)).toEqual({});
  });
});
