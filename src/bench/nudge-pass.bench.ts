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
import { prismaSqliteDate, seedOpenDeadlines } from "../store/bench-seed";
import { applySqliteMigrations, openSqlite } from "../store/migration-runner";
import { createPrismaClient } from "../store/prisma-client";
import { PrismaUnitOfWork } from "../store/prisma-unit-of-work";
import { rowSeal } from "../store/row-seal";
import { interleaved, median, spread, type FigureRow } from "./bench-stats";

// The nudge pass over 100,000 open deadlines with 1,000 due, against its anchor: the same
// work written by hand on raw better-sqlite3 with prepared statements cached for the whole
// pass (the same due listing, the same reads per deadline, the same card payload and seal,
// the same outbox insert and deadline update, 100 deadlines per transaction). The anchor is
// a measuring stick only; the product's SQL stays in src/store behind Prisma.

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
async function prismaPass(templateUrl: string, calendar: WorkingDayCalendar, countStatements = false): Promise<{ ms: number; sent: number; statements: number }> {
  const { url, file } = copyOf(templateUrl);
  let statements = 0;
  const prisma = createPrismaClient(url, countStatements ? { onQuery: () => statements++ } : {});
  const uow = new PrismaUnitOfWork(prisma, resolveAuditKey({ databaseUrl: url, production: false }));
  // Connect and warm the client outside the timing, as a running server's is.
  await prisma.deadline.count({ where: { id: "none" } });
  statements = 0;
  const logger = { info() {}, warn() {}, error() {} };
  const t0 = performance.now();
  const r = await runNudgePass({ uow, clock: fixedClock(NOW), calendar, logger });
  const ms = performance.now() - t0;
  await prisma.$disconnect();
  dropCopy(file);
  return { ms, sent: r.sent.length, statements };
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
function rawPass(templateUrl: string, calendar: WorkingDayCalendar): { ms: number; sent: number } {
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
  db.close();
  dropCopy(file);
  return { ms, sent };
}

/** The nudge pass against raw better-sqlite3, interleaved over rounds. */
export async function benchNudgePass(): Promise<FigureRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-bench-pass-"));
  try {
    const calendar = createWorkingDayCalendar();
    const template = await seedTemplate(dir);
    // Warm-up (Prisma's query compiler, the calendar's years), not reported.
    await prismaPass(template, calendar);
    rawPass(template, calendar);
    const counted = await prismaPass(template, calendar, true);
    const { subject, anchor } = await interleaved(ROUNDS, () => prismaPass(template, calendar), async () => rawPass(template, calendar));
    const sent = new Set([...subject, ...anchor].map((r) => r.sent));
    if (sent.size !== 1) throw new Error(`the two passes sent different numbers of nudges: ${[...sent].join(", ")}`);
    const ms = subject.map((r) => r.ms);
    const rawMs = anchor.map((r) => r.ms);
    const ratios = subject.map((r, i) => r.ms / anchor[i]!.ms);
    process.stdout.write(`\nNudge pass, ${ROWS.toLocaleString("en-GB")} open deadlines, ${DUE.toLocaleString("en-GB")} due (${ROUNDS} interleaved rounds; median (min–max))\n`);
    console.table([
      { pass: "Convene (Prisma, batched)", "ms": spread(ms), sent: subject[0]!.sent, "SQL statements per nudge": (counted.statements / Math.max(1, counted.sent)).toFixed(2) },
      { pass: "raw better-sqlite3, cached statements (anchor)", "ms": spread(rawMs), sent: anchor[0]!.sent, "SQL statements per nudge": "≈7" },
    ]);
    const m = median(ms);
    const ratio = median(ratios);
    return [
      {
        figure: "nudge pass, 100k open / 1k due",
        measured: `${m.toFixed(0)} ms`,
        anchor: `raw better-sqlite3 ${median(rawMs).toFixed(0)} ms`,
        ratio: `${ratio.toFixed(2)}× raw`,
        goal: "≤ 1 s and ≤ 2.5× raw",
        met: m <= 1000 && ratio <= 2.5 ? "yes" : "no",
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
