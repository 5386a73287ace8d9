import { channelConversationId } from "../../../../src/channels/teams/teams-bot";
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

  it("parses the case events, with dob short for date-of-birth", () => {
    expect(parseTeamsCommand("referral CS-2026-0142 2026-11-20")).toEqual({ type: "case-event", event: "referral", caseRef: "CS-2026-0142", date: "2026-11-20" });
    expect(parseTeamsCommand("Transfer-In CS-1 2026-12-01")).toEqual({ type: "case-event", event: "transfer-in", caseRef: "CS-1", date: "2026-12-01" });
    expect(parseTeamsCommand("dob CS-1 2010-05-14")).toEqual({ type: "case-event", event: "date-of-birth", caseRef: "CS-1", date: "2010-05-14" });
    expect(parseTeamsCommand("date-of-birth CS-1 2010-05-14")).toEqual({ type: "case-event", event: "date-of-birth", caseRef: "CS-1", date: "2010-05-14" });
  });
  it("leaves missing case event words empty, for the bot to answer with the usage", () => {
    expect(parseTeamsCommand("referral CS-1")).toEqual({ type: "case-event", event: "referral", caseRef: "CS-1", date: "" });
    expect(parseTeamsCommand("dob")).toEqual({ type: "case-event", event: "date-of-birth", caseRef: "", date: "" });
  });
  it("keeps convene transfer-in for convening the conference", () => {
    expect(parseTeamsCommand("convene transfer-in CS-1")).toEqual({ type: "convene", kind: "transfer-in-conference", caseRef: "CS-1" });
  });
  it("reads a case event after the mention is stripped", () => {
    expect(parseTeamsCommand(stripMentionText("<at>Convene</at>&nbsp;referral CS-1 2026-11-20", ["<at>Convene</at>"]))).toMatchObject({ type: "case-event", date: "2026-11-20" });
  });
});

describe("channelConversationId", () => {
  it("drops the thread suffix Teams adds to channel messages", () => {
    expect(channelConversationId("19:abc@thread.tacv2;messageid=1732312345678")).toBe("19:abc@thread.tacv2");
    expect(channelConversationId("19:abc@thread.tacv2")).toBe("19:abc@thread.tacv2");
    expect(channelConversationId("a:1-personal-chat")).toBe("a:1-personal-chat");
  });
});
