import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { PLAYGROUND_USERS } from "../../src/channels/playground/playground-users";
import { connectPostgres } from "../../src/store/postgres-connection";
import { messageActivity, type TestTeamsUser } from "../helpers/teams-activities";
import { TEST_AUDIT_KEY, TEST_POSTGRES_URL } from "../helpers/test-database";

// The database goes away under a running server (a PostgreSQL restart or failover) and comes
// back. The real process (dist/main.js) must stay up, /healthz must say 503 promptly while the
// database is unreachable (a load balancer takes the replica out rather than waiting), then 200
// again, and people's requests must work again without restarting Convene.
// It stops and starts a PostgreSQL server of its own (scripts/throwaway-postgres.sh), so it
// runs only where the PostgreSQL suites run: with CONVENE_TEST_POSTGRES_URL set.

const ROOT = path.resolve(__dirname, "../..");
const SCRIPT = path.join(ROOT, "scripts/throwaway-postgres.sh");
// Generous bounds on waits that must end; only "never hangs" is asserted against one.
const PROMPT_MS = 8_000;
const RECOVERY_MS = 30_000;

const sam = PLAYGROUND_USERS.find((u) => u.role === "social-worker")!;
const sw: TestTeamsUser = { id: sam.id, aadObjectId: sam.aadObjectId, name: sam.name, email: sam.email };

/** A loopback port free just now, for this test's own PostgreSQL (other suites may hold the usual ones). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// Durable, unlike the suite's throwaway server: the outage is a hard stop, and the rows
// committed before it must survive it, as they would on a real server. Without this a commit
// acknowledged in the last moments before the stop could be lost (synchronous_commit off).
const postgres = (cmd: "start" | "stop", dir: string, port?: number) =>
  execFileSync("bash", [SCRIPT, cmd, dir, ...(port ? [String(port)] : [])], { encoding: "utf8", env: { ...process.env, THROWAWAY_PG_DURABLE: "1" } }).trim();

/** GET /healthz, aborted (and so failed) if it takes longer than {@link PROMPT_MS}. */
async function health(url: string): Promise<number> {
  const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(PROMPT_MS) });
  await res.text();
  return res.status;
}

(TEST_POSTGRES_URL ? describe : describe.skip)("a PostgreSQL outage under a running server", () => {
  let dir = "";
  let port = 0;
  let databaseUrl = "";
  let child: ChildProcess | undefined;
  let output = "";
  let url = "";
  let exited: number | null | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "convene-outage-"));
    // Run as root, the script hands the data folder to the postgres user, who must reach it.
    chmodSync(dir, 0o755);
    port = await freePort();
    databaseUrl = postgres("start", path.join(dir, "pg"), port);
    child = spawn(process.execPath, [path.join(ROOT, "dist/main.js")], {
      env: { PATH: process.env.PATH, PORT: "0", DATABASE_URL: databaseUrl, CONVENE_AUDIT_KEY: TEST_AUDIT_KEY, CONVENE_SCHEDULER: "off", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    child.on("exit", (code) => (exited = code));
    url = await new Promise<string>((resolve, reject) => {
      child!.once("exit", (code) => reject(new Error(`server exited ${code}: ${output}`)));
      child!.stdout!.on("data", (d: Buffer) => {
        output += d.toString();
        const m = /"url":"(http:[^"]+)","msg":"Convene is listening"/.exec(output);
        if (m) resolve(m[1]!);
      });
    });
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const done = new Promise((resolve) => child!.once("exit", resolve));
      child.kill("SIGKILL");
      await done;
    }
    if (dir) {
      postgres("stop", path.join(dir, "pg"));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** Says `link <reference>` in a playground conversation; the bot's reply text, or the HTTP status when the request failed. */
  const link = async (conversationId: string, reference: string): Promise<string> => {
    const activity = messageActivity({ serviceUrl: `${url}/playground/connector`, conversationId }, sw, `link ${reference}`);
    const res = await fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity), signal: AbortSignal.timeout(RECOVERY_MS) });
    await res.text();
    if (res.status !== 200) return `HTTP ${res.status}`;
    const messages = (await (await fetch(`${url}/playground/messages?conversationId=${encodeURIComponent(conversationId)}&since=0`)).json()) as Array<{ replyToId: string | null; attachments: unknown[]; text?: string }>;
    return JSON.stringify(messages.filter((m) => m.replyToId === (activity as { id: string }).id));
  };

  it("is healthy and serves people before the outage", async () => {
    expect(await health(url)).toBe(200);
    expect(await link("19:before@thread.tacv2", "CS-2026-0501")).toContain("Linked to case CS-2026-0501");
  });

  it("answers /healthz 503 promptly, every time, while the database is down, and the process stays up", async () => {
    postgres("stop", path.join(dir, "pg"));
    for (let i = 0; i < 3; i++) expect(await health(url)).toBe(503);
    // A request that needs the database fails as a request; it must not take the process down.
    // And the person is told it did not work, rather than left with silence (the reply claim,
    // itself a database row, fails open).
    const during = await link("19:during@thread.tacv2", "CS-2026-0502");
    expect(during).not.toContain("Linked to case");
    expect(during).toContain("Something went wrong. Please try again");
    // The outbox dispatcher keeps polling the dead database meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await health(url)).toBe(503);
    expect(exited).toBeUndefined();
  }, 60_000);

  it("answers 200 again once the database is back, and people's requests work again", async () => {
    postgres("start", path.join(dir, "pg"), port);
    const until = Date.now() + RECOVERY_MS;
    let status = await health(url);
    while (status !== 200 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = await health(url);
    }
    expect(status).toBe(200);
    expect(await link("19:after@thread.tacv2", "CS-2026-0503")).toContain("Linked to case CS-2026-0503");
    // What was written before the outage is still there, and what was refused during it is not.
    const db = await connectPostgres(databaseUrl);
    try {
      const refs = (await db.query<{ reference: string }>(`SELECT reference FROM "Case" ORDER BY reference`)).rows.map((r) => r.reference);
      expect(refs).toEqual(["CS-2026-0501", "CS-2026-0503"]);
    } finally {
      await db.end();
    }
    expect(exited).toBeUndefined();
    expect(output).not.toMatch(/uncaught exception|unhandled rejection/);
  }, 60_000);
});
