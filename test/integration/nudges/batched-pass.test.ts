import { spawn } from "node:child_process";
import path from "node:path";
import { createDeadlines } from "../../../src/app/deadlines/plan-deadlines";
import type { DeadlineEvent } from "../../../src/app/deadlines/deadline-events";
import { runNudgePass } from "../../../src/app/use-cases/run-nudge-pass";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { fixedClock } from "../../../src/domain/shared/clock";
import { createPrismaClient } from "../../../src/store/prisma-client";
import { PrismaUnitOfWork } from "../../../src/store/prisma-unit-of-work";
import { rowSeal } from "../../../src/store/row-seal";
import { createTestDb, practitioner, quietLogger, seedCase, teamsLink, type TestDb } from "../../helpers/nudge-fixtures";
import { databaseEnv, testAuditKey } from "../../helpers/test-database";

// The pass handles due deadlines in batches (one transaction each). These tests hold it to
// what the one-deadline-per-transaction pass did: the same nudges and saved progress, one bad
// deadline never holding back the others in its batch, and a crash between batches caught up
// on the next pass with every nudge sent exactly once.
const ROOT = path.resolve(__dirname, "../../..");
const calendar = createWorkingDayCalendar();
// Mon 11 Jan 2027 10:45 London: ICPC clocks from these strategy discussions reach different stages.
const NOW = "2027-01-11T10:45:00Z";
const SOURCES = ["2026-12-14", "2026-12-16", "2026-12-18", "2026-12-22", "2026-12-24", "2026-12-29", "2027-01-04", "2027-01-06"];

/** Cases with Teams and Slack links, statutory clocks at every stage, and actions open, done and cancelled. */
async function seedVariety(db: TestDb, cases = 6): Promise<void> {
  const clock = fixedClock("2027-01-04T10:00:00Z");
  await db.uow.run(async (repos) => {
    for (let i = 0; i < cases; i++) {
      const slackOwner = practitioner(`c${i}-slack`, "Sasha on Slack", "social-worker", "local-authority", "slack");
      const c = await seedCase(repos, {
        caseId: `c${i}`,
        reference: `CS-2027-1${i}00`,
        links: [teamsLink(`L${i}`, `c${i}`), { id: `S${i}`, caseId: `c${i}`, platform: "slack", conversationId: `C${i}`, conversationRef: "{}" }],
        people: [slackOwner],
      });
      const events: DeadlineEvent[] = SOURCES.map((from, j) => ({ rule: "icpc", sourceKind: "strategy-discussion", sourceId: `m${i}-${j}`, from }));
      for (const [k, status] of (["open", "done", "cancelled"] as const).entries()) {
        const id = `act-${i}-${k}`;
        await repos.actions.create({ id, caseId: c.id, meetingId: null, ownerLabel: "Owner", ownerPractitionerId: k === 0 ? slackOwner.id : c.leadSocialWorkerId, description: `Action ${k}`, dueDate: "2027-01-08", status });
        events.push({ rule: "action", sourceKind: "action", sourceId: id, from: "2026-12-23", actionId: id });
      }
      await createDeadlines(repos, c, events, { clock, calendar });
    }
  });
}

/**
 * `value` with every deadline id replaced by the deadline's natural key (case, rule, source):
 * ids are random, so two databases seeded alike are compared through what the ids stand for.
 */
async function byNaturalKey<T>(db: TestDb, value: T): Promise<unknown> {
  let text = JSON.stringify(value);
  for (const d of await db.prisma.deadline.findMany({ select: { id: true, caseId: true, rule: true, sourceId: true } })) text = text.split(d.id).join(`${d.caseId}~${d.rule}~${d.sourceId}`);
  return JSON.parse(text) as unknown;
}

/** What a pass left behind: outbox rows (payload included) and every deadline's progress, by natural key. */
async function snapshot(db: TestDb): Promise<{ outbox: unknown[]; deadlines: unknown[] }> {
  const outbox = await db.prisma.outboxMessage.findMany({ select: { idempotencyKey: true, channelLinkId: true, operation: true, payload: true, availableAt: true, status: true } });
  const deadlines = await db.prisma.deadline.findMany({ select: { id: true, status: true, nextNudgeAt: true, lastNudgeStage: true, waivedReason: true, closedAt: true } });
  const normal = (await byNaturalKey(db, { outbox, deadlines })) as { outbox: { idempotencyKey: string }[]; deadlines: { id: string }[] };
  normal.outbox.sort((a, b) => a.idempotencyKey.localeCompare(b.idempotencyKey));
  normal.deadlines.sort((a, b) => a.id.localeCompare(b.id));
  return normal;
}

/** A deadline no pass can handle: its rule is unknown, so deciding its nudge throws. */
async function poison(db: TestDb, id: string, caseId: string): Promise<void> {
  await db.prisma.deadline.create({
    data: { id, caseId, rule: "no-such-rule", sourceKind: "test", sourceId: id, sourceDate: "2027-01-04", dueDate: "2027-01-12", status: "open", nextNudgeAt: new Date("2027-01-11T09:00:00Z"), lastNudgeStage: "created" },
  });
}

describe("the batched nudge pass", () => {
  const dbs: TestDb[] = [];
  const fresh = async (): Promise<TestDb> => {
    const db = await createTestDb("convene-batched-pass-");
    dbs.push(db);
    return db;
  };
  afterAll(async () => {
    for (const db of dbs) await db.close();
  });

  it("sends the same nudges and saves the same progress as one deadline per transaction", async () => {
    const [one, many] = [await fresh(), await fresh()];
    await seedVariety(one);
    await seedVariety(many);
    const r1 = await runNudgePass({ uow: one.uow, clock: fixedClock(NOW), calendar, logger: quietLogger() }, { chunk: 1 });
    const rN = await runNudgePass({ uow: many.uow, clock: fixedClock(NOW), calendar, logger: quietLogger() }, { chunk: 7 });
    expect(r1.sent.length).toBeGreaterThan(20);
    expect(await byNaturalKey(many, rN)).toEqual(await byNaturalKey(one, r1));
    expect(await snapshot(many)).toEqual(await snapshot(one));
    // Closed actions closed their deadlines; open ones were nudged, with a Slack-only owner mentioned on Slack.
    expect(await many.prisma.deadline.findMany()).toEqual(expect.arrayContaining([expect.objectContaining({ status: "met" }), expect.objectContaining({ status: "waived", waivedReason: "action cancelled" })]));
    expect(rN.sent.some((s) => s.mentionedPractitionerIds.includes("c0-slack"))).toBe(true);
  });

  it("seals each saved deadline as the row-by-row save did", async () => {
    const db = await fresh();
    await seedVariety(db, 2);
    await runNudgePass({ uow: db.uow, clock: fixedClock(NOW), calendar, logger: quietLogger() });
    const key = testAuditKey(db.url);
    const rows = await db.prisma.deadline.findMany();
    const progressed = rows.filter((r) => r.lastNudgeStage !== "created" || r.status !== "open");
    expect(progressed.length).toBeGreaterThan(10);
    // `convene audit verify` recomputes every seal over the stored columns: each must match.
    for (const { seal, ...rest } of rows) expect(seal).toBe(rowSeal("Deadline", rest, key));
  });

  it("a poisoned deadline in a batch: the others are nudged, it alone is reported and pushed back", async () => {
    const db = await fresh();
    await seedVariety(db, 2);
    await poison(db, "poisoned", "c1");
    const logger = quietLogger();
    const r = await runNudgePass({ uow: db.uow, clock: fixedClock(NOW), calendar, logger }, { chunk: 100 });
    // The same nudges as a pass over the same data without the poisoned row.
    const clean = await fresh();
    await seedVariety(clean, 2);
    const expected = await runNudgePass({ uow: clean.uow, clock: fixedClock(NOW), calendar, logger: quietLogger() });
    expect(await byNaturalKey(db, r.sent)).toEqual(await byNaturalKey(clean, expected.sent));
    expect(r.failed).toBe(1);
    expect(r.considered).toBe(expected.considered + 1);
    expect(logger.errors).toEqual([expect.objectContaining({ deadlineId: "poisoned" })]);
    const bad = await db.prisma.deadline.findUniqueOrThrow({ where: { id: "poisoned" } });
    // Retried 15 minutes later, not at the head of every pass.
    expect(bad.nextNudgeAt).toEqual(new Date(Date.parse(NOW) + 15 * 60_000));
    expect((await snapshot(db)).outbox).toEqual((await snapshot(clean)).outbox);
  });

  it("counts far fewer SQL statements per nudge than one transaction per deadline", async () => {
    const db = await fresh();
    await seedVariety(db);
    const statements: string[] = [];
    const counted = createPrismaClient(db.url, { onQuery: (sql) => statements.push(sql) });
    const uow = new PrismaUnitOfWork(counted, testAuditKey(db.url));
    const r = await runNudgePass({ uow, clock: fixedClock(NOW), calendar, logger: quietLogger() });
    await counted.$disconnect();
    // One transaction per deadline cost 9 statements per nudge; now a batch's reads, its
    // outbox insert and its deadline update are each one statement, whatever the batch's size.
    expect(r.sent.length).toBeGreaterThan(20);
    expect(statements.length / r.sent.length).toBeLessThan(0.5);
  });

  it("killed mid-pass after its first batch: the next pass sends each remaining nudge once, none twice", async () => {
    const db = await fresh();
    await seedVariety(db, 6);
    const clean = await fresh();
    await seedVariety(clean, 6);
    const expected = await runNudgePass({ uow: clean.uow, clock: fixedClock(NOW), calendar, logger: quietLogger() });
    // The compiled pass, in its own process, with batches of 10: the process SIGKILLs itself
    // inside its second batch's transaction, after that batch's writes and before its commit.
    const child = spawn(
      process.execPath,
      [
        "-e",
        `
        const { runNudgePass } = require(${JSON.stringify(path.join(ROOT, "dist/app/use-cases/run-nudge-pass.js"))});
        const { createWorkingDayCalendar } = require(${JSON.stringify(path.join(ROOT, "dist/domain/calendar/working-day-calendar.js"))});
        const { fixedClock } = require(${JSON.stringify(path.join(ROOT, "dist/domain/shared/clock.js"))});
        const { createPrismaClient } = require(${JSON.stringify(path.join(ROOT, "dist/store/prisma-client.js"))});
        const { PrismaUnitOfWork } = require(${JSON.stringify(path.join(ROOT, "dist/store/prisma-unit-of-work.js"))});
        const { resolveAuditKey } = require(${JSON.stringify(path.join(ROOT, "dist/store/audit-key.js"))});
        const url = process.env.DB_URL;
        const inner = new PrismaUnitOfWork(createPrismaClient(url), resolveAuditKey({ databaseUrl: url, production: false, configured: process.env.CONVENE_AUDIT_KEY }));
        let runs = 0;
        // Unit of work 1 lists what is due, 2 is the first batch, 3 the second.
        const uow = { run: (fn) => { const n = ++runs; return inner.run(async (repos) => { const r = await fn(repos); if (n === 3) process.kill(process.pid, "SIGKILL"); return r; }); } };
        const quiet = { info() {}, warn() {}, error() {} };
        runNudgePass({ uow, clock: fixedClock(${JSON.stringify(NOW)}), calendar: createWorkingDayCalendar(), logger: quiet }, { chunk: 10 });
        `,
      ],
      { env: { ...process.env, ...databaseEnv(db.url), DB_URL: db.url }, stdio: "inherit" },
    );
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, sig) => resolve(sig)));
    expect(signal).toBe("SIGKILL");
    // The first batch committed, the second did not.
    const afterCrash = await db.prisma.outboxMessage.count();
    expect(afterCrash).toBeGreaterThan(0);
    expect(afterCrash).toBeLessThan((await snapshot(clean)).outbox.length);

    const rerun = await runNudgePass({ uow: db.uow, clock: fixedClock(NOW), calendar, logger: quietLogger() });
    expect(rerun.sent.length).toBeGreaterThan(0);
    expect(rerun.sent.length).toBeLessThan(expected.sent.length);
    // Exactly the outbox rows and progress of an uninterrupted pass: nothing lost, nothing doubled.
    expect(await snapshot(db)).toEqual(await snapshot(clean));
    const again = await runNudgePass({ uow: db.uow, clock: fixedClock(NOW), calendar, logger: quietLogger() });
    expect(again.sent).toEqual([]);
  });
});
