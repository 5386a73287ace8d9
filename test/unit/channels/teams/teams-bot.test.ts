import { channelConversationId } from "../../../../src/channels/teams/teams-bot";

// The Teams command parsing tests moved to test/unit/app/conversation/command-grammar.test.ts
// (one grammar for every channel); what stays here is Teams' own.

describe("channelConversationId", () => {
  it("drops the thread suffix Teams adds to channel messages", () => {
    expect(channelConversationId("19:abc@thread.tacv2;messageid=1732312345678")).toBe("19:abc@thread.tacv2");
    expect(channelConversationId("19:abc@thread.tacv2")).toBe("19:abc@thread.tacv2");
    expect(channelConversationId("a:1-personal-chat")).toBe("a:1-personal-chat");
  });
});
