import { parseSlackBody, verifySlackHeaders } from "../../../../src/channels/slack/slack-http-receiver";
import { blockActionKey, viewSubmissionKey } from "../../../../src/channels/slack/slack-listeners";
import { signSlackRequest } from "../../../helpers/slack-requests";

const SECRET = "s3cret";
const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
const ts = Math.floor(NOW / 1000);
const headers = (body: string, at = ts, secret = SECRET) => ({ "x-slack-signature": signSlackRequest(secret, body, at), "x-slack-request-timestamp": String(at) });

describe("verifySlackHeaders", () => {
  it("accepts a correctly signed, fresh request", () => {
    expect(verifySlackHeaders(SECRET, "a=b", headers("a=b"), NOW)).toBeNull();
  });

  it("refuses missing headers, a wrong secret, a changed body, and timestamps over five minutes away", () => {
    expect(verifySlackHeaders(SECRET, "a=b", {}, NOW)).toBe("missing_headers");
    expect(verifySlackHeaders(SECRET, "a=b", { ...headers("a=b"), "x-slack-request-timestamp": "12abc" }, NOW)).toBe("missing_headers");
    expect(verifySlackHeaders(SECRET, "a=b", headers("a=b", ts, "other"), NOW)).toBe("bad_signature");
    expect(verifySlackHeaders(SECRET, "a=c", headers("a=b"), NOW)).toBe("bad_signature");
    expect(verifySlackHeaders(SECRET, "a=b", headers("a=b", ts - 301), NOW)).toBe("stale_or_future_timestamp");
    expect(verifySlackHeaders(SECRET, "a=b", headers("a=b", ts + 301), NOW)).toBe("stale_or_future_timestamp");
    expect(verifySlackHeaders(SECRET, "a=b", headers("a=b", ts - 299), NOW)).toBeNull();
  });
});

describe("parseSlackBody", () => {
  it("reads events, slash commands and interactivity payloads", () => {
    expect(parseSlackBody('{"type":"event_callback"}', "application/json")).toEqual({ type: "event_callback" });
    expect(parseSlackBody("command=%2Fconvene&text=help", "application/x-www-form-urlencoded")).toEqual({ command: "/convene", text: "help" });
    expect(parseSlackBody(`payload=${encodeURIComponent('{"type":"block_actions"}')}`, "application/x-www-form-urlencoded")).toEqual({ type: "block_actions" });
  });
});

describe("idempotency keys", () => {
  it("identify a block action by time, user and control", () => {
    expect(blockActionKey("1.2", "U1", "invitation.accept:x")).toBe("action:1.2:U1:invitation.accept:x");
  });

  it("identify a view submission by view, hash and values, so a corrected resubmission is new", () => {
    const a = viewSubmissionKey({ id: "V1", hash: "h", state: { values: { a: 1 } } });
    expect(viewSubmissionKey({ id: "V1", hash: "h", state: { values: { a: 1 } } })).toBe(a);
    expect(viewSubmissionKey({ id: "V1", hash: "h", state: { values: { a: 2 } } })).not.toBe(a);
    expect(a.length).toBeLessThanOrEqual(300);
  });
});
