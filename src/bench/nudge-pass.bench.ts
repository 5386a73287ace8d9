import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { seedBenchCase } from "./bench-case";
import { nudgeMonthsBefore } from "../app/deadlines/local-policy";
import type { ChannelLink } from "../app/ports/channel-link";
import type { DeadlineRow } from "../app/ports/deadline";
import type { Practitioner } from "../app/ports/practitioner";
import { actFor, nudgeView, runNudgePass } from "../app/use-cases/run-nudge-pass";
import { createWorkingDayCalendar, type WorkingDayCalendar } from "../domain/calendar/working-day-calendar";
import { getRule } from "../domain/deadline/statutory-rules";
import { evaluateNudge } from "../domain/nudge/nudge-plan";
import { fixedClock } from "../domain/shared/clock";
import { resolveAuditKey } from "../store/audit-key";
import { prismaSqliteDate, seedOpenDeadlines, seedOpenDeadlinesPostgres } from "../store/bench-seed";
import { applyMigrations, applySqliteMigrations, openSqlite } from "../store/migration-runner";
import { connectPostgres, createPostgresDatabase, dropPostgresDatabase } from "../store/postgres-connection";
import { createPrismaClient } from "../store/prisma-client";
import { POSTGRES_WRITE_LOCK, PrismaUnitOfWork } from "../store/prisma-unit-of-work";
import { rowSeal } from "../store/row-seal";
import { median, rotated, spread, type DatabaseRow, type FigureRow } from "./bench-stats";
import { BENCH_AUDIT_KEY, benchPostgres, progress, type BenchPostgres } from "./bench-postgres";

// The nudge pass over 100,000 open deadlines with 1,000 due, against its anchor: the same
// work written by hand on raw better-sqlite3 with prepared statements cached for the whole
// pass (the same due listing, the same reads per deadline, the same card payload and seal,
// the same outbox insert and deadline update, 100 deadlines per transaction). The anchor is
// a measuring stick only; the product's SQL stays in src/store behind Prisma.
// On PostgreSQL (when the bench has a server, see bench-postgres.ts) the same pass runs on a
// copy of the same seeded table, against the same work written on raw `pg`. There a
// statement is a round trip, so the raw anchor is written the way one would by hand for
// PostgreSQL: per 100 deadlines, one transaction of fixed-text prepared statements over
// arrays (one read of the deadlines, the case, links and people, the existing outbox keys;
// one insert of the outbox rows; one update of the deadlines), behind the same advisory lock
// the product's unit of work takes. Per-row statements would mostly measure the loopback.

const ROWS = 100_000;
const DUE = 1_000;
const ROUNDS = 3;
// Mon 11 Jan 2027, 09:00 London: the before-1 stage of a deadline due Tue 12 Jan.
const NOW = new Date("2027-01-11T09:00:00Z");

/** Seeds one database (case, people, link, the deadlines) to copy for every run. */
async function seedTemplate(dir: string): Promise<string> {
  const url = `file:${path.join(dir, "template.db")}`;
  applySqliteMigrations(url);
  const prisma = createPrismaClient(url);
  const uow = new PrismaUnitOfWork(prisma, resolveAuditKey({ databaseUrl: url, production: false }));
  await uow.run(seedBenchCase);
  await prisma.$disconnect();
  seedOpenDeadlines(url, { caseId: "c1", rows: ROWS, due: DUE, dueAt: NOW, createdAt: new Date("2027-01-04T10:00:00Z"), dueDate: "2027-01-12" });
  return url;
}

/** One timed pass: how long, the nudges it says it sent, and what the database holds after it. */
interface PassRun {
  ms: number;
  sent: number;
  /** Outbox rows and deadlines moved on, counted after the timing: a pass must have stored its work. */
  stored: { outbox: number; moved: number };
}

/** What a pass left in the database, through Prisma on either database (untimed). */
async function storedWork(prisma: ReturnType<typeof createPrismaClient>): Promise<PassRun["stored"]> {
  return { outbox: await prisma.outboxMessage.count(), moved: await prisma.deadline.count({ where: { lastNudgeStage: { not: "created" } } }) };
}

let copies = 0;
function copyOf(templateUrl: string): { url: string; file: string } {
  const file = path.join(path.dirname(templateUrl.slice("file:".length)), `run-${++copies}.db`);
  copyFileSync(templateUrl.slice("file:".length), file);
  return { url: `file:${file}`, file };
}

function dropCopy(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}

/** One timed Prisma pass on a fresh copy; the statement count comes from a separate untimed run. */
async function prismaPass(templateUrl: string, calendar: WorkingDayCalendar, countStatements = false): Promise<PassRun & { statements: number }> {
  const { url, file } = copyOf(templateUrl);
  try {
    return await timedPrismaPass(url, resolveAuditKey({ databaseUrl: url, production: false }), calendar, countStatements);
  } finally {
    dropCopy(file);
  }
}

/** The product's pass on `url`, timed once the client is connected and warm; then what it stored (untimed). */
async function timedPrismaPass(url: string, auditKey: string, calendar: WorkingDayCalendar, countStatements: boolean): Promise<PassRun & { statements: number }> {
  let statements = 0;
  const prisma = createPrismaClient(url, countStatements ? { onQuery: () => statements++ } : {});
  try {
    const uow = new PrismaUnitOfWork(prisma, auditKey);
    // Connect and warm the client outside the timing, as a running server's is.
    await prisma.deadline.count({ where: { id: "none" } });
    statements = 0;
    const logger = { info() {}, warn() {}, error() {} };
    const t0 = performance.now();
    const r = await runNudgePass({ uow, clock: fixedClock(NOW), calendar, logger });
    const ms = performance.now() - t0;
    return { ms, sent: r.sent.length, statements, stored: await storedWork(prisma) };
  } finally {
    await prisma.$disconnect();
  }
}

interface RawDeadline {
  id: string;
  caseId: string;
  rule: string;
  sourceKind: string;
  sourceId: string;
  sourceDate: string;
  dueDate: string;
  status: string;
  waivedReason: string | null;
  closedAt: string | null;
  closedByMeetingId: string | null;
  workingDaysTaken: number | null;
  nextNudgeAt: string | null;
  lastNudgeStage: string | null;
  actionId: string | null;
  createdAt: string;
  closedOn: string | null;
  closedById: string | null;
  closingEvent: string | null;
  closeReason: string | null;
  closeDetail: string | null;
  seal: string;
}

const asDate = (s: string | null): Date | null => (s === null ? null : new Date(s));

/** The same pass by hand on better-sqlite3: statements prepared once, 100 deadlines per transaction. */
function rawPass(templateUrl: string, calendar: WorkingDayCalendar): PassRun {
  const { url, file } = copyOf(templateUrl);
  const key = resolveAuditKey({ databaseUrl: url, production: false });
  const db = openSqlite(url);
  const listDue = db.prepare(`SELECT "id" FROM "Deadline" WHERE "status" = 'open' AND "nextNudgeAt" <= ? ORDER BY "nextNudgeAt" LIMIT ?`);
  const getDeadline = db.prepare(`SELECT * FROM "Deadline" WHERE "id" = ?`);
  const getCase = db.prepare(`SELECT * FROM "Case" WHERE "id" = ?`);
  const getLinks = db.prepare(`SELECT * FROM "ChannelLink" WHERE "caseId" = ? ORDER BY "createdAt"`);
  const getPerson = db.prepare(`SELECT * FROM "Practitioner" WHERE "id" = ?`);
  const hasKey = db.prepare(`SELECT 1 FROM "OutboxMessage" WHERE "idempotencyKey" = ?`);
  const insertOutbox = db.prepare(
    `INSERT INTO "OutboxMessage" ("id","idempotencyKey","channelLinkId","operation","anchorKey","payload","status","attempts","availableAt","createdAt","directTo") VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const updateDeadline = db.prepare(`UPDATE "Deadline" SET "lastNudgeStage" = ?, "nextNudgeAt" = ?, "seal" = ? WHERE "id" = ?`);
  const t0 = performance.now();
  const now = prismaSqliteDate(NOW);
  let sent = 0;
  let outboxSeq = 0;
  const nudge = (id: string) => {
    const row = getDeadline.get(id) as RawDeadline | undefined;
    if (!row || row.status !== "open" || !row.nextNudgeAt || new Date(row.nextNudgeAt) > NOW) return;
    const d: DeadlineRow = { ...row, status: row.status as DeadlineRow["status"], closedAt: asDate(row.closedAt), nextNudgeAt: asDate(row.nextNudgeAt), createdAt: new Date(row.createdAt) };
    const decision = evaluateNudge({ dueDate: d.dueDate, createdAt: d.createdAt, lastStage: d.lastNudgeStage, monthsBefore: nudgeMonthsBefore(d.rule) }, NOW, calendar);
    if (!decision.send) return;
    const send = decision.send;
    const theCase = getCase.get(d.caseId) as { reference: string; leadSocialWorkerId: string | null; teamManagerId: string | null };
    const links = getLinks.all(d.caseId) as ChannelLink[];
    const ids = [theCase.leadSocialWorkerId, send.escalateToManager ? theCase.teamManagerId : null].filter((x): x is string => Boolean(x));
    const people = ids.map((p) => getPerson.get(p) as Practitioner | undefined).filter((p): p is Practitioner => Boolean(p));
    const extras = { actionDescription: undefined, noTeamManager: send.escalateToManager && !theCase.teamManagerId, act: actFor(d, theCase.reference), managerId: theCase.teamManagerId };
    for (const link of links) {
      const idempotencyKey = `deadline/${d.id}/${send.stage}/${link.id}`;
      if (hasKey.get(idempotencyKey)) continue;
      const view = nudgeView(d, theCase.reference, getRule(d.rule).title, send, people, link, extras);
      insertOutbox.run(`raw-${++outboxSeq}`, idempotencyKey, link.id, "post", null, JSON.stringify({ type: "nudge", view }), "pending", 0, now, now, null);
    }
    const { seal: _s, ...columns } = d as DeadlineRow & { seal?: string };
    const next = decision.nextNudgeAt;
    const seal = rowSeal("Deadline", { ...columns, lastNudgeStage: send.stage, nextNudgeAt: next }, key);
    updateDeadline.run(send.stage, next ? prismaSqliteDate(next) : null, seal, d.id);
    sent++;
  };
  const chunk = db.transaction((ids: string[]) => {
    for (const id of ids) nudge(id);
  });
  for (;;) {
    const due = (listDue.all(now, 500) as { id: string }[]).map((r) => r.id);
    for (let i = 0; i < due.length; i += 100) chunk(due.slice(i, i + 100));
    if (due.length < 500) break;
  }
  const ms = performance.now() - t0;
  const stored = {
    outbox: (db.prepare(`SELECT COUNT(*) AS n FROM "OutboxMessage"`).get() as { n: number }).n,
    moved: (db.prepare(`SELECT COUNT(*) AS n FROM "Deadline" WHERE "lastNudgeStage" <> 'created'`).get() as { n: number }).n,
  };
  db.close();
  dropCopy(file);
  return { ms, sent, stored };
}

// PostgreSQL: a template database seeded once, copied (CREATE DATABASE … TEMPLATE) for every run.

/** The PostgreSQL template: migrated, the same case and people, the same 100,000 deadlines. */
async function seedPostgresTemplate(serverUrl: string, tag: string): Promise<string> {
  const name = `convene_bench_pass_${tag}`;
  const url = await createPostgresDatabase(serverUrl, name);
  await applyMigrations(url);
  const prisma = createPrismaClient(url);
  await new PrismaUnitOfWork(prisma, BENCH_AUDIT_KEY).run(seedBenchCase);
  await prisma.$disconnect();
  await seedOpenDeadlinesPostgres(url, { caseId: "c1", rows: ROWS, due: DUE, dueAt: NOW, createdAt: new Date("2027-01-04T10:00:00Z"), dueDate: "2027-01-12" });
  return name;
}

/** A fresh copy of the template for one run, and how to drop it. */
async function postgresCopy(serverUrl: string, template: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${template}_run_${++copies}`;
  const url = await createPostgresDatabase(serverUrl, name, template);
  return { url, drop: () => dropPostgresDatabase(serverUrl, name) };
}

/** One timed Prisma pass on a fresh PostgreSQL copy. */
async function postgresPrismaPass(serverUrl: string, template: string, calendar: WorkingDayCalendar, countStatements = false): Promise<PassRun & { statements: number }> {
  const copy = await postgresCopy(serverUrl, template);
  try {
    return await timedPrismaPass(copy.url, BENCH_AUDIT_KEY, calendar, countStatements);
  } finally {
    await copy.drop();
  }
}

/** Columns of a Deadline row as `pg` returns them (timestamptz as Date). */
type PgDeadline = Omit<RawDeadline, "closedAt" | "nextNudgeAt" | "createdAt"> & { closedAt: Date | null; nextNudgeAt: Date | null; createdAt: Date };

/** The same pass by hand on raw `pg`: per 100 deadlines, one transaction of prepared statements over arrays. */
async function postgresRawPass(serverUrl: string, template: string, calendar: WorkingDayCalendar): Promise<PassRun> {
  const copy = await postgresCopy(serverUrl, template);
  const db = await connectPostgres(copy.url);
  try {
    // Named statements are prepared once per connection and reused, as better-sqlite3's cached ones are.
    const q = <R extends object>(name: string, text: string, values: unknown[]) => db.query<R>({ name, text, values });
    await db.query("SELECT 1");
    let sent = 0;
    const t0 = performance.now();
    const chunk = async (ids: string[]) => {
      await db.query("BEGIN");
      try {
        await q("lock", "SELECT pg_advisory_xact_lock($1)", [POSTGRES_WRITE_LOCK]);
        const rows = (await q<PgDeadline>("deadlines", `SELECT * FROM "Deadline" WHERE "id" = ANY($1::text[])`, [ids])).rows;
        const due = rows.filter((r) => r.status === "open" && r.nextNudgeAt && r.nextNudgeAt <= NOW);
        const plans = due.flatMap((row) => {
          const { seal: _s, ...d } = row;
          const decision = evaluateNudge({ dueDate: d.dueDate, createdAt: d.createdAt, lastStage: d.lastNudgeStage, monthsBefore: nudgeMonthsBefore(d.rule) }, NOW, calendar);
          return decision.send ? [{ d: d as unknown as DeadlineRow, send: decision.send, next: decision.nextNudgeAt }] : [];
        });
        const caseIds = [...new Set(plans.map((p) => p.d.caseId))];
        const cases = new Map(
          (await q<{ id: string; reference: string; leadSocialWorkerId: string | null; teamManagerId: string | null }>("cases", `SELECT * FROM "Case" WHERE "id" = ANY($1::text[])`, [caseIds])).rows.map((c) => [c.id, c]),
        );
        const links = (await q<ChannelLink>("links", `SELECT * FROM "ChannelLink" WHERE "caseId" = ANY($1::text[]) ORDER BY "createdAt"`, [caseIds])).rows;
        const personIds = [...new Set(plans.flatMap((p) => { const c = cases.get(p.d.caseId)!; return [c.leadSocialWorkerId, p.send.escalateToManager ? c.teamManagerId : null].filter((x): x is string => Boolean(x)); }))];
        const people = new Map((await q<Practitioner>("people", `SELECT * FROM "Practitioner" WHERE "id" = ANY($1::text[])`, [personIds])).rows.map((p) => [p.id, p]));
        const keys = plans.flatMap((p) => links.filter((l) => l.caseId === p.d.caseId).map((l) => `deadline/${p.d.id}/${p.send.stage}/${l.id}`));
        const existing = new Set((await q<{ idempotencyKey: string }>("keys", `SELECT "idempotencyKey" FROM "OutboxMessage" WHERE "idempotencyKey" = ANY($1::text[])`, [keys])).rows.map((r) => r.idempotencyKey));
        const out = { id: [] as string[], key: [] as string[], link: [] as string[], payload: [] as string[] };
        const upd = { id: [] as string[], stage: [] as string[], next: [] as (Date | null)[], seal: [] as string[] };
        for (const { d, send, next } of plans) {
          const theCase = cases.get(d.caseId)!;
          const mentioned = [theCase.leadSocialWorkerId, send.escalateToManager ? theCase.teamManagerId : null].filter((x): x is string => Boolean(x));
          const who = mentioned.map((p) => people.get(p)).filter((p): p is Practitioner => Boolean(p));
          const extras = { actionDescription: undefined, noTeamManager: send.escalateToManager && !theCase.teamManagerId, act: actFor(d, theCase.reference), managerId: theCase.teamManagerId };
          for (const link of links.filter((l) => l.caseId === d.caseId)) {
            const key = `deadline/${d.id}/${send.stage}/${link.id}`;
            if (existing.has(key)) continue;
            out.id.push(randomBytes(12).toString("hex"));
            out.key.push(key);
            out.link.push(link.id);
            out.payload.push(JSON.stringify({ type: "nudge", view: nudgeView(d, theCase.reference, getRule(d.rule).title, send, who, link, extras) }));
          }
          upd.id.push(d.id);
          upd.stage.push(send.stage);
          upd.next.push(next);
          upd.seal.push(rowSeal("Deadline", { ...d, lastNudgeStage: send.stage, nextNudgeAt: next }, BENCH_AUDIT_KEY));
        }
        await q(
          "outbox",
          `INSERT INTO "OutboxMessage" ("id","idempotencyKey","channelLinkId","operation","payload","status","attempts","availableAt","createdAt")
           SELECT id, key, link, 'post', payload, 'pending', 0, $5, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(id, key, link, payload)`,
          [out.id, out.key, out.link, out.payload, NOW],
        );
        await q(
          "moveOn",
          `UPDATE "Deadline" AS d SET "lastNudgeStage" = u.stage, "nextNudgeAt" = u.next, "seal" = u.seal
           FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[]) AS u(id, stage, next, seal) WHERE d."id" = u.id`,
          [upd.id, upd.stage, upd.next, upd.seal],
        );
        await db.query("COMMIT");
        sent += plans.length;
      } catch (err) {
        await db.query("ROLLBACK");
        throw err;
      }
    };
    for (;;) {
      const due = (await q<{ id: string }>("listDue", `SELECT "id" FROM "Deadline" WHERE "status" = 'open' AND "nextNudgeAt" <= $1 ORDER BY "nextNudgeAt" LIMIT 500`, [NOW])).rows.map((r) => r.id);
      for (let i = 0; i < due.length; i += 100) await chunk(due.slice(i, i + 100));
      if (due.length < 500) break;
    }
    const ms = performance.now() - t0;
    const stored = {
      outbox: Number((await db.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "OutboxMessage"`)).rows[0]!.n),
      moved: Number((await db.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "Deadline" WHERE "lastNudgeStage" <> 'created'`)).rows[0]!.n),
    };
    return { ms, sent, stored };
  } finally {
    await db.end();
    await copy.drop();
  }
}

/** Every run of every side must have sent the same nudges and stored them: one outbox row (one link) and one deadline moved on per nudge. */
function checkWork(sides: Record<string, PassRun[]>): number {
  const sent = new Set(Object.values(sides).flatMap((runs) => runs.map((r) => r.sent)));
  if (sent.size !== 1) throw new Error(`the passes sent different numbers of nudges: ${Object.entries(sides).map(([k, runs]) => `${k} ${runs.map((r) => r.sent).join("/")}`).join(", ")}`);
  const n = [...sent][0]!;
  if (n !== DUE) throw new Error(`a pass sent ${n} nudges where ${DUE} were due`);
  for (const [side, runs] of Object.entries(sides))
    for (const r of runs) if (r.stored.outbox !== n || r.stored.moved !== n) throw new Error(`${side} said it sent ${n} nudges but stored ${r.stored.outbox} outbox rows and moved ${r.stored.moved} deadlines on`);
  return n;
}

/** The nudge pass against raw better-sqlite3 and, when there is a server, on PostgreSQL against raw `pg`; all sides rotated over rounds. */
export async function benchNudgePass(): Promise<{ figures: FigureRow[]; databases: DatabaseRow[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-bench-pass-"));
  const pg = await benchPostgres();
  const server = "serverUrl" in pg ? (pg as BenchPostgres) : null;
  const tag = randomBytes(4).toString("hex");
  let pgTemplate: string | null = null;
  try {
    const calendar = createWorkingDayCalendar();
    progress(`nudge pass: seeding ${ROWS.toLocaleString("en-GB")} deadlines on SQLite`);
    const template = await seedTemplate(dir);
    if (server) {
      progress(`nudge pass: seeding ${ROWS.toLocaleString("en-GB")} deadlines on PostgreSQL`);
      const t = performance.now();
      pgTemplate = await seedPostgresTemplate(server.serverUrl, tag);
      progress(`nudge pass: PostgreSQL seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    progress("nudge pass: warm-up and a statement count (not reported)");
    // Warm-up (Prisma's query compiler, the calendar's years), not reported.
    await prismaPass(template, calendar);
    rawPass(template, calendar);
    const counted = await prismaPass(template, calendar, true);
    const pgCounted = server && pgTemplate ? await postgresPrismaPass(server.serverUrl, pgTemplate, calendar, true) : null;
    if (server && pgTemplate) await postgresRawPass(server.serverUrl, pgTemplate, calendar);
    const sides: (() => Promise<PassRun>)[] = [() => prismaPass(template, calendar), async () => rawPass(template, calendar)];
    if (server && pgTemplate) {
      const t = pgTemplate;
      sides.push(() => postgresPrismaPass(server.serverUrl, t, calendar), () => postgresRawPass(server.serverUrl, t, calendar));
    }
    progress(`nudge pass: ${ROUNDS} rounds of ${sides.length} passes`);
    const [subject, anchor, pgSubject = [], pgAnchor = []] = await rotated(ROUNDS, sides);
    checkWork({ "SQLite Prisma": subject!, "raw better-sqlite3": anchor!, ...(server ? { "PostgreSQL Prisma": pgSubject, "raw pg": pgAnchor } : {}) });
    const ms = subject!.map((r) => r.ms);
    const rawMs = anchor!.map((r) => r.ms);
    const ratios = subject!.map((r, i) => r.ms / anchor![i]!.ms);
    const perNudge = (c: { statements: number; sent: number }) => (c.statements / Math.max(1, c.sent)).toFixed(2);
    process.stdout.write(`\nNudge pass, ${ROWS.toLocaleString("en-GB")} open deadlines, ${DUE.toLocaleString("en-GB")} due (${ROUNDS} rounds, sides rotated; median (min–max))\n`);
    const table: Record<string, string | number>[] = [
      { pass: "SQLite: Convene (Prisma, batched)", ms: spread(ms), sent: subject![0]!.sent, "SQL statements per nudge": perNudge(counted) },
      { pass: "SQLite: raw better-sqlite3, cached statements (anchor)", ms: spread(rawMs), sent: anchor![0]!.sent, "SQL statements per nudge": "≈7" },
    ];
    if (server && pgCounted) {
      table.push(
        { pass: "PostgreSQL: Convene (Prisma, batched)", ms: spread(pgSubject.map((r) => r.ms)), sent: pgSubject[0]!.sent, "SQL statements per nudge": perNudge(pgCounted) },
        { pass: "PostgreSQL: raw pg, prepared statements over arrays (anchor)", ms: spread(pgAnchor.map((r) => r.ms)), sent: pgAnchor[0]!.sent, "SQL statements per nudge": "0.1" },
      );
    }
    console.table(table);
    const m = median(ms);
    const ratio = median(ratios);
    const databases: DatabaseRow[] = [];
    if (server) {
      const pgMs = median(pgSubject.map((r) => r.ms));
      const pgRatio = median(pgSubject.map((r, i) => r.ms / pgAnchor[i]!.ms));
      databases.push({
        figure: "nudge pass, 100k open / 1k due",
        SQLite: `${m.toFixed(0)} ms`,
        PostgreSQL: `${pgMs.toFixed(0)} ms`,
        anchor: `raw better-sqlite3 ${median(rawMs).toFixed(0)} ms | raw pg ${median(pgAnchor.map((r) => r.ms)).toFixed(0)} ms`,
        ratio: `${ratio.toFixed(2)}× | ${pgRatio.toFixed(2)}×`,
      });
    } else {
      databases.push({ figure: "nudge pass, 100k open / 1k due", SQLite: `${m.toFixed(0)} ms`, PostgreSQL: `skipped: ${(pg as { skipped: string }).skipped}`, anchor: `raw better-sqlite3 ${median(rawMs).toFixed(0)} ms`, ratio: `${ratio.toFixed(2)}×` });
    }
    const figures: FigureRow[] = [
      {
        figure: "nudge pass, 100k open / 1k due",
        measured: `${m.toFixed(0)} ms`,
        anchor: `raw better-sqlite3 ${median(rawMs).toFixed(0)} ms`,
        ratio: `${ratio.toFixed(2)}× raw`,
        goal: "≤ 1 s and ≤ 2.5× raw",
        met: m <= 1000 && ratio <= 2.5 ? "yes" : "no",
      },
    ];
    return { figures, databases };
  } finally {
    if (server && pgTemplate) await dropPostgresDatabase(server.serverUrl, pgTemplate).catch(() => undefined);
    else if (server) await dropPostgresDatabase(server.serverUrl, `convene_bench_pass_${tag}`).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
