import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createTestDb, seedCase, teamsLink, type TestDb } from "../helpers/nudge-fixtures";
import { databaseEnv } from "../helpers/test-database";

// Two dispatcher processes (the real claim store and dispatcher, compiled from the test
// fixture) share one database (an SQLite file, or PostgreSQL when CONVENE_TEST_POSTGRES_URL
// is set); a fake channel on loopback counts keys and senders. The claim (one UPDATE ...
// RETURNING; on PostgreSQL with FOR UPDATE SKIP LOCKED) must give each message to exactly
// one of them. The
// SIGKILL crash test runs the whole server instead: server-crash.test.ts.
const ROOT = path.resolve(__dirname, "../..");
// Inside this checkout (test-results/ is ignored by git), so packages still resolve from its
// node_modules; not in node_modules itself, which git worktrees may share with other branches.
const OUT = path.join(ROOT, "test-results/crash-worker");
const WORKER = path.join(OUT, "test/e2e/fixtures/crash-worker.js");

describe("two dispatcher processes on one database", () => {
  let db: TestDb;
  let fake: Server;
  let url = "";
  const received = new Map<string, number>();
  const senders = new Set<number>();

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "--outDir", OUT, "--rootDir", ".", "--module", "node16", "--moduleResolution", "node16", "--target", "ES2022", "--esModuleInterop", "--skipLibCheck", "--strict", "--types", "node", "test/e2e/fixtures/crash-worker.ts"], { cwd: ROOT });
    db = await createTestDb("convene-crash-");
    fake = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        const { key, pid } = JSON.parse(body) as { key: string; pid: number };
        senders.add(pid);
        received.set(key, (received.get(key) ?? 0) + 1);
        // A little latency widens the send→commit window, as a real platform would.
        setTimeout(() => res.end(`pm-${key}`), 2);
      });
    });
    await new Promise<void>((r) => fake.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => fake.close(() => r()));
    await db.close();
  });

  it("two dispatcher processes on one database send each message exactly once", async () => {
    received.clear();
    senders.clear();
    const env = { ...process.env, DATABASE_URL: db.url, ...databaseEnv(db.url), FAKE_CHANNEL_URL: url };
    // Both workers are polling before the rows appear, so they compete from the first row
    // even on a loaded machine (otherwise the first to start could send everything).
    const children = await Promise.all(
      [0, 1].map(
        () =>
          new Promise<ChildProcess>((resolve, reject) => {
            const child = spawn(process.execPath, [WORKER], { env, stdio: ["ignore", "pipe", "inherit"] });
            child.stdout!.once("data", () => resolve(child));
            child.once("error", reject);
          }),
      ),
    );
    await db.uow.run(async (repos) => {
      await seedCase(repos, { caseId: "c1", reference: "CS-TWO-0001", links: Array.from({ length: 10 }, (_, i) => teamsLink(`L${i}`, "c1")) });
      for (let i = 0; i < 300; i++) {
        const key = `two/d${i}/due-day/L${i % 10}`;
        await repos.outbox.enqueue({ idempotencyKey: key, channelLinkId: `L${i % 10}`, operation: "post", payload: { type: "notice", view: { title: key, text: "x" } }, availableAt: new Date(Date.now() - 1000) });
      }
    });
    const deadline = Date.now() + 30_000;
    while ((await db.prisma.outboxMessage.count({ where: { status: "pending" } })) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await Promise.all(children.map((c) => new Promise<void>((resolve) => { c.once("exit", () => resolve()); c.kill("SIGTERM"); })));
    const duplicates = [...received.values()].reduce((n, c) => n + (c - 1), 0);
    expect(received.size).toBe(300);
    expect(duplicates).toBe(0);
    // Both processes took part (the lease, not luck, kept them apart).
    expect(senders.size).toBe(2);
    expect(await db.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: "two/" }, status: "sent" } })).toBe(300);
  });
});
