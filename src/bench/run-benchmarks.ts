import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runNudgePass } from "../app/use-cases/run-nudge-pass";
import { createWorkingDayCalendar } from "../domain/calendar/working-day-calendar";
import { fixedClock } from "../domain/shared/clock";
import { seedOpenDeadlines } from "../store/bench-seed";
import { applyMigrations } from "../store/migration-runner";
import { createPrismaClient } from "../store/prisma-client";
import { resolveAuditKey } from "../store/audit-key";
import { PrismaUnitOfWork } from "../store/prisma-unit-of-work";
import { benchStartUp } from "./start-up";

// `npm run bench`: times one scheduler pass over tables of different sizes and due counts,
// to show that a pass costs in proportion to the due work, not to the table; then the time
// from `npm start` to a healthy server, against `node dist/main.js`. Figures only.
// One section only: `npm run bench -- scheduler` or `npm run bench -- start`.

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
    applyMigrations(url);
    const prisma = createPrismaClient(url);
    const uow = new PrismaUnitOfWork(prisma, resolveAuditKey({ databaseUrl: url, production: false }));
    await uow.run(async (repos) => {
      await repos.practitioners.upsert({ id: "sw", platform: "teams", platformTenant: "t", platformUserId: "aad-sw", displayName: "Social Worker", email: null, agency: "local-authority", role: "social-worker" });
      await repos.cases.create({ id: "c1", tenant: "t", reference: "CS-BENCH-1", leadSocialWorkerId: "sw", teamManagerId: null, childDateOfBirth: null });
      await repos.channelLinks.upsert({ id: "L1", caseId: "c1", platform: "teams", conversationId: "19:bench", conversationRef: "{}" });
    });
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
  process.stdout.write("Scheduler pass: cost follows the due work (one transaction per due deadline, one outbox row each)\n");
  console.table(results);
}

const SECTIONS: Record<string, () => Promise<void>> = { scheduler: benchScheduler, start: benchStartUp };

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((a) => !(a in SECTIONS));
  if (unknown.length) throw new Error(`unknown section ${unknown.join(", ")}; sections: ${Object.keys(SECTIONS).join(", ")}`);
  for (const [name, run] of Object.entries(SECTIONS)) if (!asked.length || asked.includes(name)) await run();
}

void main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
