import type { IncomingMessage, ServerResponse } from "node:http";
import { verifySlackRequest, type App as BoltApp, type Receiver, type ReceiverEvent } from "@slack/bolt";
import type { Clock } from "../../domain/shared/clock";
import { readBody, sendJson } from "../../server/http-router";
import { slackEnvelopeKind } from "./slack-envelope";

/** Slack's replay window: requests signed longer ago (or further ahead) than this are refused. */
export const SLACK_MAX_SKEW_SECONDS = 5 * 60;

/** Minimal logger (pino's shape). Never given bodies: they hold case content. */
export interface ReceiverLogger {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

/** Options of {@link SlackHttpReceiver}. */
export interface SlackHttpReceiverOptions {
  signingSecret: string;
  /** Time for the replay window; the server's injected clock, so tests sign with it. */
  clock: Clock;
  logger: ReceiverLogger;
  /** Largest body accepted; Slack's payloads are far smaller. Default 1 MiB. */
  bodyLimit?: number;
}

/** Why a request was refused before it reached the app (for tests and logs; never sent to the caller). */
export type VerifyFailure = "missing_headers" | "stale_or_future_timestamp" | "bad_signature";

/**
 * Verifies a Slack request: both headers present, the timestamp within five minutes of
 * `nowMs` either way, and the v0 HMAC signature (Bolt's `verifySlackRequest`, which compares
 * in constant time). Returns null when valid.
 */
export function verifySlackHeaders(signingSecret: string, rawBody: string, headers: IncomingMessage["headers"], nowMs: number): VerifyFailure | null {
  const signature = headers["x-slack-signature"];
  const tsHeader = headers["x-slack-request-timestamp"];
  if (typeof signature !== "string" || typeof tsHeader !== "string" || !/^\d{1,12}$/.test(tsHeader)) return "missing_headers";
  const ts = Number(tsHeader);
  if (Math.abs(Math.floor(nowMs / 1000) - ts) > SLACK_MAX_SKEW_SECONDS) return "stale_or_future_timestamp";
  try {
    verifySlackRequest({ signingSecret, body: rawBody, headers: { "x-slack-signature": signature, "x-slack-request-timestamp": ts }, nowMilliseconds: nowMs });
    return null;
  } catch {
    return "bad_signature";
  }
}

/** Parses an Events API (JSON), slash command (form) or interactivity (form with `payload`) body. Throws on bad JSON. */
export function parseSlackBody(rawBody: string, contentType: string | undefined): unknown {
  if (contentType?.startsWith("application/json")) return JSON.parse(rawBody) as unknown;
  const form = new URLSearchParams(rawBody);
  const payload = form.get("payload");
  if (payload !== null) return JSON.parse(payload) as unknown;
  return Object.fromEntries(form.entries());
}

/**
 * A transport-only Bolt receiver mounted on Convene's own node:http server (bolt-js style:
 * the receiver authenticates and acks, listeners decide). It differs from Bolt's
 * HTTPReceiver in two ways: time comes from the injected clock, and the response is sent
 * after the listener finishes (Bolt's `processBeforeResponse`), because view submissions
 * must answer with `response_action: "errors"` in the HTTP body and the listeners here
 * only touch the local database and a few fast Web API calls.
 */
export class SlackHttpReceiver implements Receiver {
  private bolt: BoltApp | null = null;

  constructor(private readonly options: SlackHttpReceiverOptions) {}

  /** Called by Bolt's App constructor. */
  init(app: BoltApp): void {
    this.bolt = app;
  }

  /** Nothing to start: the Convene server owns the socket. */
  async start(): Promise<void> {}

  /** Nothing to stop: the Convene server owns the socket. */
  async stop(): Promise<void> {}

  /** The route handler for POST /slack/events. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req, this.options.bodyLimit ?? 1024 * 1024);
    const failure = verifySlackHeaders(this.options.signingSecret, rawBody, req.headers, this.options.clock.now().getTime());
    if (failure) {
      this.options.logger.warn({ reason: failure }, "slack request refused");
      return sendJson(res, 401, { error: "invalid_request" });
    }
    let parsed: unknown;
    try {
      parsed = parseSlackBody(rawBody, req.headers["content-type"]);
    } catch {
      return sendJson(res, 400, { error: "malformed_body" });
    }
    // payload=null, a non-object event, actions that are not a list: 400 here, before Bolt
    // or a listener dereferences them (which answered 500).
    const kind = slackEnvelopeKind(parsed);
    if (!kind) {
      this.options.logger.warn({ reason: "malformed_envelope" }, "slack request refused");
      return sendJson(res, 400, { error: "malformed_body" });
    }
    const body = parsed as Record<string, unknown>;
    if (kind === "ssl_check") return void res.writeHead(200).end();
    if (kind === "url_verification") return sendJson(res, 200, { challenge: body.challenge });
    // A kind Convene has no listener for (view_closed, shortcuts...): acknowledged, no effect.
    if (kind === "other") return void res.writeHead(200).end();
    if (!this.bolt) throw new Error("SlackHttpReceiver used before Bolt initialised it");

    let acked = false;
    let stored: unknown;
    const retry = req.headers["x-slack-retry-num"];
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => {
        if (acked) return; // Bolt may ack events itself; a second ack is harmless here.
        acked = true;
        stored = response;
      },
      ...(typeof retry === "string" ? { retryNum: Number.parseInt(retry, 10) } : {}),
      ...(typeof req.headers["x-slack-retry-reason"] === "string" ? { retryReason: req.headers["x-slack-retry-reason"] } : {}),
    };
    try {
      await this.bolt.processEvent(event);
    } catch (err) {
      // Listeners answer users themselves; reaching here is a bug or an outage. Slack retries
      // events on 5xx, and the app's idempotency keys make the retry safe.
      this.options.logger.error({ err: { message: (err as Error).message, code: (err as { code?: string }).code } }, "slack listener failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal_error" });
      return;
    }
    if (res.headersSent) return;
    if (!acked) return sendJson(res, 404, { error: "unhandled" });
    if (stored === undefined || stored === "") return void res.writeHead(200).end();
    if (typeof stored === "string") {
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      return void res.end(stored);
    }
    sendJson(res, 200, stored);
  }
}
