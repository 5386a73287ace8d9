import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// Slack test payloads (slash commands, block actions, view submissions, events), the request
// signer, and a fake Slack Web API on loopback. One file per channel, as for Teams.

/** A Slack user in tests. */
export interface TestSlackUser {
  id: string;
  name: string;
  email: string | null;
  teamId: string;
  isBot?: boolean;
}

/** The workspace and channel a test talks in. */
export interface SlackTestContext {
  teamId: string;
  channelId: string;
}

let seq = 0;
/** A fresh id with a prefix (trigger ids, action timestamps, event ids). */
export function nextSlackId(prefix: string): string {
  seq += 1;
  return `${prefix}${Date.now().toString(36)}${seq}`;
}

/** Slack's v0 signature of `body` at `timestamp` (seconds): `v0=hex(hmac_sha256(secret, "v0:ts:body"))`. */
export function signSlackRequest(secret: string, body: string, timestamp: number): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** A request ready to POST to /slack/events. */
export interface SlackRequest {
  body: string;
  contentType: "application/json" | "application/x-www-form-urlencoded";
}

/** Headers for a signed request, plus any extra (e.g. X-Slack-Retry-Num). */
export function signedHeaders(secret: string, req: SlackRequest, timestamp: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "content-type": req.contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": signSlackRequest(secret, req.body, timestamp),
    ...extra,
  };
}

/** `/convene <text>` as Slack posts it. */
export function slashCommand(ctx: SlackTestContext, user: TestSlackUser, text: string, triggerId = nextSlackId("trig.")): SlackRequest {
  const form = new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: ctx.teamId,
    team_domain: "example",
    channel_id: ctx.channelId,
    channel_name: "case-channel",
    user_id: user.id,
    // Deliberately misleading: Convene must take names from users.info, never from here.
    user_name: "someone-else",
    command: "/convene",
    text,
    api_app_id: "A0CONVENE",
    response_url: "http://127.0.0.1:9/commands/response",
    trigger_id: triggerId,
  });
  return { body: form.toString(), contentType: "application/x-www-form-urlencoded" };
}

function interactive(payload: object): SlackRequest {
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: "application/x-www-form-urlencoded" };
}

/** A click on a button (or a pick in a select) in a message. */
export function blockAction(
  ctx: SlackTestContext,
  user: TestSlackUser,
  action: { actionId: string; value?: string; selectedUser?: string; blockId?: string },
  opts: { actionTs?: string; triggerId?: string; messageTs?: string; messageBlocks?: unknown[] } = {},
): SlackRequest {
  const actionTs = opts.actionTs ?? `${1_800_000_000 + ++seq}.000100`;
  const element = action.selectedUser
    ? { type: "users_select", action_id: action.actionId, block_id: action.blockId ?? "b", selected_user: action.selectedUser, action_ts: actionTs }
    : { type: "button", action_id: action.actionId, block_id: action.blockId ?? "b", value: action.value ?? "", action_ts: actionTs, text: { type: "plain_text", text: "x" } };
  return interactive({
    type: "block_actions",
    api_app_id: "A0CONVENE",
    team: { id: ctx.teamId, domain: "example" },
    user: { id: user.id, username: "someone-else", name: "someone-else", team_id: user.teamId },
    channel: { id: ctx.channelId, name: "case-channel" },
    container: { type: "message", channel_id: ctx.channelId, message_ts: opts.messageTs ?? "1.0", is_ephemeral: false },
    message: { type: "message", ts: opts.messageTs ?? "1.0", blocks: opts.messageBlocks ?? [] },
    trigger_id: opts.triggerId ?? nextSlackId("trig."),
    response_url: "http://127.0.0.1:9/actions/response",
    actions: [element],
  });
}

/** One element's state in a view submission. */
export type TestStateValue =
  | { type: "plain_text_input"; value: string | null }
  | { type: "number_input"; value: string | null }
  | { type: "datepicker"; selected_date: string | null }
  | { type: "timepicker"; selected_time: string | null }
  | { type: "users_select"; selected_user: string | null }
  | { type: "static_select"; selected_option: { value: string } | null }
  | { type: "checkboxes"; selected_options: { value: string }[] };

/** An opened modal, as the fake's views.open returns it. */
export interface OpenedView {
  id: string;
  hash: string;
  callback_id?: string;
  private_metadata?: string;
  title?: { text: string };
  blocks: Array<{ type: string; block_id?: string; element?: { type: string; action_id: string } }>;
}

/**
 * State for a modal submission from flat values keyed by block id, shaped by each block's
 * element type as Slack would send it. Blocks without a value are sent empty.
 */
export function stateFor(view: OpenedView, values: Record<string, string | undefined>): Record<string, Record<string, TestStateValue>> {
  const state: Record<string, Record<string, TestStateValue>> = {};
  for (const b of view.blocks) {
    if (b.type !== "input" || !b.block_id || !b.element) continue;
    const v = values[b.block_id];
    const el = b.element;
    let s: TestStateValue;
    switch (el.type) {
      case "datepicker":
        s = { type: "datepicker", selected_date: v ?? null };
        break;
      case "timepicker":
        s = { type: "timepicker", selected_time: v ?? null };
        break;
      case "users_select":
        s = { type: "users_select", selected_user: v ?? null };
        break;
      case "static_select":
        s = { type: "static_select", selected_option: v ? { value: v } : null };
        break;
      case "checkboxes":
        s = { type: "checkboxes", selected_options: v === "true" ? [{ value: "true" }] : [] };
        break;
      case "number_input":
        s = { type: "number_input", value: v ?? null };
        break;
      default:
        s = { type: "plain_text_input", value: v ?? null };
    }
    state[b.block_id] = { [el.action_id]: s };
  }
  return state;
}

/** A modal's submission. */
export function viewSubmission(ctx: SlackTestContext, user: TestSlackUser, view: OpenedView, values: Record<string, string | undefined>): SlackRequest {
  return interactive({
    type: "view_submission",
    api_app_id: "A0CONVENE",
    team: { id: ctx.teamId, domain: "example" },
    user: { id: user.id, username: "someone-else", name: "someone-else", team_id: user.teamId },
    trigger_id: nextSlackId("trig."),
    view: {
      id: view.id,
      hash: view.hash,
      type: "modal",
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      team_id: ctx.teamId,
      blocks: view.blocks,
      state: { values: stateFor(view, values) },
    },
  });
}

/** An Events API `app_home_opened`: the person opened the app's Home (`tab` "home") or Messages tab. */
export function appHomeOpened(teamId: string, user: TestSlackUser, opts: { tab?: "home" | "messages"; channel?: string; eventId?: string } = {}): SlackRequest {
  const ts = `${1_800_000_000 + ++seq}.000300`;
  return {
    contentType: "application/json",
    body: JSON.stringify({
      token: "deprecated-verification-token",
      team_id: teamId,
      api_app_id: "A0CONVENE",
      type: "event_callback",
      event_id: opts.eventId ?? nextSlackId("Ev"),
      event_time: 1_800_000_000,
      event: { type: "app_home_opened", user: user.id, channel: opts.channel ?? "D0HOME", tab: opts.tab ?? "home", event_ts: ts },
    }),
  };
}

/** A click on a button in the app's Home tab: Slack sends no channel, only the view it came from. */
export function homeBlockAction(teamId: string, user: TestSlackUser, action: { actionId: string; value?: string }, view: { id?: string; callback_id?: string; blocks?: unknown[] } = {}): SlackRequest {
  const actionTs = `${1_800_000_000 + ++seq}.000100`;
  const viewId = view.id ?? "VHOME";
  return interactive({
    type: "block_actions",
    api_app_id: "A0CONVENE",
    team: { id: teamId, domain: "example" },
    user: { id: user.id, username: "someone-else", name: "someone-else", team_id: user.teamId },
    container: { type: "view", view_id: viewId },
    view: { id: viewId, type: "home", callback_id: view.callback_id ?? "", hash: "1.home", blocks: view.blocks ?? [], state: { values: {} } },
    trigger_id: nextSlackId("trig."),
    actions: [{ type: "button", action_id: action.actionId, block_id: "b", value: action.value ?? "", action_ts: actionTs, text: { type: "plain_text", text: "x" } }],
  });
}

/** An Events API `app_mention`. */
export function appMention(ctx: SlackTestContext, user: TestSlackUser, text: string, eventId = nextSlackId("Ev")): SlackRequest {
  const ts = `${1_800_000_000 + ++seq}.000200`;
  return {
    contentType: "application/json",
    body: JSON.stringify({
      token: "deprecated-verification-token",
      team_id: ctx.teamId,
      api_app_id: "A0CONVENE",
      type: "event_callback",
      event_id: eventId,
      event_time: 1_800_000_000,
      event: { type: "app_mention", user: user.id, text: `<@UBOT> ${text}`, ts, channel: ctx.channelId, event_ts: ts },
    }),
  };
}

/** One call the fake Slack Web API received. */
export interface SlackApiCall {
  method: string;
  args: Record<string, unknown>;
}

/** A scripted failure for the next call of a method. */
export interface ScriptedFailure {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * A fake Slack Web API on loopback: answers auth.test, chat.postMessage, chat.update,
 * chat.postEphemeral, views.open, views.publish and users.info like Slack does, and records every call.
 * Point SLACK_API_URL at `apiUrl`.
 */
export class FakeSlackWebApi {
  readonly calls: SlackApiCall[] = [];
  private readonly users = new Map<string, TestSlackUser>();
  private readonly failures = new Map<string, ScriptedFailure[]>();
  private server!: Server;
  private counter = 0;
  /** e.g. http://127.0.0.1:PORT/api/ */
  apiUrl = "";
  /** Delay before answering chat.postMessage (recorded on arrival): widens the window a crash can fall into, as a real platform's latency does. */
  postLatencyMs = 0;

  constructor(
    users: TestSlackUser[] = [],
    private readonly teamId = "T0CASE",
  ) {
    for (const u of users) this.users.set(u.id, u);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    this.apiUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections?.();
    return new Promise((r) => this.server.close(() => r()));
  }

  /** The next call of `method` fails with this HTTP status and body. */
  failNext(method: string, failure: ScriptedFailure): void {
    const list = this.failures.get(method) ?? [];
    list.push(failure);
    this.failures.set(method, list);
  }

  /** Calls of one method, in order. */
  callsOf(method: string): SlackApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The last view opened (views.open), with the id and hash the fake gave it. */
  lastOpenedView(): OpenedView {
    const call = this.callsOf("views.open").at(-1);
    if (!call) throw new Error("no views.open call");
    return call.args.view as OpenedView;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const method = new URL(req.url ?? "/", "http://x").pathname.replace(/^\/api\//, "");
    let args: Record<string, unknown> = {};
    if ((req.headers["content-type"] ?? "").includes("application/json")) args = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    else {
      for (const [k, v] of new URLSearchParams(raw)) {
        // The WebClient form-encodes nested arguments as JSON strings.
        if (v.startsWith("[") || v.startsWith("{")) {
          try {
            args[k] = JSON.parse(v);
            continue;
          } catch {
            // not JSON after all
          }
        }
        args[k] = v;
      }
    }
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    const failure = this.failures.get(method)?.shift();
    this.calls.push({ method, args });
    if (failure) return send(failure.status, failure.body, failure.headers);
    const n = ++this.counter;
    switch (method) {
      case "auth.test":
        return send(200, { ok: true, url: "https://example.slack.com/", team: "Example", user: "convene", team_id: this.teamId, user_id: "UBOT", bot_id: "BBOT" });
      case "chat.postMessage":
        if (this.postLatencyMs) await new Promise((r) => setTimeout(r, this.postLatencyMs));
        return send(200, { ok: true, channel: args.channel, ts: `1800000000.${String(n).padStart(6, "0")}`, message: { text: args.text } });
      case "chat.update":
        return send(200, { ok: true, channel: args.channel, ts: args.ts, text: args.text });
      case "chat.postEphemeral":
        return send(200, { ok: true, message_ts: `1800000000.${String(n).padStart(6, "0")}` });
      case "views.publish": {
        const view = { ...(args.view as object), id: `VHOME${String(args.user_id)}`, hash: `${n}.hash` };
        args.view = view;
        return send(200, { ok: true, view });
      }
      case "views.open": {
        const view = { ...(args.view as object), id: `V${n}`, hash: `${n}.hash` };
        args.view = view;
        return send(200, { ok: true, view });
      }
      case "users.info": {
        const u = this.users.get(String(args.user));
        if (!u) return send(200, { ok: false, error: "user_not_found" });
        return send(200, {
          ok: true,
          user: { id: u.id, team_id: u.teamId, name: u.name.toLowerCase().replace(/\s+/g, "."), real_name: u.name, is_bot: Boolean(u.isBot), profile: { display_name: u.name, real_name: u.name, ...(u.email ? { email: u.email } : {}) } },
        });
      }
      default:
        return send(200, { ok: false, error: "unknown_method" });
    }
  }
}
