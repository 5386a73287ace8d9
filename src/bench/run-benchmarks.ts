import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { runNudgePass } from "../app/use-cases/run-nudge-pass";
import { createWorkingDayCalendar } from "../domain/calendar/working-day-calendar";
import { fixedClock } from "../domain/shared/clock";
import { seedOpenDeadlines } from "../store/bench-seed";
import { seedBenchCase } from "./bench-case";
import { applySqliteMigrations } from "../store/migration-runner";
import { createPrismaClient } from "../store/prisma-client";
import { resolveAuditKey } from "../store/audit-key";
import { PrismaUnitOfWork } from "../store/prisma-unit-of-work";
import { benchStartUp } from "./start-up";
import { printFigures, type DatabaseRow, type FigureRow } from "./bench-stats";
import { benchPostgres, stopBenchPostgres } from "./bench-postgres";
import { benchNudgePass } from "./nudge-pass.bench";
import { benchSlackAccept } from "./slack-accept.bench";
import { benchIdleMemory } from "./idle-memory.bench";
import { benchTeamsInvoke } from "./teams-invoke.bench";

// `npm run bench`: the hot-path figures, each against an anchor measured in the same run
// (interleaved rounds, median and spread): a Slack Accept against a bare Bolt app, a Teams
// invoke against a bare CloudAdapter bot, the nudge pass against the same work on raw
// better-sqlite3, idle memory against the Prisma client alone. Then how a pass scales with
// the table and the due work, and the time from `npm start` to a healthy server.
// Figures only: nothing here asserts a time. Sections: `npm run bench -- pass slack ...`.
// The nudge pass and the Slack Accept also run on PostgreSQL, beside SQLite, when there is a
// server (CONVENE_BENCH_POSTGRES_URL, or a throwaway one; see bench-postgres.ts).

interface Scenario {
  rows: number;
  due: number;
}

const SCENARIOS: Scenario[] = [
  { rows: 10_000, due: 1_000 },
  { rows: 100_000, due: 1_000 },
  { rows: 100_000, due: 100 },
];

async function runScenario(s: Scenario): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-bench-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  try {
    applySqliteMigrations(url);
    const prisma = createPrismaClient(url);
    const uow = new PrismaUnitOfWork(prisma, resolveAuditKey({ databaseUrl: url, production: false }));
    await uow.run(seedBenchCase);
    // Mon 11 Jan 2027, 09:00 London: the before-1 stage of a deadline due Tue 12 Jan.
    const now = new Date("2027-01-11T09:00:00Z");
    const seedStart = performance.now();
    seedOpenDeadlines(url, { caseId: "c1", rows: s.rows, due: s.due, dueAt: now, createdAt: new Date("2027-01-04T10:00:00Z"), dueDate: "2027-01-12" });
    const seedMs = performance.now() - seedStart;
    const logger = { info() {}, warn() {}, error() {} };
    const start = performance.now();
    const r = await runNudgePass({ uow, clock: fixedClock(now), calendar: createWorkingDayCalendar(), logger });
    const passMs = performance.now() - start;
    await prisma.$disconnect();
    return {
      rows: s.rows,
      due: s.due,
      sent: r.sent.length,
      "seed ms": Math.round(seedMs),
      "pass ms": Math.round(passMs),
      "ms per due": Number((passMs / Math.max(1, s.due)).toFixed(2)),
      "heap MB": Math.round(process.memoryUsage().heapUsed / 1_048_576),
      "rss MB": Math.round(process.memoryUsage().rss / 1_048_576),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchScheduler(): Promise<void> {
  // Warm-up (Prisma's query compiler and the calendar's first years load here), not reported.
  await runScenario({ rows: 1_000, due: 10 });
  const results = [];
  for (const s of SCENARIOS) results.push(await runScenario(s));
  process.stdout.write("\nScheduler pass: cost follows the due work, not the table (up to 100 due deadlines per transaction)\n");
  console.table(results);
}

/** What a figure section returns: its summary rows, and (pass, slack) the SQLite-beside-PostgreSQL rows. */
type SectionResult = FigureRow[] | { figures: FigureRow[]; databases: DatabaseRow[] };

/** Sections that measure a figure against its anchor; their rows make the closing summary. */
const FIGURES: Record<string, () => Promise<SectionResult>> = { slack: benchSlackAccept, teams: benchTeamsInvoke, pass: benchNudgePass, memory: benchIdleMemory };
/** Sections that only print. */
const OTHERS: Record<string, () => Promise<void>> = { scheduler: benchScheduler, start: benchStartUp };

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const all = [...Object.keys(FIGURES), ...Object.keys(OTHERS)];
  const unknown = asked.filter((a) => !all.includes(a));
  if (unknown.length) throw new Error(`unknown section ${unknown.join(", ")}; sections: ${all.join(", ")}`);
  const wanted = (name: string) => !asked.length || asked.includes(name);
  const figures: FigureRow[] = [];
  const databases: DatabaseRow[] = [];
  try {
    for (const [name, run] of Object.entries(FIGURES)) {
      if (!wanted(name)) continue;
      const r = await run();
      if (Array.isArray(r)) figures.push(...r);
      else {
        figures.push(...r.figures);
        databases.push(...r.databases);
      }
    }
    for (const [name, run] of Object.entries(OTHERS)) if (wanted(name)) await run();
  } finally {
    await stopBenchPostgres();
  }
  if (figures.length) printFigures(`Hot paths against their anchors (${describeMachine()})`, figures);
  if (databases.length) {
    const pg = await benchPostgres();
    if ("skipped" in pg) process.stdout.write(`\nPostgreSQL figures skipped: ${pg.skipped}\n`);
    else printFigures(`SQLite beside PostgreSQL (${pg.describe}); anchor and ratio: SQLite's | PostgreSQL's. No goals are set for PostgreSQL`, databases);
  }
}

/** The machine, so figures are read against it. */
function describeMachine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}`;
}

void main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
