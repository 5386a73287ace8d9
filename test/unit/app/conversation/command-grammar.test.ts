import { parseTypedCommand, typedWords, type TypedCommand } from "../../../../src/app/conversation/command-grammar";
import { HELP_COMMANDS } from "../../../../src/app/conversation/help";

describe("parseTypedCommand", () => {
  // Every command reads the same with or without a leading "convene" (Slack's `/convene strategy …`,
  // Teams' `@Convene convene strategy …`, or just `strategy …`).
  const commands: Array<[string, TypedCommand]> = [
    ["link CS-2026-0142", { type: "link", caseRef: "CS-2026-0142" }],
    ["strategy CS-1", { type: "convene", kind: "strategy-discussion", caseRef: "CS-1", word: "strategy" }],
    ["strategy-discussion CS-1", { type: "convene", kind: "strategy-discussion", caseRef: "CS-1", word: "strategy-discussion" }],
    ["core-group CS-1", { type: "convene", kind: "core-group", caseRef: "CS-1", word: "core-group" }],
    ["coregroup CS-1", { type: "convene", kind: "core-group", caseRef: "CS-1", word: "coregroup" }],
    ["icpc CS-1", { type: "convene", kind: "icpc", caseRef: "CS-1", word: "icpc" }],
    ["review CS-1", { type: "convene", kind: "review-conference", caseRef: "CS-1", word: "review" }],
    ["review-conference CS-1", { type: "convene", kind: "review-conference", caseRef: "CS-1", word: "review-conference" }],
    ["transfer-in CS-1", { type: "convene", kind: "transfer-in-conference", caseRef: "CS-1", word: "transfer-in" }],
    ["transfer-in-conference CS-1", { type: "convene", kind: "transfer-in-conference", caseRef: "CS-1", word: "transfer-in-conference" }],
    ["deadlines CS-1", { type: "deadlines", caseRef: "CS-1" }],
    ["deadlines", { type: "deadlines", caseRef: undefined }],
    ["referral CS-2026-0142 2026-11-20", { type: "case-event", event: "referral", caseRef: "CS-2026-0142", date: "2026-11-20", word: "referral" }],
    ["transfer-in CS-1 2026-12-01", { type: "case-event", event: "transfer-in", caseRef: "CS-1", date: "2026-12-01", word: "transfer-in" }],
    ["dob CS-1 2010-05-14", { type: "case-event", event: "date-of-birth", caseRef: "CS-1", date: "2010-05-14", word: "dob" }],
    ["date-of-birth CS-1 2010-05-14", { type: "case-event", event: "date-of-birth", caseRef: "CS-1", date: "2010-05-14", word: "dob" }],
    ["s47 CS-1 2026-12-18", { type: "case-event", event: "s47-enquiry", caseRef: "CS-1", date: "2026-12-18", word: "s47" }],
    ["my", { type: "my" }],
    ["mine", { type: "my" }],
    ["help", { type: "help" }],
  ];

  it.each(commands)("%s", (text, expected) => {
    expect(parseTypedCommand(text)).toEqual(expected);
  });

  it.each(commands)("convene %s", (text, expected) => {
    expect(parseTypedCommand(`convene ${text}`)).toEqual(expected);
  });

  it("ignores the case of command words and extra spaces, but keeps the case reference as typed", () => {
    expect(parseTypedCommand("ICPC CS-1")).toEqual({ type: "convene", kind: "icpc", caseRef: "CS-1", word: "icpc" });
    expect(parseTypedCommand("Convene core-group CS-1")).toEqual({ type: "convene", kind: "core-group", caseRef: "CS-1", word: "core-group" });
    expect(parseTypedCommand("  Transfer-In   CS-1 2026-12-01 ")).toEqual({ type: "case-event", event: "transfer-in", caseRef: "CS-1", date: "2026-12-01", word: "transfer-in" });
    expect(parseTypedCommand("Date-of-birth cs-1 2010-05-14")).toEqual({ type: "case-event", event: "date-of-birth", caseRef: "cs-1", date: "2010-05-14", word: "dob" });
  });

  describe("transfer-in", () => {
    it("records the notification with a date, and convenes the conference without one", () => {
      expect(parseTypedCommand("transfer-in CS-1 2026-12-01")).toMatchObject({ type: "case-event", event: "transfer-in", date: "2026-12-01" });
      expect(parseTypedCommand("transfer-in CS-1")).toMatchObject({ type: "convene", kind: "transfer-in-conference", caseRef: "CS-1" });
      expect(parseTypedCommand("convene transfer-in CS-1")).toMatchObject({ type: "convene", kind: "transfer-in-conference", caseRef: "CS-1" });
    });

    it("treats a third word that is not a date as a mistyped date, for the app to refuse, rather than convening", () => {
      expect(parseTypedCommand("transfer-in CS-1 1/12/2026")).toEqual({ type: "case-event", event: "transfer-in", caseRef: "CS-1", date: "1/12/2026", word: "transfer-in" });
    });
  });

  it("leaves missing words empty, for the conversation to answer with the command's usage", () => {
    expect(parseTypedCommand("link")).toEqual({ type: "link", caseRef: "" });
    expect(parseTypedCommand("strategy")).toEqual({ type: "convene", kind: "strategy-discussion", caseRef: "", word: "strategy" });
    expect(parseTypedCommand("transfer-in")).toEqual({ type: "convene", kind: "transfer-in-conference", caseRef: "", word: "transfer-in" });
    expect(parseTypedCommand("referral CS-1")).toEqual({ type: "case-event", event: "referral", caseRef: "CS-1", date: "", word: "referral" });
    expect(parseTypedCommand("dob")).toEqual({ type: "case-event", event: "date-of-birth", caseRef: "", date: "", word: "dob" });
  });

  it("answers nothing, or convene alone, with help", () => {
    expect(parseTypedCommand("")).toEqual({ type: "help" });
    expect(parseTypedCommand("   ")).toEqual({ type: "help" });
    expect(parseTypedCommand("convene")).toEqual({ type: "help" });
  });

  it("answers a word it does not know with help naming that word, as typed", () => {
    expect(parseTypedCommand("hello")).toEqual({ type: "help", notUnderstood: "hello" });
    expect(parseTypedCommand("nonsense words")).toEqual({ type: "help", notUnderstood: "nonsense" });
    expect(parseTypedCommand("convene party CS-1")).toEqual({ type: "help", notUnderstood: "party" });
    expect(parseTypedCommand("Stratgey CS-1")).toEqual({ type: "help", notUnderstood: "Stratgey" });
  });

  it("understands every usage the help shows", () => {
    for (const c of HELP_COMMANDS) expect(parseTypedCommand(c.usage)).not.toHaveProperty("notUnderstood");
  });
});

describe("typedWords", () => {
  it("strips the Teams bot mention and the HTML the client adds", () => {
    expect(typedWords("<at>Convene</at>&nbsp;link <b>CS-1</b>", ["<at>Convene</at>"])).toBe("link CS-1");
    // The <at> markup goes even when the platform did not report the mention.
    expect(typedWords("<at>Convene</at>&nbsp;link <b>CS-1</b>")).toBe("link CS-1");
    expect(typedWords("<p><at>Convene Bot</at> strategy&nbsp;&nbsp;CS-1</p>", ["<at>Convene Bot</at>"])).toBe("strategy CS-1");
  });

  it("strips a reported mention text that is not markup", () => {
    expect(typedWords("Convene deadlines CS-1", ["Convene"])).toBe("deadlines CS-1");
  });

  it("strips Slack user mentions, with or without a label", () => {
    expect(typedWords("<@UBOT> link CS-1")).toBe("link CS-1");
    expect(typedWords("<@UBOT|convene>  help")).toBe("help");
    expect(typedWords("<@U0BOT123> strategy CS-1 <@U0OTHER>")).toBe("strategy CS-1");
  });

  it("leaves plain words alone", () => {
    expect(typedWords("  referral   CS-1 2026-11-20 ")).toBe("referral CS-1 2026-11-20");
    expect(typedWords("")).toBe("");
  });

  it("feeds the grammar: a mention followed by a command", () => {
    expect(parseTypedCommand(typedWords("<at>Convene</at>&nbsp;referral CS-1 2026-11-20", ["<at>Convene</at>"]))).toMatchObject({ type: "case-event", date: "2026-11-20" });
    expect(parseTypedCommand(typedWords("<at>Convene</at> convene strategy CS-1", ["<at>Convene</at>"]))).toMatchObject({ type: "convene", kind: "strategy-discussion", caseRef: "CS-1" });
    expect(parseTypedCommand(typedWords("<@UBOT|convene> core-group CS-1"))).toMatchObject({ type: "convene", kind: "core-group", caseRef: "CS-1" });
    expect(parseTypedCommand(typedWords("<@UBOT>"))).toEqual({ type: "help" });
  });
});
