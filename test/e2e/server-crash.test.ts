import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { ChannelLink } from "../../src/app/ports/channel-link";
import { createTestDb, seedCase, type TestDb } from "../helpers/nudge-fixtures";
import { databaseEnv } from "../helpers/test-database";

// The crash test the nudges issue asks for, on the real thing: the compiled server
// (dist/main.js, as `npm start` runs it), its scheduler off, its outbox dispatcher and Teams
// gateway on, posting to a fake Bot Framework connector on loopback. 200 due nudges sit in
// the outbox; the server is SIGKILLed 20 times while it sends and restarted each time.
// Every nudge must arrive. Duplicates can only come from the window between the connector
// accepting a post and the "sent" commit; the test counts them and checks each one is such
// a case (its row needed more than one attempt). With the default of 2 sends in flight, a
// kill can leave at most 2 such messages; kills here are aimed just after a post arrives,
// which is the worst case.
const ROOT = path.resolve(__dirname, "../..");
const CHANNELS = 20;
const NUDGES = 200;

describe("the real server, SIGKILLed 20 times during dispatch", () => {
  let db: TestDb;
  let connector: Server;
  let connectorUrl = "";
  const received = new Map<string, number>();
  let activityId = 0;

  beforeAll(async () => {
    db = await createTestDb("convene-server-crash-");
    // A Bot Framework connector: POST /v3/conversations/{id}/activities answers {id}.
    connector = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        if (req.method === "POST" && /\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? "")) {
          const activity = JSON.parse(body) as { attachments?: { content?: { body?: { text?: string }[] } }[] };
          const title = activity.attachments?.[0]?.content?.body?.[0]?.text ?? "?";
          received.set(title, (received.get(title) ?? 0) + 1);
          // A little latency, as a real connector has, widens the send-to-commit window.
          setTimeout(() => {
            res.writeHead(200, { "content-type": "application/json" });
            res.end(JSON.stringify({ id: `act-${++activityId}` }));
          }, 3);
          return;
        }
        res.writeHead(200, { "content-type": "application/json" });
        res.end("{}");
      });
    });
    await new Promise<void>((r) => connector.listen(0, "127.0.0.1", r));
    connectorUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}`;

    const links: ChannelLink[] = Array.from({ length: CHANNELS }, (_, i) => ({
      id: `L${i}`,
      caseId: "c1",
      platform: "teams",
      conversationId: `19:crash-${i}@thread.tacv2`,
      conversationRef: JSON.stringify({
        channelId: "msteams",
        serviceUrl: connectorUrl,
        bot: { id: "28:convene", name: "Convene" },
        conversation: { id: `19:crash-${i}@thread.tacv2`, conversationType: "channel", tenantId: "t1", isGroup: true },
      }),
    }));
    await db.uow.run(async (repos) => {
      await seedCase(repos, { caseId: "c1", reference: "CS-CRASH-0001", links });
      for (let i = 0; i < NUDGES; i++) {
        const key = `deadline/d${i}/due-day/L${i % CHANNELS}`;
        await repos.outbox.enqueue({
          idempotencyKey: key,
          channelLinkId: `L${i % CHANNELS}`,
          operation: "post",
          payload: { type: "notice", view: { title: `nudge ${i}`, text: "Initial child protection conference due today." } },
          availableAt: new Date(Date.now() - 1000),
        });
      }
    });
  });

  afterAll(async () => {
    await new Promise<void>((r) => connector.close(() => r()));
    await db.close();
  });

  const env = () => ({
    PATH: process.env.PATH,
    PORT: "0",
    DATABASE_URL: db.url,
    ...databaseEnv(db.url), // the audit key PostgreSQL requires
    CONVENE_SCHEDULER: "off",
    // A dead process's claims come back after 1 s instead of 30 s, so 20 kills fit in a test.
    CONVENE_OUTBOX_LEASE_MS: "1000",
    LOG_LEVEL: "info", // the test waits for the "Convene is listening" line
  });

  const start = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(ROOT, "dist/main.js")], { env: env(), stdio: ["ignore", "pipe", "pipe"] });
      const timer = setTimeout(() => reject(new Error("server did not start")), 20_000);
      let out = "";
      child.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("Convene is listening")) {
          clearTimeout(timer);
          resolve(child);
        }
      });
      child.once("error", reject);
    });
  const kill = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });

  it("delivers every nudge; duplicates only where a send was never recorded", async () => {
    let kills = 0;
    for (; kills < 20; kills++) {
      const child = await start();
      // Wait until this life has sent something (or all is done), then kill at a random moment.
      const seen = [...received.values()].reduce((a, b) => a + b, 0);
      const until = Date.now() + 5_000;
      while ([...received.values()].reduce((a, b) => a + b, 0) === seen && received.size < NUDGES && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 2));
      }
      await new Promise((r) => setTimeout(r, Math.random() * 80));
      await kill(child);
    }
    const last = await start();
    const until = Date.now() + 60_000;
    while ((await db.prisma.outboxMessage.count({ where: { status: "pending" } })) > 0 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await kill(last);

    const duplicated = [...received.entries()].filter(([, n]) => n > 1);
    const duplicates = duplicated.reduce((n, [, c]) => n + c - 1, 0);
    // eslint-disable-next-line no-console
    console.log(`server crash test: ${kills} SIGKILLs, ${received.size}/${NUDGES} delivered, ${duplicates} duplicate(s)`);

    expect(received.size).toBe(NUDGES);
    expect(await db.prisma.outboxMessage.count({ where: { status: "sent" } })).toBe(NUDGES);
    // A duplicate is explained only if its first send was never recorded: the row was claimed
    // again after its lease lapsed, so it took more than one attempt.
    for (const [title] of duplicated) {
      const i = Number(title.replace("nudge ", ""));
      const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `deadline/d${i}/due-day/L${i % CHANNELS}` } });
      expect(row.attempts).toBeGreaterThan(1);
    }
  }, 240_000);
});
