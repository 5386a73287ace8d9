import { createApp } from "../../../src/app/create-app";
import type { App } from "../../../src/app/app";
import type { ActorIdentity } from "../../../src/app/ports/actor";
import { registerPractitioner } from "../../../src/app/use-cases/register-practitioner";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { fixedClock } from "../../../src/domain/shared/clock";
import { DomainError } from "../../../src/domain/shared/domain-error";
import { actors, conversation } from "../../helpers/app-actors";
import { silentLogger } from "../../helpers/seed-strategy-case";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

describe("case events and waivers, on a real SQLite file", () => {
  let db: TestDatabase;
  let app: App;
  const clock = fixedClock("2026-12-30T10:00:00Z"); // between Christmas and New Year
  const calendar = createWorkingDayCalendar();
  const base = (key: string, actor: ActorIdentity = actors.socialWorker) => ({ key, actor, conversation });
  const code = (p: Promise<unknown>) => p.then(() => "resolved", (e: DomainError) => e.code);

  beforeAll(async () => {
    db = await createTestDatabase("case-events");
    app = createApp({ uow: db.uow, clock, calendar, logger: silentLogger });
    await app.linkChannel({ ...base("link"), caseRef: "CS-2026-0900", conversationRef: "{}" });
  });
  afterAll(() => db.dispose());

  it("a referral opens the 1- and 45-working-day clocks, counted across Christmas", async () => {
    const r = await app.recordCaseEvent({ ...base("ref-1"), caseRef: "CS-2026-0900", event: "referral", date: "2026-12-24" });
    expect(r.notice.text).toContain("Tue 29 Dec 2026"); // 25 Dec and the Boxing Day substitute (28th) skipped
    const rows = await db.prisma.deadline.findMany({ orderBy: { dueDate: "asc" } });
    expect(rows.map((d) => [d.rule, d.dueDate])).toEqual([
      ["referral-decision", "2026-12-29"],
      ["assessment", calendar.addWorkingDays("2026-12-24", 45)],
    ]);
    expect(rows.every((d) => d.nextNudgeAt !== null)).toBe(true);
    // Recording the same referral again opens nothing new.
    await app.recordCaseEvent({ ...base("ref-2"), caseRef: "CS-2026-0900", event: "referral", date: "2026-12-24" });
    expect(await db.prisma.deadline.count()).toBe(2);
  });

  it("a transfer-in notification opens the 15-working-day conference clock", async () => {
    await app.recordCaseEvent({ ...base("ti"), caseRef: "CS-2026-0900", event: "transfer-in", date: "2026-12-18" });
    const d = await db.prisma.deadline.findFirstOrThrow({ where: { rule: "transfer-in" } });
    expect(d.dueDate).toBe("2027-01-13");
  });

  it("a date of birth stores it on the case and plans the review before 18", async () => {
    await app.recordCaseEvent({ ...base("dob"), caseRef: "CS-2026-0900", event: "date-of-birth", date: "2009-03-28" });
    const d = await db.prisma.deadline.findFirstOrThrow({ where: { rule: "review-before-18" } });
    // The 18th birthday, 28 Mar 2027, is Easter Sunday: Good Friday (26th) is a bank holiday,
    // so the last working day before it is Thursday 25th.
    expect(d.dueDate).toBe("2027-03-25");
    expect((await db.prisma.case.findFirstOrThrow()).childDateOfBirth).toBe("2009-03-28");
  });

  it("a corrected date of birth stops the old review-before-18 clock", async () => {
    await app.recordCaseEvent({ ...base("dob-2"), caseRef: "CS-2026-0900", event: "date-of-birth", date: "2009-04-28" });
    const rows = await db.prisma.deadline.findMany({ where: { rule: "review-before-18" }, orderBy: { dueDate: "asc" } });
    expect(rows.map((d) => [d.dueDate, d.status])).toEqual([
      ["2027-03-25", "waived"],
      ["2027-04-27", "open"],
    ]);
  });

  it("refuses a referral dated in the future, a stranger, and another case's reference", async () => {
    expect(await code(app.recordCaseEvent({ ...base("f"), caseRef: "CS-2026-0900", event: "referral", date: "2027-01-05" }))).toBe("DATE_IN_FUTURE");
    expect(await code(app.recordCaseEvent({ ...base("s", actors.stranger), caseRef: "CS-2026-0900", event: "referral", date: "2026-12-01" }))).toBe("NOT_AUTHORISED");
    expect(await code(app.recordCaseEvent({ ...base("o"), caseRef: "CS-2026-0001", event: "referral", date: "2026-12-01" }))).toBe("CASE_NOT_LINKED");
  });

  it("only a team manager can waive, with a reason, and nudges stop", async () => {
    const d = await db.prisma.deadline.findFirstOrThrow({ where: { rule: "transfer-in" } });
    expect(await code(app.waiveDeadline({ ...base("w1"), deadlineId: d.id, reason: "Family did not move after all" }))).toBe("NOT_AUTHORISED");
    await registerPractitioner(
      { uow: db.uow, clock, calendar, logger: silentLogger },
      { identity: actors.manager, agency: "Children's social care", role: "team-manager", managerOfCase: "CS-2026-0900", operator: "test" },
    );
    const r = await app.waiveDeadline({ ...base("w2", actors.manager), deadlineId: d.id, reason: "Family did not move after all" });
    expect(r.notice.text).toContain("Family did not move");
    const after = await db.prisma.deadline.findUniqueOrThrow({ where: { id: d.id } });
    expect(after).toMatchObject({ status: "waived", waivedReason: "Family did not move after all", nextNudgeAt: null });
    const posted = await db.prisma.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: `deadline/${d.id}/waived/` } } });
    expect(posted).toHaveLength(1);
    expect(posted[0]!.payload).toContain("Family did not move after all");
    const open = await app.listDeadlines({ ...base("l"), caseRef: "CS-2026-0900" });
    expect(open.lines.map((l) => l.id)).not.toContain(d.id);
  });
});
