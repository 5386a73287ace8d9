import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import type { RunningServer } from "../../../src/server/start-server";
import { startTestServer } from "../../helpers/e2e-server";
import { fixedClock } from "../../../src/domain/shared/clock";
import { ActionId } from "../../../src/app/conversation/action-id";
import { FakeConnector } from "../../helpers/fake-teams-connector";
import { actionActivity, messageActivity, type TestTeamsUser } from "../../helpers/teams-activities";
import { FakeSlackWebApi, signedHeaders, type SlackRequest, type TestSlackUser } from "../../helpers/slack-requests";

// Security review, item 4: fuzzing gave 5xx. Both endpoints get malformed input built from
// real shapes (Teams activities with missing or mistyped fields, Slack payload=null, a
// non-object event, broken block_actions and view submissions, plus raw junk). Every answer
// must be a 2xx with a polite reply or a 4xx, never a 5xx; and the process must not crash
// (a crash would fail every later request, and the server must still be healthy at the end).

const SECRET = "fuzz-signing-secret-0123456789";
const TEAM = "T0FUZZ";
const CHANNEL = "C0FUZZ";
const sw: TestTeamsUser = { id: "29:sw", aadObjectId: "aad-sw-1", name: "Sam Okafor", email: "sam@la.example" };
const slackSw: TestSlackUser = { id: "U0SW", name: "Sam Okafor", email: "sam@la.example", teamId: TEAM };
const RUNS_PER_PROPERTY = 350; // 6 properties: 2,100 requests

const words = ["link", "strategy", "convene", "core-group", "icpc", "review", "transfer-in", "referral", "dob", "deadlines", "help", "CS-2026-0142", "2026-11-20", "2099-02-30", "x".repeat(300), "\u202e", ""];
const command = fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 20 })), { maxLength: 5 }).map((w) => w.join(" "));
const actionIds = [...Object.values(ActionId), "nope", "", "meeting.refresh:x"];
/** Any JSON value, kept small so 2,000 requests stay quick. */
const junk = fc.jsonValue({ maxDepth: 3 });
const fieldValue = fc.oneof(junk, fc.string({ maxLength: 40 }), fc.constantFrom("CS-2026-0142", "inv-1", "m-1", "d-1", "2026-11-30", "10:00"));
const data = fc.dictionary(fc.oneof(fc.constantFrom("caseRef", "invitationId", "meetingId", "deadlineId", "reason", "delegate", "concern", "date", "time", "kind"), fc.string({ maxLength: 10 })), fieldValue, { maxKeys: 6 });

/** Overrides applied to a valid object: each key deleted or replaced with junk. */
function mutate<T extends Record<string, unknown>>(keys: string[]): fc.Arbitrary<(o: T) => T> {
  return fc.array(fc.tuple(fc.constantFrom(...keys), fc.option(junk, { nil: undefined })), { maxLength: 3 }).map((edits) => (o: T) => {
    const copy: Record<string, unknown> = structuredClone(o);
    for (const [k, v] of edits) {
      if (v === undefined) delete copy[k];
      else copy[k] = v;
    }
    return copy as T;
  });
}

describe("fuzzing both endpoints (fast-check)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-fuzz-"));
  const clock = fixedClock("2026-11-23T09:00:00Z");
  let server: RunningServer;
  let connector: FakeConnector;
  let slack: FakeSlackWebApi;
  const statuses = new Map<number, number>();
  let total = 0;

  beforeAll(async () => {
    connector = new FakeConnector([sw]);
    await connector.start();
    slack = new FakeSlackWebApi([slackSw], TEAM);
    await slack.start();
    server = await startTestServer(dir, "fuzz", clock, { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: "xoxb-fuzz", SLACK_API_URL: slack.apiUrl });
  });
  afterAll(async () => {
    await server.close();
    await connector.stop();
    await slack.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const record = (status: number) => {
    total += 1;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    return status;
  };
  const teams = async (body: string) => {
    const res = await fetch(`${server.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body });
    await res.arrayBuffer();
    return record(res.status);
  };
  const slackPost = async (req: SlackRequest) => {
    const headers = signedHeaders(SECRET, req, Math.floor(clock.now().getTime() / 1000));
    const res = await fetch(`${server.url}/slack/events`, { method: "POST", headers, body: req.body });
    await res.arrayBuffer();
    return record(res.status);
  };
  const ok = (status: number) => status < 500;
  const ctx = () => ({ serviceUrl: connector.url, conversationId: "19:fuzz@thread.tacv2" });

  it("Teams messages with missing or mistyped fields", async () => {
    const keys = ["type", "id", "from", "conversation", "recipient", "text", "entities", "channelData", "serviceUrl", "timestamp", "channelId"];
    await fc.assert(
      fc.asyncProperty(command, mutate(keys), async (text, edit) => ok(await teams(JSON.stringify(edit(messageActivity(ctx(), sw, text) as never))))),
      { numRuns: RUNS_PER_PROPERTY },
    );
  });

  it("Teams card actions with any verb and any data, and raw junk bodies", async () => {
    const keys = ["value", "name", "from", "conversation", "replyToId", "type"];
    const invoke = fc.tuple(fc.constantFrom(...actionIds), data, mutate(keys)).map(([verb, d, edit]) => JSON.stringify(edit(actionActivity(ctx(), sw, verb, d) as never)));
    const valueJunk = fc.tuple(junk).map(([v]) => JSON.stringify({ ...actionActivity(ctx(), sw, ActionId.Accept, {}), value: v }));
    const raw = fc.oneof(junk.map((j) => JSON.stringify(j)), fc.string({ maxLength: 60 }));
    await fc.assert(fc.asyncProperty(fc.oneof(invoke, valueJunk, raw), async (body) => ok(await teams(body))), { numRuns: RUNS_PER_PROPERTY });
  });

  const form = (fields: Record<string, unknown>): SlackRequest => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) params.set(k, typeof v === "string" ? v : JSON.stringify(v));
    return { body: params.toString(), contentType: "application/x-www-form-urlencoded" };
  };

  it("Slack slash commands with any text and missing or odd fields", async () => {
    const base = { team_id: TEAM, channel_id: CHANNEL, user_id: slackSw.id, command: "/convene", trigger_id: "trig.1", api_app_id: "A0", response_url: "http://127.0.0.1:9/r" };
    await fc.assert(
      fc.asyncProperty(command, fc.string({ maxLength: 12 }), mutate(["team_id", "channel_id", "user_id", "command", "trigger_id", "text"]), async (text, trig, edit) =>
        ok(await slackPost(form(edit({ ...base, text, trigger_id: `trig.${trig}` } as never)))),
      ),
      { numRuns: RUNS_PER_PROPERTY },
    );
  });

  it("Slack interactivity: payload=null, junk payloads, malformed block_actions", async () => {
    const action = fc.record({ action_id: fc.oneof(fc.constantFrom(...actionIds).map((a) => `${a}:x`), fc.string({ maxLength: 20 }), junk), action_ts: fc.oneof(fc.constant("1.2"), junk), value: fc.oneof(fc.string({ maxLength: 20 }), junk), selected_user: fc.option(fc.constantFrom(slackSw.id, "U0NOBODY"), { nil: undefined }) }, { requiredKeys: [] });
    const blockActions = fc.tuple(fc.oneof(fc.array(action, { maxLength: 2 }), junk), mutate(["user", "channel", "container", "team", "trigger_id", "actions", "message"])).map(([actions, edit]) =>
      form({ payload: edit({ type: "block_actions", user: { id: slackSw.id }, team: { id: TEAM }, channel: { id: CHANNEL }, container: { type: "message", channel_id: CHANNEL }, trigger_id: "trig.x", actions } as never) }),
    );
    const payloads = fc.oneof(
      fc.constant(form({ payload: "null" })),
      fc.constantFrom("", "{", "[]", "1", "\"x\"", "true").map((p) => form({ payload: p })),
      junk.map((p) => form({ payload: p })),
      fc.tuple(fc.constantFrom("block_actions", "view_submission", "view_closed", "shortcut", "message_action", "block_suggestion"), junk).map(([type, rest]) => form({ payload: { ...(typeof rest === "object" && rest && !Array.isArray(rest) ? rest : {}), type } })),
      blockActions,
    );
    await fc.assert(fc.asyncProperty(payloads, async (req) => ok(await slackPost(req))), { numRuns: RUNS_PER_PROPERTY });
  });

  it("Slack view submissions with broken views, metadata and state", async () => {
    const view = fc.record({
      id: fc.oneof(fc.constant("V1"), junk),
      hash: fc.oneof(fc.constant("1.h"), junk),
      callback_id: fc.oneof(fc.constantFrom(...actionIds), junk),
      private_metadata: fc.oneof(fc.constant(JSON.stringify({ channelId: CHANNEL, caseRef: "CS-2026-0142" })), fc.string({ maxLength: 30 }), junk.map((j) => JSON.stringify(j))),
      blocks: fc.oneof(fc.constant([{ type: "input", block_id: "b1" }]), junk),
      state: fc.oneof(fc.record({ values: fc.dictionary(fc.string({ maxLength: 6 }), fc.dictionary(fc.string({ maxLength: 6 }), junk, { maxKeys: 2 }), { maxKeys: 3 }) }), junk),
    }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(view, mutate(["user", "team", "view"]), async (v, edit) => ok(await slackPost(form({ payload: edit({ type: "view_submission", user: { id: slackSw.id }, team: { id: TEAM }, view: v } as never) })))),
      { numRuns: RUNS_PER_PROPERTY },
    );
  });

  it("Slack Events API bodies: non-object events, odd types, junk JSON", async () => {
    const event = fc.oneof(junk, fc.record({ type: fc.oneof(fc.constantFrom("app_mention", "message", "url_verification"), junk), user: fc.oneof(fc.constant(slackSw.id), junk), text: fc.oneof(command, junk), channel: fc.oneof(fc.constant(CHANNEL), junk), ts: fc.oneof(fc.constant("1.1"), junk) }, { requiredKeys: [] }));
    const body = fc.tuple(event, mutate(["type", "event", "event_id", "team_id", "challenge"])).map(([e, edit]) =>
      JSON.stringify(edit({ type: "event_callback", team_id: TEAM, event_id: "Ev1", event: e } as never)),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(body, junk.map((j) => JSON.stringify(j)), fc.string({ maxLength: 40 })), async (b) => ok(await slackPost({ body: b, contentType: "application/json" }))),
      { numRuns: RUNS_PER_PROPERTY },
    );
  });

  it("answered at least 2,000 fuzzed requests without a 5xx, and is still healthy", async () => {
    expect(total).toBeGreaterThanOrEqual(2000);
    // Not all refused at the door: a good share reached the conversation and got a reply.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(300);
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
