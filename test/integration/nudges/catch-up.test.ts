import { createDeadlines } from "../../../src/app/deadlines/plan-deadlines";
import type { DeadlineEvent } from "../../../src/app/deadlines/deadline-events";
import { runNudgePass } from "../../../src/app/use-cases/run-nudge-pass";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { fixedClock } from "../../../src/domain/shared/clock";
import { createTestDb, quietLogger, seedCase, teamsLink, type TestDb } from "../../helpers/nudge-fixtures";

// Downtime must neither drop nudges nor burst them: after a gap, each deadline with
// something due gets exactly ONE nudge, marked late, for its latest due stage.
describe("nudge catch-up after downtime", () => {
  let db: TestDb;
  const calendar = createWorkingDayCalendar();
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.close());

  it("two hours down over the 09:00 nudges: one late nudge per deadline, none dropped", async () => {
    const clock = fixedClock("2027-01-04T10:00:00Z");
    // 40 ICPC clocks from strategy discussions on consecutive days: on Mon 11 Jan at 09:00
    // different deadlines reach different stages (before-5, before-2, before-1, due-day, overdue-k).
    const sources = ["2026-12-14", "2026-12-15", "2026-12-16", "2026-12-17", "2026-12-18", "2026-12-21", "2026-12-22", "2026-12-23", "2026-12-24", "2026-12-29"];
    await db.uow.run(async (repos) => {
      for (let i = 0; i < 4; i++) {
        const c = await seedCase(repos, { caseId: `c${i}`, reference: `CS-2027-00${i}0`, links: [teamsLink(`L${i}`, `c${i}`)] });
        const events: DeadlineEvent[] = sources.map((from, j) => ({ rule: "icpc", sourceKind: "strategy-discussion", sourceId: `m${i}-${j}`, from }));
        await createDeadlines(repos, c, events, { clock, calendar });
      }
    });
    const deps = { uow: db.uow, clock, calendar, logger: quietLogger() };
    const pass = async (iso: string) => {
      clock.set(iso);
      return runNudgePass(deps);
    };
    // Up and running until Monday 08:45...
    for (let t = Date.parse("2027-01-04T10:00:00Z"); t <= Date.parse("2027-01-11T08:45:00Z"); t += 15 * 60_000) await pass(new Date(t).toISOString());
    const before = await db.prisma.outboxMessage.count();
    // ...down from 08:45 to 10:45 (London = UTC in January).
    const caughtUp = await pass("2027-01-11T10:45:00Z");
    expect(caughtUp.sent.length).toBeGreaterThan(0);
    expect(caughtUp.sent.every((s) => s.late)).toBe(true);
    // One nudge per deadline: no deadline appears twice.
    expect(new Set(caughtUp.sent.map((s) => s.deadlineId)).size).toBe(caughtUp.sent.length);
    // None dropped: every open deadline whose plan had a stage at 09:00 today was nudged.
    const open = await db.prisma.deadline.findMany({ where: { status: "open" } });
    const nudgedToday = open.filter((d) => caughtUp.sent.some((s) => s.deadlineId === d.id));
    const stillDue = open.filter((d) => d.nextNudgeAt && d.nextNudgeAt <= new Date("2027-01-11T10:45:00Z"));
    expect(stillDue).toEqual([]);
    expect(nudgedToday.length).toBe(caughtUp.sent.length);
    expect(await db.prisma.outboxMessage.count()).toBe(before + caughtUp.sent.length);
    // The rest of the day is quiet: the 09:00 stage is not repeated.
    let later = 0;
    for (let t = Date.parse("2027-01-11T11:00:00Z"); t <= Date.parse("2027-01-11T17:00:00Z"); t += 15 * 60_000) later += (await pass(new Date(t).toISOString())).sent.length;
    expect(later).toBe(0);
    expect(deps.logger.errors).toEqual([]);
  });

  it("a week without any pass collapses every missed stage into one late nudge", async () => {
    const clock = fixedClock("2027-02-01T10:00:00Z");
    let id = "";
    await db.uow.run(async (repos) => {
      const c = await seedCase(repos, { caseId: "cw", reference: "CS-2027-0999", links: [teamsLink("LW", "cw")] });
      const [d] = await createDeadlines(repos, c, [{ rule: "core-group", sourceKind: "icpc", sourceId: "mw", from: "2027-02-01" }], { clock, calendar });
      id = d!.id;
    });
    const deps = { uow: db.uow, clock, calendar, logger: quietLogger() };
    clock.set("2027-02-12T11:00:00Z"); // due Mon 15 Feb; created, before-5, before-2, before-1 all passed unseen
    const r = await runNudgePass(deps);
    expect(r.sent.filter((s) => s.deadlineId === id)).toEqual([expect.objectContaining({ stage: "before-1", late: true })]);
    expect(await db.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: `deadline/${id}/` } } })).toBe(1);
  });
});
