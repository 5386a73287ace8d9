import { createApp } from "../../../src/app/create-app";
import type { App } from "../../../src/app/app";
import type { ActorIdentity } from "../../../src/app/ports/actor";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { fixedClock } from "../../../src/domain/shared/clock";
import type { DomainError } from "../../../src/domain/shared/domain-error";
import { actors, conversation } from "../../helpers/app-actors";
import { silentLogger } from "../../helpers/seed-strategy-case";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

// Local policy (seed 004): a permanence plan within 4 months of a child becoming looked after.
describe("the permanence plan clock, on a real SQLite file", () => {
  let db: TestDatabase;
  let app: App;
  const clock = fixedClock("2026-12-30T10:00:00Z");
  const base = (key: string, actor: ActorIdentity = actors.socialWorker) => ({ key, actor, conversation });
  const code = (p: Promise<unknown>) => p.then(() => "resolved", (e: DomainError) => e.code);

  beforeAll(async () => {
    db = await createTestDatabase("permanence-plan");
    app = createApp({ uow: db.uow, clock, calendar: createWorkingDayCalendar(), logger: silentLogger });
    await app.linkChannel({ ...base("link"), caseRef: "CS-2026-0960", conversationRef: "{}" });
  });
  afterAll(() => db.dispose());

  it("opens on 'looked-after', due 4 months on and moved back to a working day, once", async () => {
    // Fri 30 Oct 2026 + 4 months = Sun 28 Feb 2027 → Fri 26 Feb.
    const r = await app.recordCaseEvent({ ...base("la-1"), caseRef: "CS-2026-0960", event: "looked-after", date: "2026-10-30" });
    expect(r.notice.text).toContain("Permanence plan: due Fri 26 Feb 2027");
    await app.recordCaseEvent({ ...base("la-2"), caseRef: "CS-2026-0960", event: "looked-after", date: "2026-10-30" });
    expect(await db.prisma.deadline.findMany({ where: { rule: "permanence-plan" } })).toEqual([
      expect.objectContaining({ sourceDate: "2026-10-30", dueDate: "2027-02-26", status: "open", sourceKind: "looked-after" }),
    ]);
    expect(await code(app.recordCaseEvent({ ...base("la-3"), caseRef: "CS-2026-0960", event: "looked-after", date: "2027-01-04" }))).toBe("DATE_IN_FUTURE");
  });

  it("offers 'Record the permanence plan' on the deadlines list, and closes on the day it was recorded", async () => {
    const listed = await app.listDeadlines({ ...base("list") });
    const line = listed.lines.find((l) => l.title === "Permanence plan")!;
    expect(line.closeWith).toBe("permanence-plan");
    const record = (key: string, closedOn: string, actor?: ActorIdentity) =>
      app.recordClosingEvent({ ...base(key, actor), deadlineId: line.id, closedOn, event: { kind: "permanence-plan-recorded" } });
    expect(await code(record("pp-future", "2026-12-31"))).toBe("CLOSED_ON_IN_FUTURE");
    expect(await code(record("pp-early", "2026-10-29"))).toBe("CLOSED_ON_BEFORE_START");
    expect(await code(record("pp-police", "2026-12-29", actors.police))).toBe("NOT_AUTHORISED");
    const r = await record("pp-ok", "2026-12-29");
    expect(r.notice.title).toContain("Permanence plan recorded");
    expect(await db.prisma.deadline.findFirstOrThrow({ where: { rule: "permanence-plan" } })).toMatchObject({
      status: "met", closedOn: "2026-12-29", closingEvent: "permanence-plan-recorded", nextNudgeAt: null,
    });
    expect(await db.prisma.auditEvent.count({ where: { entityType: "deadline", action: "close" } })).toBe(1);
  });
});
