import fc from "fast-check";
import { boldLabel, escapeMrkdwn, mentionUser } from "../../../../src/cards/slack/escape-mrkdwn";
import { truncateMrkdwn, truncatePlain } from "../../../../src/cards/slack/block-kit-limits";
import { HOSTILE } from "./slack-view-fixtures";

describe("escapeMrkdwn", () => {
  it("neutralises broadcasts, mentions, channel links and disguised links", () => {
    const out = escapeMrkdwn(HOSTILE);
    expect(out).toBe("&lt;!channel&gt; &lt;!here&gt; &lt;@U0BOSS&gt; &lt;#C0SECRET&gt; &lt;http://evil.example|Click me&gt; &amp; done");
    expect(out).not.toMatch(/[<>]/);
  });

  it("escapes & first, so typed entities show as typed", () => {
    expect(escapeMrkdwn("&lt;b&gt;")).toBe("&amp;lt;b&amp;gt;");
  });

  it("never leaves a < or > in any string", () => {
    fc.assert(fc.property(fc.string(), (s) => !/[<>]/.test(escapeMrkdwn(s))));
  });
});

describe("mentionUser", () => {
  it("renders a real user id as a mention", () => {
    expect(mentionUser("U0SW")).toBe("<@U0SW>");
    expect(mentionUser("W012ABC")).toBe("<@W012ABC>");
  });

  it("escapes anything that is not a user id, so ids cannot smuggle tokens", () => {
    expect(mentionUser("U1> <!channel")).toBe("U1&gt; &lt;!channel");
  });
});

describe("boldLabel", () => {
  it("drops asterisks so a label cannot end the bold early, and escapes the rest", () => {
    expect(boldLabel("a*b <!here>")).toBe("*ab &lt;!here&gt;*");
    expect(boldLabel("   ")).toBe("");
  });
});

describe("truncation", () => {
  it("keeps short text as it is", () => {
    expect(truncateMrkdwn("abc", 10)).toBe("abc");
    expect(truncatePlain("abc", 3)).toBe("abc");
  });

  it("never splits an entity, a Slack token or a surrogate pair", () => {
    expect(truncateMrkdwn("aaaa&amp;bbbb", 7)).toBe("aaaa…");
    expect(truncateMrkdwn("hi <@U0SW> there", 8)).toBe("hi …");
    expect(truncatePlain("ab😀cd", 4)).toBe("ab…");
  });

  it("always fits the limit and never ends in half an entity", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 2, max: 200 }), (s, max) => {
        const out = truncateMrkdwn(escapeMrkdwn(s), max);
        return out.length <= max && !/&[a-z]{0,3}…$/.test(out) && !/[<>]/.test(out);
      }),
    );
  });
});
