import { runNudgePass } from "../../../src/app/use-cases/run-nudge-pass";
import { seedBenchCase } from "../../../src/bench/bench-case";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { fixedClock } from "../../../src/domain/shared/clock";
import { countInvitationAnswers, seedOpenDeadlines, seedOpenDeadlinesPostgres } from "../../../src/store/bench-seed";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

// The benchmark's bulk seeders write straight to the database, past the repositories: the
// rows they make must be rows the product reads as open deadlines, with exactly the asked
// number due. Tiny sizes; on PostgreSQL when CONVENE_TEST_POSTGRES_URL is set (the same
// suite, as every store test). Times are never asserted.

// Mon 11 Jan 2027, 09:00 London: the before-1 stage of a deadline due Tue 12 Jan (as the bench).
const NOW = new Date("2027-01-11T09:00:00Z");

describe("the benchmark's deadline seeding", () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase("bench-seed");
    await db.uow.run(seedBenchCase);
  });
  afterEach(() => db.dispose());

  it("seeds open deadlines of which exactly `due` are due, and the nudge pass sends and stores one nudge each", async () => {
    const options = { caseId: "c1", rows: 50, due: 7, dueAt: NOW, createdAt: new Date("2027-01-04T10:00:00Z"), dueDate: "2027-01-12" };
    if (db.url.startsWith("file:")) seedOpenDeadlines(db.url, options);
    else await seedOpenDeadlinesPostgres(db.url, options);

    expect(await db.prisma.deadline.count({ where: { status: "open" } })).toBe(50);
    const due = await db.prisma.deadline.findMany({ where: { nextNudgeAt: { lte: NOW } }, select: { id: true }, orderBy: { id: "asc" } });
    // Spread through the table (every 7th row), the same ids on either database.
    expect(due.map((d) => d.id)).toEqual([0, 7, 14, 21, 28, 35, 42].map((i) => `bench-${i}`).sort());

    const logger = { info() {}, warn() {}, error() {} };
    const r = await runNudgePass({ uow: db.uow, clock: fixedClock(NOW), calendar: createWorkingDayCalendar(), logger });
    expect(r.sent).toHaveLength(7);
    expect(await db.prisma.outboxMessage.count()).toBe(7);
  });

  it("counts no answers on a database nobody has answered on", async () => {
    expect(await countInvitationAnswers(db.url)).toBe(0);
  });
});
