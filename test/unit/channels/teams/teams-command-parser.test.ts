import { parseTeamsCommand, stripMentionText } from "../../../../src/channels/teams/teams-command-parser";

describe("Teams command parsing", () => {
  it("strips the bot mention and HTML the client adds", () => {
    expect(stripMentionText("<at>Convene</at>&nbsp;link <b>CS-1</b>", ["<at>Convene</at>"])).toBe("link CS-1");
  });
  it("parses each command", () => {
    expect(parseTeamsCommand("link CS-2026-0142")).toEqual({ type: "link", caseRef: "CS-2026-0142" });
    expect(parseTeamsCommand("convene strategy CS-1")).toEqual({ type: "convene", kind: "strategy-discussion", caseRef: "CS-1" });
    expect(parseTeamsCommand("Convene core-group CS-1")).toEqual({ type: "convene", kind: "core-group", caseRef: "CS-1" });
    expect(parseTeamsCommand("convene icpc CS-1")).toMatchObject({ kind: "icpc" });
    expect(parseTeamsCommand("convene review CS-1")).toMatchObject({ kind: "review-conference" });
    expect(parseTeamsCommand("deadlines CS-1")).toEqual({ type: "deadlines", caseRef: "CS-1" });
    expect(parseTeamsCommand("help")).toEqual({ type: "help" });
    expect(parseTeamsCommand("convene party CS-1").type).toBe("unknown");
    expect(parseTeamsCommand("hello").type).toBe("unknown");
  });
});
