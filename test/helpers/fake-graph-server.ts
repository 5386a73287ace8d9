// A fake Microsoft identity platform and Microsoft Graph on loopback, in one HTTPS server:
// msal accepts only an https authority, so the server uses a self-signed certificate made
// with openssl when it starts, and Convene trusts it through GRAPH_CA_FILE. It issues
// client-credentials tokens, keeps calendar events per mailbox (deduplicating creates by
// transactionId, as Graph does), answers calendar/getSchedule from busy times a test sets per
// email, records every request, and can be switched to answer 503.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** One request as the fake saw it. */
export interface RecordedGraphRequest {
  method: string;
  path: string;
  /** Parsed JSON, or the form fields of a token request. */
  body: Record<string, unknown>;
  authorization: string | undefined;
  /** The status the fake answered with. */
  status: number;
}

/** An event as the fake holds it. */
export interface FakeEvent {
  id: string;
  mailbox: string;
  transactionId: string | undefined;
  body: Record<string, unknown>;
  cancelled: boolean;
  cancelComment: string | null;
}

/** The app registration the fake accepts. */
export interface FakeGraphApp {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

export class FakeGraphServer {
  private server!: Server;
  private dir = "";
  /** Every request, in order. */
  readonly requests: RecordedGraphRequest[] = [];
  /** Events by id. */
  readonly events = new Map<string, FakeEvent>();
  /** While true, Graph calls (not token requests) answer 503 with Retry-After: 1. */
  graphDown = false;
  /** getSchedule's busy items per email (lower case); an email not here has a free calendar. Times are ISO instants. */
  readonly busy = new Map<string, Array<{ start: string; end: string; status?: string }>>();
  /** Emails getSchedule answers with an error entry for, as Graph does for a mailbox in another tenant. */
  readonly unreadable = new Set<string>();
  private issued = 0;
  private readonly tokens = new Set<string>();
  url = "";
  /** The PEM file of the self-signed certificate, for GRAPH_CA_FILE. */
  caFile = "";

  constructor(private readonly app: FakeGraphApp) {}

  async start(): Promise<void> {
    this.dir = mkdtempSync(path.join(tmpdir(), "convene-fake-graph-"));
    const key = path.join(this.dir, "key.pem");
    this.caFile = path.join(this.dir, "cert.pem");
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", this.caFile, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore" });
    this.server = createServer({ key: readFileSync(key), cert: readFileSync(this.caFile) }, (req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections?.();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** The settings that point Convene at this fake. */
  env(mailbox: string): Record<string, string> {
    return {
      GRAPH_TENANT_ID: this.app.tenantId,
      GRAPH_CLIENT_ID: this.app.clientId,
      GRAPH_CLIENT_SECRET: this.app.clientSecret,
      GRAPH_MAILBOX: mailbox,
      GRAPH_AUTHORITY_URL: this.url,
      GRAPH_BASE_URL: `${this.url}/v1.0`,
      GRAPH_CA_FILE: this.caFile,
    };
  }

  /** Requests whose method and path match. */
  calls(method: string, pathPattern: RegExp): RecordedGraphRequest[] {
    return this.requests.filter((r) => r.method === method && pathPattern.test(r.path));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", this.url);
    const isForm = (req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded");
    let body: Record<string, unknown> = {};
    try {
      body = isForm ? Object.fromEntries(new URLSearchParams(raw)) : raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      body = {};
    }
    const record: RecordedGraphRequest = { method: req.method ?? "GET", path: url.pathname, body, authorization: req.headers.authorization, status: 0 };
    this.requests.push(record);
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { ...(json === undefined ? {} : { "content-type": "application/json" }), ...headers });
      res.end(json === undefined ? undefined : JSON.stringify(json));
    };

    const token = new RegExp(`^/${this.app.tenantId}/oauth2/v2\\.0/token$`).exec(url.pathname);
    if (req.method === "POST" && token) {
      if (body.grant_type !== "client_credentials" || body.client_id !== this.app.clientId || body.client_secret !== this.app.clientSecret) {
        return send(401, { error: "invalid_client", error_description: "AADSTS7000215: Invalid client secret provided." });
      }
      const accessToken = `fake-graph-token-${++this.issued}`;
      this.tokens.add(accessToken);
      return send(200, { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: accessToken });
    }

    const schedule = /^\/v1\.0\/users\/([^/]+)\/calendar\/getSchedule$/.exec(url.pathname);
    if (schedule && req.method === "POST") {
      if (this.graphDown) return send(503, { error: { code: "ServiceUnavailable", message: "down for the test" } }, { "retry-after": "1" });
      const bearer = req.headers.authorization?.replace(/^Bearer /, "");
      if (!bearer || !this.tokens.has(bearer)) return send(401, { error: { code: "InvalidAuthenticationToken", message: "bad token" } });
      const from = new Date(`${String((body.startTime as { dateTime?: string })?.dateTime)}Z`).getTime();
      const to = new Date(`${String((body.endTime as { dateTime?: string })?.dateTime)}Z`).getTime();
      if (!Array.isArray(body.schedules) || !Number.isFinite(from) || !Number.isFinite(to)) return send(400, { error: { code: "ErrorInvalidRequest", message: "schedules, startTime and endTime are required" } });
      // As Graph does under Prefer: outlook.timezone="UTC": wall-clock UTC with seven decimals.
      const graphTime = (iso: string) => ({ dateTime: new Date(iso).toISOString().replace(/\.\d{3}Z$/, ".0000000"), timeZone: "UTC" });
      const value = (body.schedules as string[]).map((id) => {
        if (this.unreadable.has(id.toLowerCase())) return { scheduleId: id, error: { message: "The requested user is not in this organisation.", responseCode: "ErrorMailRecipientNotFound" } };
        const items = (this.busy.get(id.toLowerCase()) ?? []).filter((b) => new Date(b.start).getTime() < to && new Date(b.end).getTime() > from);
        return { scheduleId: id, availabilityView: "", scheduleItems: items.map((b) => ({ isPrivate: false, status: b.status ?? "busy", subject: "Private appointment", start: graphTime(b.start), end: graphTime(b.end) })) };
      });
      return send(200, { value });
    }

    const m = /^\/v1\.0\/users\/([^/]+)\/events(?:\/([^/]+)(\/cancel)?)?$/.exec(url.pathname);
    if (!m) return send(404, { error: { code: "ResourceNotFound", message: "no such path" } });
    if (this.graphDown) return send(503, { error: { code: "ServiceUnavailable", message: "down for the test" } }, { "retry-after": "1" });
    const bearer = req.headers.authorization?.replace(/^Bearer /, "");
    if (!bearer || !this.tokens.has(bearer)) return send(401, { error: { code: "InvalidAuthenticationToken", message: "bad token" } });
    const mailbox = decodeURIComponent(m[1]!);
    const id = m[2] ? decodeURIComponent(m[2]) : undefined;
    if (req.method === "POST" && !id) {
      const transactionId = body.transactionId as string | undefined;
      const existing = [...this.events.values()].find((e) => e.mailbox === mailbox && transactionId && e.transactionId === transactionId);
      const event = existing ?? { id: `event-${this.events.size + 1}`, mailbox, transactionId, body, cancelled: false, cancelComment: null };
      this.events.set(event.id, event);
      return send(201, { id: event.id, subject: body.subject, onlineMeeting: { joinUrl: `https://teams.example/l/meetup-join/${event.id}` } });
    }
    const event = id ? this.events.get(id) : undefined;
    if (!event || event.mailbox !== mailbox) return send(404, { error: { code: "ErrorItemNotFound", message: "no such event" } });
    if (req.method === "PATCH" && !m[3]) {
      event.body = { ...event.body, ...body };
      return send(200, { id: event.id });
    }
    if (req.method === "POST" && m[3]) {
      event.cancelled = true;
      event.cancelComment = String(body.comment ?? "");
      return send(202);
    }
    return send(405, { error: { code: "MethodNotAllowed", message: "no" } });
  }
}
