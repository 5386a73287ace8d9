import { createDeadlines } from "../../../src/app/deadlines/plan-deadlines";
import type { DeadlineEvent } from "../../../src/app/deadlines/deadline-events";
import { runNudgePass } from "../../../src/app/use-cases/run-nudge-pass";
import type { NudgeView } from "../../../src/app/views/view-models";
import { renderNudgeCard } from "../../../src/cards/nudge.card";
import { nudgeBlocks } from "../../../src/cards/slack/nudge.blocks";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { computeDueDate } from "../../../src/domain/deadline/statutory-rules";
import { fixedClock } from "../../../src/domain/shared/clock";
import { createTestDb, practitioner, quietLogger, seedCase, teamsLink, type TestDb } from "../../helpers/nudge-fixtures";

// A scripted case over Christmas 2026: strategy discussion on Thu 17 Dec decides on s47
// enquiries, so the ICPC is due 15 working days later, counted around Christmas Day (Fri),
// the Boxing Day substitute (Mon 28 Dec) and New Year's Day (Fri 1 Jan). A police action
// agreed at the same meeting is due Wed 23 Dec. The scheduler runs every 15 minutes of
// simulated time; we record which nudges go out, when (London time) and to whom.
describe("nudge timeline across Christmas 2026", () => {
  let db: TestDb;
  const calendar = createWorkingDayCalendar();
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.close());

  it("sends each planned nudge once, on working days, within working hours", async () => {
    const clock = fixedClock("2026-12-17T14:05:00Z"); // just after the discussion ended
    const police = practitioner("pc1", "DC Pat Police", "police", "police");
    const link = teamsLink("L1", "case-1");
    await db.uow.run(async (repos) => {
      const c = await seedCase(repos, { caseId: "case-1", reference: "CS-2026-0142", links: [link], people: [police] });
      await repos.actions.create({ id: "act-1", caseId: c.id, meetingId: null, ownerLabel: "DC Pat Police", ownerPractitionerId: police.id, description: "free text that must not appear", dueDate: "2026-12-23", status: "open" });
      const events: DeadlineEvent[] = [
        { rule: "icpc", sourceKind: "strategy-discussion", sourceId: "m-1", from: "2026-12-17" },
        { rule: "action", sourceKind: "action", sourceId: "act-1", from: "2026-12-23", actionId: "act-1" },
      ];
      await createDeadlines(repos, c, events, { clock, calendar });
    });
    expect(computeDueDate("icpc", "2026-12-17", calendar)).toBe("2027-01-12");

    const deps = { uow: db.uow, clock, calendar, logger: quietLogger() };
    const log: string[] = [];
    const end = new Date("2027-01-15T17:00:00Z").getTime();
    for (let t = new Date("2026-12-17T14:15:00Z").getTime(); t <= end; t += 15 * 60_000) {
      clock.set(new Date(t));
      const r = await runNudgePass(deps);
      for (const s of r.sent) {
        const rows = await db.prisma.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: `deadline/${s.deadlineId}/${s.stage}/` } } });
        const view = (JSON.parse(rows[0]!.payload) as { view: NudgeView }).view;
        const who = view.mentions.map((m) => m.displayName).join(" + ");
        const at = new Date(t).toLocaleString("en-GB", { timeZone: "Europe/London", weekday: "short", day: "2-digit", month: "short", hour: "2-digit", minute: "2-digit" });
        log.push(`${at} ${s.rule} ${s.stage} wd=${view.workingDaysRemaining}${s.late ? " late" : ""} -> ${who}`);
        expect(rows).toHaveLength(1);
        // The action's words are in the card body only; never in what a lock screen shows.
        expect(view.title).not.toContain("free text");
        expect(String(renderNudgeCard(view).fallbackText)).not.toContain("free text");
        expect(nudgeBlocks(view).text).not.toContain("free text");
        expect(view.actionCommand).toBe("deadlines CS-2026-0142");
      }
    }
    expect(log).toEqual([
      "Thu 17 Dec, 14:15 icpc created wd=15 -> Sam Social Worker",
      "Thu 17 Dec, 14:15 action created wd=4 -> DC Pat Police",
      "Mon 21 Dec, 09:00 action before-2 wd=2 -> DC Pat Police",
      "Tue 22 Dec, 09:00 action before-1 wd=1 -> DC Pat Police",
      "Wed 23 Dec, 09:00 action due-day wd=0 -> DC Pat Police",
      "Thu 24 Dec, 09:00 action overdue-1 wd=-1 -> DC Pat Police",
      "Tue 29 Dec, 09:00 action overdue-2 wd=-2 -> DC Pat Police + Toni Team Manager",
      "Wed 30 Dec, 09:00 action overdue-3 wd=-3 -> DC Pat Police + Toni Team Manager",
      "Thu 31 Dec, 09:00 action overdue-4 wd=-4 -> DC Pat Police + Toni Team Manager",
      "Mon 04 Jan, 09:00 action overdue-5 wd=-5 -> DC Pat Police + Toni Team Manager",
      "Tue 05 Jan, 09:00 icpc before-5 wd=5 -> Sam Social Worker",
      "Tue 05 Jan, 09:00 action overdue-6 wd=-6 -> DC Pat Police + Toni Team Manager",
      "Wed 06 Jan, 09:00 action overdue-7 wd=-7 -> DC Pat Police + Toni Team Manager",
      "Thu 07 Jan, 09:00 action overdue-8 wd=-8 -> DC Pat Police + Toni Team Manager",
      "Fri 08 Jan, 09:00 icpc before-2 wd=2 -> Sam Social Worker",
      "Fri 08 Jan, 09:00 action overdue-9 wd=-9 -> DC Pat Police + Toni Team Manager",
      "Mon 11 Jan, 09:00 icpc before-1 wd=1 -> Sam Social Worker",
      "Mon 11 Jan, 09:00 action overdue-10 wd=-10 -> DC Pat Police + Toni Team Manager",
      "Tue 12 Jan, 09:00 icpc due-day wd=0 -> Sam Social Worker",
      "Tue 12 Jan, 09:00 action overdue-11 wd=-11 -> DC Pat Police + Toni Team Manager",
      "Wed 13 Jan, 09:00 icpc overdue-1 wd=-1 -> Sam Social Worker",
      "Wed 13 Jan, 09:00 action overdue-12 wd=-12 -> DC Pat Police + Toni Team Manager",
      "Thu 14 Jan, 09:00 icpc overdue-2 wd=-2 -> Sam Social Worker + Toni Team Manager",
      "Thu 14 Jan, 09:00 action overdue-13 wd=-13 -> DC Pat Police + Toni Team Manager",
      "Fri 15 Jan, 09:00 icpc overdue-3 wd=-3 -> Sam Social Worker + Toni Team Manager",
      "Fri 15 Jan, 09:00 action overdue-14 wd=-14 -> DC Pat Police + Toni Team Manager",
    ]);
    expect(deps.logger.errors).toEqual([]);
  });
});
