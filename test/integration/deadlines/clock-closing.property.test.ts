import fc from "fast-check";
import { createDeadlines } from "../../../src/app/deadlines/plan-deadlines";
import { closeOpenDeadline, type ClosingEventKind } from "../../../src/app/deadlines/close-clock";
import { runNudgePass } from "../../../src/app/use-cases/run-nudge-pass";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { judgeClockClose } from "../../../src/domain/deadline/clock-closing";
import { computeDueDate, type RuleId } from "../../../src/domain/deadline/statutory-rules";
import { DomainError } from "../../../src/domain/shared/domain-error";
import { fixedClock } from "../../../src/domain/shared/clock";
import { addCalendarDays } from "../../../src/domain/shared/iso-date";
import { createTestDb, quietLogger, seedCase, teamsLink, type TestDb } from "../../helpers/nudge-fixtures";

// Property: whatever the clock and whenever its closing event falls (on or after its start,
// not in the future), recording the event closes it — met exactly when the event is on or
// before the due date — and no later scheduler pass nudges it again. Events dated in the
// future or before the start are refused with a field error and leave it open.

const calendar = createWorkingDayCalendar();
const RULES: RuleId[] = ["referral-decision", "assessment", "icpc", "core-group", "first-review", "next-review", "transfer-in", "permanence-plan"];
const KINDS: ClosingEventKind[] = ["meeting-held", "referral-decision", "assessment-concluded", "action-done", "plan-ended"];
const day = (offset: number) => addCalendarDays("2026-12-01", offset);

describe("no clock stays open once its closing event is recorded", () => {
  it("judges met exactly when the event is on or before the due date, and refuses impossible dates (pure)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULES), fc.integer({ min: 0, max: 400 }), fc.integer({ min: -30, max: 400 }), fc.integer({ min: 0, max: 400 }), (rule, start, event, today) => {
        const sourceDate = day(start);
        const clock = { rule, sourceDate, dueDate: computeDueDate(rule, sourceDate, calendar), createdAt: new Date(`${sourceDate}T12:00:00Z`) };
        const on = day(start + event);
        const now = day(start + today);
        try {
          const v = judgeClockClose(clock, on, now, calendar);
          expect(on >= sourceDate && on <= now).toBe(true);
          expect(v.status).toBe(on <= clock.dueDate ? "met" : "missed");
          expect(v.workingDaysTaken).toBe(calendar.workingDaysBetween(sourceDate, on));
        } catch (err) {
          expect(err).toBeInstanceOf(DomainError);
          expect((err as DomainError).details?.field).toBe("date");
          expect(on < sourceDate || on > now).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  describe("against a real SQLite store and the nudge scheduler", () => {
    let db: TestDb;
    beforeAll(async () => {
      db = await createTestDb("convene-closing-prop-");
    });
    afterAll(() => db.close());

    it("closes the row, stops its nudges and audits it", async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...RULES), fc.constantFrom(...KINDS), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 90 }), async (rule, kind, eventOffset, extra) => {
          n++;
          const from = "2026-12-17";
          const on = addCalendarDays(from, eventOffset);
          const clock = fixedClock(`${addCalendarDays(on, extra)}T10:00:00Z`);
          const caseId = `case-${n}`;
          const d = await db.uow.run(async (repos) => {
            const c = await seedCase(repos, { caseId, reference: `CS-2026-${String(1000 + n)}`, links: [teamsLink(`link-${n}`, caseId)] });
            const [row] = await createDeadlines(repos, c, [{ rule, sourceKind: "test", sourceId: `src-${n}`, from }], { clock: fixedClock(`${from}T10:00:00Z`), calendar });
            return closeOpenDeadline({ clock, calendar }, repos, row!, { kind, on, byId: "p-sw" });
          });
          const stored = await db.prisma.deadline.findUniqueOrThrow({ where: { id: d.id } });
          expect(stored.status).not.toBe("open");
          expect(stored.status).toBe(on <= stored.dueDate ? "met" : "missed");
          expect(stored).toMatchObject({ nextNudgeAt: null, closedOn: on, closingEvent: kind });
          const pass = await runNudgePass({ uow: db.uow, clock, calendar, logger: quietLogger() });
          expect(pass.sent.map((s) => s.deadlineId)).not.toContain(d.id);
          expect(await db.prisma.auditEvent.count({ where: { entityId: d.id, action: "close" } })).toBe(1);
        }),
        { numRuns: 25 },
      );
    });
  });
});
