import { parseSlackBody, verifySlackHeaders } from "../../../../src/channels/slack/slack-http-receiver";
import { parseConveneText, stripMentions } from "../../../../src/channels/slack/convene-command.parser";
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

describe("parseConveneText", () => {
  it.each([
    ["link CS-2026-0142", { verb: "link", caseRef: "CS-2026-0142" }],
    ["strategy CS-1", { verb: "convene", kind: "strategy-discussion", caseRef: "CS-1" }],
    ["core-group CS-1", { verb: "convene", kind: "core-group", caseRef: "CS-1" }],
    ["ICPC CS-1", { verb: "convene", kind: "icpc", caseRef: "CS-1" }],
    ["review CS-1", { verb: "convene", kind: "review-conference", caseRef: "CS-1" }],
    ["deadlines CS-1", { verb: "deadlines", caseRef: "CS-1" }],
    ["deadlines", { verb: "deadlines", caseRef: undefined }],
    ["referral CS-1 2026-11-20", { verb: "case-event", event: "referral", caseRef: "CS-1", date: "2026-11-20" }],
    ["transfer-in CS-1 2026-12-01", { verb: "case-event", event: "transfer-in", caseRef: "CS-1", date: "2026-12-01" }],
    ["transfer-in CS-1", { verb: "convene", kind: "transfer-in-conference", caseRef: "CS-1" }],
    ["transfer-in", { verb: "help" }],
    ["dob CS-1 2010-05-14", { verb: "case-event", event: "date-of-birth", caseRef: "CS-1", date: "2010-05-14" }],
    ["Date-of-birth CS-1 2010-05-14", { verb: "case-event", event: "date-of-birth", caseRef: "CS-1", date: "2010-05-14" }],
    ["referral CS-1", { verb: "case-event", event: "referral", caseRef: "CS-1", date: "" }],
    ["dob", { verb: "case-event", event: "date-of-birth", caseRef: "", date: "" }],
    ["link", { verb: "help" }],
    ["", { verb: "help" }],
    ["nonsense words", { verb: "help" }],
  ])("%s", (text, expected) => {
    expect(parseConveneText(text)).toEqual(expected);
  });

  it("strips mentions from app_mention text", () => {
    expect(stripMentions("<@UBOT> link CS-1")).toBe("link CS-1");
    expect(stripMentions("<@UBOT|convene>  help")).toBe("help");
  });
});

describe("idempotency keys", () => {
  it("identify a block action by time, user and control", () => {
    expect(blockActionKey("1.2", "U1", "invite_accept:x")).toBe("action:1.2:U1:invite_accept:x");
  });

  it("identify a view submission by view, hash and values, so a corrected resubmission is new", () => {
    const a = viewSubmissionKey({ id: "V1", hash: "h", state: { values: { a: 1 } } });
    expect(viewSubmissionKey({ id: "V1", hash: "h", state: { values: { a: 1 } } })).toBe(a);
    expect(viewSubmissionKey({ id: "V1", hash: "h", state: { values: { a: 2 } } })).not.toBe(a);
    expect(a.length).toBeLessThanOrEqual(300);
  });
});
