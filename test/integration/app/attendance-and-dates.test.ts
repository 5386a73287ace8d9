import { createApp } from "../../../src/app/create-app";
import type { App } from "../../../src/app/app";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { fixedClock } from "../../../src/domain/shared/clock";
import type { DomainError } from "../../../src/domain/shared/domain-error";
import { actors, conversation } from "../../helpers/app-actors";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

// Dates that make sense, and "held" that records who really took part: accepting is not
// attending, so the statutory minimum is judged on attendance.

const silent = { info() {}, warn() {}, error() {}, debug() {} };
const code = (p: Promise<unknown>) => p.then(() => "ok", (e: DomainError) => e.code ?? String(e));

describe("meeting dates and who actually attended", () => {
  let db: TestDatabase;
  let app: App;
  const clock = fixedClock("2026-12-22T15:30:00Z"); // Tuesday, two days before Christmas Eve
  const convene = (key: string, scheduledLocal: string | null, extra: object = {}) =>
    app.conveneMeeting({
      key, actor: actors.socialWorker, conversation, caseRef: "CS-2026-0500", kind: "strategy-discussion", concern: "Concern", urgency: "today", scheduledLocal, mode: "call",
      invitees: [
        { role: "social-worker", agency: "Children's social care", person: actors.socialWorker },
        { role: "health", agency: "Health", person: actors.health },
        { role: "police", agency: "Police", person: actors.police },
      ],
      ...extra,
    });

  beforeAll(async () => {
    db = await createTestDatabase("app-attendance");
    app = createApp({ uow: db.uow, clock, calendar: createWorkingDayCalendar(), logger: silent });
    await app.linkChannel({ key: "l", actor: actors.socialWorker, conversation, caseRef: "CS-2026-0500", conversationRef: "{}" });
  });
  afterAll(() => db.dispose());

  it("refuses a date before today, naming the date field, and allows today at any hour", async () => {
    const past = await convene("p1", "2026-11-24T10:00").catch((e: DomainError) => e);
    expect(past).toMatchObject({ code: "DATE_IN_PAST", details: { field: "scheduledLocal" } });
    expect((past as DomainError).message).toContain("Tue 24 Nov 2026 has passed");
    // Today, even at an hour already gone: urgent discussions are convened as they happen.
    expect(await code(convene("p2", "2026-12-22T09:00"))).toBe("ok");
  });

  it("asks for confirmation before a weekend or a bank holiday, and before a second open meeting of the kind", async () => {
    const christmas = await convene("x1", "2026-12-25T10:00", { confirm: { anotherOpen: true } }).catch((e: DomainError) => e);
    expect(christmas).toMatchObject({ code: "NON_WORKING_DAY", details: { confirm: "nonWorkingDay" } });
    expect((christmas as DomainError).message).toContain("Fri 25 Dec 2026 is a bank holiday (Christmas Day)");
    expect(await code(convene("x2", "2026-12-26T10:00", { confirm: { anotherOpen: true } }))).toBe("NON_WORKING_DAY");
    const again = await convene("x3", "2026-12-23T10:00").catch((e: DomainError) => e);
    expect(again).toMatchObject({ code: "ANOTHER_OPEN", details: { confirm: "anotherOpen" } });
    expect(await code(convene("x4", "2026-12-25T10:00", { confirm: { anotherOpen: true, nonWorkingDay: true } }))).toBe("ok");
    expect(await db.prisma.meeting.count()).toBe(2);
  });

  it("refuses 'held' before the meeting's day", async () => {
    const m = await db.prisma.meeting.findFirstOrThrow({ where: { scheduledAt: new Date("2026-12-25T10:00:00Z") } });
    const early = await app.markMeetingHeld({ key: "h0", actor: actors.socialWorker, conversation, meetingId: m.id }).catch((e: DomainError) => e);
    expect(early).toMatchObject({ code: "HELD_TOO_EARLY" });
    expect((early as DomainError).message).toContain("Fri 25 Dec 2026");
  });

  it("judges quorum on who took part, not on who accepted, and keeps apologies with their contribution", async () => {
    const m = await db.prisma.meeting.findFirstOrThrow({ where: { scheduledAt: new Date("2026-12-22T09:00:00Z") } });
    const rows = await db.prisma.invitation.findMany({ where: { meetingId: m.id } });
    const id = (role: string) => rows.find((r) => r.role === role)!.id;
    for (const [who, role] of [[actors.socialWorker, "social-worker"], [actors.health, "health"], [actors.police, "police"]] as const) {
      await app.respondToInvitation({ key: `a-${role}`, actor: who, conversation, invitationId: id(role), answer: { kind: "accept" } });
    }
    // Everyone accepted, but police did not come: the minimum was not met.
    const attendance = [
      { invitationId: id("social-worker"), attendance: "attended" as const },
      { invitationId: id("health"), attendance: "apologies" as const, note: "Written health chronology shared beforehand" },
      { invitationId: id("police"), attendance: "absent" as const },
    ];
    expect(await code(app.markMeetingHeld({ key: "h1", actor: actors.socialWorker, conversation, meetingId: m.id, attendance }))).toBe("QUORUM_NOT_MET");
    const held = await app.markMeetingHeld({ key: "h2", actor: actors.socialWorker, conversation, meetingId: m.id, attendance, overrideReason: "Police gave their information by phone before the meeting." });
    const byRole = Object.fromEntries(held.roster.rows.map((r) => [r.role, r.attendanceLabel]));
    expect(byRole).toEqual({ "social-worker": "Took part", health: "Sent apologies: Written health chronology shared beforehand", police: "Did not take part" });
    const stored = await db.prisma.invitation.findUniqueOrThrow({ where: { id: id("health") } });
    expect(stored).toMatchObject({ attendance: "apologies", apologiesNote: "Written health chronology shared beforehand", response: "accepted" });
  });
});
