import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../../../src/cli/cli-errors";
import { COMMANDS } from "../../../src/cli/main";
import { createApp } from "../../../src/app/create-app";
import { PLAYGROUND_CONVERSATION_ID, PLAYGROUND_USERS } from "../../../src/channels/playground/playground-users";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { systemClock } from "../../../src/domain/shared/clock";
import { createTestDatabase, databaseEnv } from "../../helpers/test-database";

describe("convene demo and convene practitioners add", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-demo-"));
  // The demo's own SQLite file, as a newcomer runs it (local mode); the refusal below runs on the suite's database.
  const file = path.join(dir, "demo.db");
  const cli = (...argv: string[]) => runCli(argv, { commands: COMMANDS, env: { DATABASE_URL: `file:${file}` } });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("seeds a demo case with a convened strategy discussion, and is safe to run twice", async () => {
    const first = await cli("demo");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("DEMO-2026-0001 linked");
    expect(first.stdout).toContain("strategy discussion convened");
    expect((await cli("demo")).code).toBe(0);

    const db = new Database(file, { readonly: true });
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count(`SELECT COUNT(*) n FROM "Case"`)).toBe(1);
    expect(count(`SELECT COUNT(*) n FROM Meeting WHERE kind = 'strategy-discussion' AND status = 'scheduled'`)).toBe(1);
    expect(count(`SELECT COUNT(*) n FROM OutboxMessage WHERE operation = 'post' AND directTo IS NULL`)).toBe(1);
    // Health and the school are invited by name, so each is also told personally.
    expect(count(`SELECT COUNT(*) n FROM OutboxMessage WHERE operation = 'post' AND directTo IS NOT NULL`)).toBe(2);
    const manager = db.prepare(`SELECT p.role FROM "Case" c JOIN Practitioner p ON p.id = c.teamManagerId`).get() as { role: string };
    expect(manager.role).toBe("team-manager");
    const roles = (db.prepare(`SELECT role FROM Practitioner ORDER BY role`).all() as { role: string }[]).map((r) => r.role);
    expect(roles).toEqual(expect.arrayContaining(["health", "police", "social-worker", "team-manager"]));
    db.close();
  });

  it("never takes the playground's channel from another case", async () => {
    // Sam links the playground's channel to a real case; the demo then refuses to take it.
    const db = await createTestDatabase("demo-other");
    const sam = PLAYGROUND_USERS.find((u) => u.role === "social-worker")!;
    await createApp({ uow: db.uow, clock: systemClock, calendar: createWorkingDayCalendar(), logger: { info() {}, warn() {}, error() {}, debug() {} } }).linkChannel({
      key: "real-link", actor: { platform: "teams", tenant: "local", userId: sam.aadObjectId, displayName: sam.name }, conversation: { platform: "teams", conversationId: PLAYGROUND_CONVERSATION_ID }, caseRef: "CS-2026-0901", conversationRef: "{}",
    });
    const refused = await runCli(["demo"], { commands: COMMANDS, env: { DATABASE_URL: db.url, ...databaseEnv(db.url) } });
    await db.dispose();
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("already the case channel for CS-2026-0901; the demo will not take it");
  });

  it("records a practitioner's role, and refuses an unknown role with exit 2", async () => {
    const ok = await cli("practitioners", "add", "--platform", "slack", "--tenant", "T1", "--user", "U1", "--name", "Mo Manager", "--agency", "Children's social care", "--role", "team-manager");
    expect(ok).toMatchObject({ code: 0, stdout: "Mo Manager: team-manager, Children's social care\n" });
    const bad = await cli("practitioners", "add", "--platform", "slack", "--tenant", "T1", "--user", "U1", "--name", "X", "--agency", "A", "--role", "chief");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^convene: unknown role "chief"/);
  });
});
