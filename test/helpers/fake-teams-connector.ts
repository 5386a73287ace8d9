// A fake Teams connector for end-to-end tests: the serviceUrl activities carry points here.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { memberJson, type TestTeamsUser } from "./teams-activities";

/** One request the bot made to the connector. */
export interface Captured {
  method: string;
  path: string;
  body: { id?: string; attachments?: Array<{ content: unknown }>; text?: string };
}

/** A fake Teams connector on loopback: records what the bot posts and updates, and answers member lookups. */
export class FakeConnector {
  readonly captured: Captured[] = [];
  /** Every member lookup, in order: "members" (getMembers) or "member:<id>" (getMember). */
  readonly memberLookups: string[] = [];
  private server!: Server;
  /** Answer the next activity POST with this status (and Retry-After), once. */
  failNext: { status: number; retryAfter?: string; times?: number } | null = null;
  private seq = 0;
  url = "";

  constructor(private readonly members: TestTeamsUser[]) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const p = new URL(req.url ?? "/", "http://x").pathname;
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const membersMatch = /\/v3\/conversations\/[^/]+\/members(?:\/([^/]+))?$/.exec(p);
    if (req.method === "GET" && membersMatch) {
      const wanted = membersMatch[1] ? decodeURIComponent(membersMatch[1]) : null;
      this.memberLookups.push(wanted ? `member:${wanted}` : "members");
      if (!wanted) return send(200, this.members.map(memberJson));
      const m = this.members.find((u) => u.id === wanted || u.aadObjectId === wanted);
      return m ? send(200, memberJson(m)) : send(404, { error: { code: "MemberNotFoundInConversation", message: "no" } });
    }
    if (this.failNext && req.method === "POST") {
      const f = this.failNext;
      f.times = (f.times ?? 1) - 1;
      if (f.times <= 0) this.failNext = null;
      res.writeHead(f.status, { "content-type": "application/json", ...(f.retryAfter ? { "retry-after": f.retryAfter } : {}) });
      return void res.end(JSON.stringify({ error: { code: "Throttled", message: "slow down" } }));
    }
    this.captured.push({ method: req.method ?? "", path: p, body: raw ? JSON.parse(raw) : {} });
    if (req.method === "PUT") return send(200, { id: p.split("/").pop() });
    return send(201, { id: `msg-${++this.seq}` });
  }

  /**
   * Cards the bot sent as replies to an activity (POST .../activities/{replyToId}), in order.
   * Proactive posts from the outbox go to .../activities and can land at any moment, so
   * assertions about "the answer to what I just sent" read replies only.
   */
  /** The card the bot replied with to one activity (a reply posts to `/activities/<that id>`), or "{}". Unlike the last reply, a proactive post sent meanwhile cannot stand in for it. */
  replyTextTo(activityId: string): string {
    const reply = this.captured.find((c) => c.method === "POST" && c.path.endsWith(`/activities/${encodeURIComponent(activityId)}`));
    return JSON.stringify(reply?.body.attachments?.[0]?.content ?? {});
  }

  replyTexts(): string[] {
    return this.captured
      .filter((c) => c.method === "POST" && /\/activities\/[^/]+$/.test(c.path))
      .map((c) => JSON.stringify(c.body.attachments?.[0]?.content ?? {}));
  }

  /** Adaptive Card JSON of every POST/PUT, as strings, in order. */
  cardTexts(method?: string): string[] {
    return this.captured.filter((c) => !method || c.method === method).map((c) => JSON.stringify(c.body.attachments?.[0]?.content ?? {}));
  }
}

