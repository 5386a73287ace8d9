import { createApp } from "../../../src/app/create-app";
import { registerPractitioner } from "../../../src/app/use-cases/register-practitioner";
import type { App } from "../../../src/app/app";
import type { ActorIdentity } from "../../../src/app/ports/actor";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { fixedClock } from "../../../src/domain/shared/clock";
import { DomainError } from "../../../src/domain/shared/domain-error";
import { strategyFormValuesFixture } from "../../fixtures/strategy-record.fixture";
import { seedRecordedStrategyCase } from "../../helpers/seed-strategy-case";
import { actors, conversation } from "../../helpers/app-actors";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

const silent = { info() {}, warn() {}, error() {}, debug() {} };

describe("strategy discussion flow through the app, on a real SQLite file", () => {
  let db: TestDatabase;
  let app: App;
  const clock = fixedClock("2026-11-23T10:00:00Z"); // Monday

  beforeAll(async () => {
    db = await createTestDatabase("app-flow");
    app = createApp({ uow: db.uow, clock, calendar: createWorkingDayCalendar(), logger: silent });
    // Only police can claim the police duty desk row: Pat is a registered police officer.
    await registerPractitioner({ uow: db.uow, clock, calendar: createWorkingDayCalendar(), logger: silent }, { identity: actors.police, agency: "Police", role: "police", operator: "test" });
  });
  afterAll(() => db.dispose());

  const base = (key: string, actor: ActorIdentity = actors.socialWorker) => ({ key, actor, conversation });
  const expectCode = async (p: Promise<unknown>, code: string) => {
    await expect(p).rejects.toBeInstanceOf(DomainError);
    await p.catch((e: DomainError) => expect(e.code).toBe(code));
  };

  let meetingId = "";
  let rows: { role: string; invitationId: string }[] = [];

  it("links the conversation, creating the case", async () => {
    const r = await app.linkChannel({ ...base("a1"), caseRef: "cs-2026-0142", conversationRef: "{}" });
    expect(r).toMatchObject({ caseReference: "CS-2026-0142", created: true });
    const again = await app.linkChannel({ ...base("a1"), caseRef: "cs-2026-0142", conversationRef: "{}" });
    expect(again).toEqual(r);
  });

  it("refuses a case reference that could be a name", async () => {
    await expectCode(app.linkChannel({ ...base("a0"), caseRef: "Jane Smith", conversationRef: "{}" }), "INVALID_CASE_REF");
  });

  it("refuses a new case reference that looks like initials and a date of birth, saying why, and creates nothing", async () => {
    const p = app.linkChannel({ ...base("a0b"), caseRef: "JS-2014-05-14", conversationRef: "{}" });
    await expectCode(p, "CASE_REF_IDENTIFIES_CHILD");
    await p.catch((e: DomainError) => expect(e.message).toMatch(/^JS-2014-05-14 looks like initials and a date of birth \(it reads as 14 May 2014\)\. .*must never identify the child/));
  });

  it("convenes, posting one roster card through the outbox", async () => {
    const r = await app.conveneMeeting({
      ...base("a2"),
      caseRef: "CS-2026-0142",
      kind: "strategy-discussion",
      concern: "Bruising reported by school",
      urgency: "today",
      scheduledLocal: "2026-11-23T14:00",
      mode: "call",
      invitees: [
        { role: "social-worker", agency: "Children's social care", person: actors.socialWorker },
        { role: "health", agency: "NHS", person: actors.health },
        { role: "police", agency: "Police", agencyContact: "CAIT duty desk" },
      ],
    });
    meetingId = r.meetingId;
    rows = r.roster.rows;
    expect(r.roster.rows.map((x) => x.role)).toEqual(["social-worker", "health", "police"]);
    expect(r.roster.whenLabel).toBe("Mon 23 Nov 2026, 14:00 (UK time)");
    expect(r.roster.missingRequiredRoles).toEqual([]);
    // One roster card to the channel, and a personal invitation to the named health invitee.
    expect(await db.prisma.outboxMessage.count({ where: { directTo: null } })).toBe(1);
    expect((await db.prisma.outboxMessage.findMany({ where: { directTo: { not: null } } })).map((m) => m.directTo)).toEqual([actors.health.userId]);
  });

  it("lets each invitee answer, refuses the wrong user, and dedupes redelivery", async () => {
    const [sw, health, police] = rows;
    await app.respondToInvitation({ ...base("r1"), invitationId: sw!.invitationId, answer: { kind: "accept" } });
    await expectCode(app.respondToInvitation({ ...base("r2", actors.stranger), invitationId: health!.invitationId, answer: { kind: "accept" } }), "NOT_INVITEE");
    await app.respondToInvitation({ ...base("r3", actors.health), invitationId: health!.invitationId, answer: { kind: "accept" } });
    const claimed = await app.respondToInvitation({ ...base("r4", actors.police), invitationId: police!.invitationId, answer: { kind: "accept" } });
    expect(claimed.roster.rows[2]!.inviteeLabel).toBe("Pat Police (for CAIT duty desk)");
    expect(claimed.roster.rows.every((x) => x.response === "accepted")).toBe(true);
    // Once claimed, the agency row belongs to its claimant.
    await expectCode(app.respondToInvitation({ ...base("r5", actors.stranger), invitationId: police!.invitationId, answer: { kind: "decline", reason: "x" } }), "NOT_INVITEE");
    const before = await db.prisma.outboxMessage.count();
    await app.respondToInvitation({ ...base("r4", actors.police), invitationId: police!.invitationId, answer: { kind: "accept" } });
    expect(await db.prisma.outboxMessage.count()).toBe(before);
  });

  it("marks held with quorum and records the decision, opening the ICPC clock", async () => {
    const held = await app.markMeetingHeld({ ...base("h1"), meetingId });
    expect(held.roster.status).toBe("held");
    const bad = await app.recordDecision({ ...base("d0"), meetingId, values: { ...strategyFormValuesFixture, "decision.s47": "" } });
    expect(bad.ok).toBe(false);
    const r = await app.recordDecision({ ...base("d1"), meetingId, values: strategyFormValuesFixture });
    expect(r.ok).toBe(true);
    const deadlines = await app.listDeadlines({ ...base("l1"), caseRef: "CS-2026-0142" });
    expect(deadlines.lines.some((l) => l.kind === "deadline" && l.title.toLowerCase().includes("conference"))).toBe(true);
  });

  it("requires a reason to amend, and keeps both versions", async () => {
    const noReason = await app.recordDecision({ ...base("d2"), meetingId, values: { ...strategyFormValuesFixture, chair: "Another Chair" } });
    expect(noReason).toEqual({ ok: false, errors: { amendmentReason: expect.any(String) } });
    const amended = await app.recordDecision({ ...base("d3"), meetingId, values: { ...strategyFormValuesFixture, chair: "Another Chair" }, amendmentReason: "Chair's name was wrong" });
    expect(amended.ok && amended.record.version).toBe(2);
    expect(await db.prisma.decisionRecord.count({ where: { meetingId } })).toBe(2);
  });

  it("enforces the quorum rule, with a recorded override", async () => {
    const r = await app.conveneMeeting({
      ...base("c2"), caseRef: "CS-2026-0142", kind: "strategy-discussion", concern: "New information", urgency: "today",
      scheduledLocal: null, mode: "phone", invitees: [{ role: "social-worker", agency: "LA", person: actors.socialWorker }],
    });
    expect(r.roster.missingRequiredRoles).toEqual(["Health", "Police"]);
    await expectCode(app.markMeetingHeld({ ...base("h2"), meetingId: r.meetingId }), "QUORUM_NOT_MET");
    const held = await app.markMeetingHeld({ ...base("h3"), meetingId: r.meetingId, overrideReason: "Health and police gave information by phone beforehand" });
    expect(held.roster.quorumOverrideReason).toContain("by phone");
  });
});

describe("authorisation across cases and tenants", () => {
  let db: TestDatabase;
  let app: App;
  const clock = fixedClock("2026-11-23T10:00:00Z");
  const otherTenantSw: ActorIdentity = { platform: "teams", tenant: "t2", userId: "aad-other", displayName: "Olu Other" };
  const otherConversation = { platform: "teams" as const, conversationId: "19:other-tenant@thread.tacv2" };
  const code = (p: Promise<unknown>) => p.then(() => "resolved", (e: DomainError) => e.code);

  beforeAll(async () => {
    db = await createTestDatabase("app-authz");
    app = createApp({ uow: db.uow, clock, calendar: createWorkingDayCalendar(), logger: silent });
  });
  afterAll(() => db.dispose());

  it("never shows a meeting in a conversation of another tenant's case with the same reference", async () => {
    await app.linkChannel({ key: "l1", actor: actors.socialWorker, conversation, caseRef: "CS-2026-0142", conversationRef: "{}" });
    const { meetingId } = await app.conveneMeeting({
      key: "c1", actor: actors.socialWorker, conversation, caseRef: "CS-2026-0142", kind: "strategy-discussion", concern: "Concern",
      urgency: "today", scheduledLocal: null, mode: "call", invitees: [],
    });
    await app.linkChannel({ key: "l2", actor: otherTenantSw, conversation: otherConversation, caseRef: "CS-2026-0142", conversationRef: "{}" });
    expect(await code(app.getRoster(meetingId, otherConversation))).toBe("MEETING_NOT_FOUND");
    expect((await app.getRoster(meetingId, conversation)).meetingId).toBe(meetingId);
  });

  it("does not let someone who does not manage the case re-point its channel", async () => {
    expect(await code(app.linkChannel({ key: "l3", actor: actors.stranger, conversation, caseRef: "CS-2026-9999", conversationRef: "{}" }))).toBe("ALREADY_LINKED");
    expect(await db.prisma.case.count({ where: { reference: "CS-2026-9999" } })).toBe(0);
  });

  it("does not let a police row be delegated to a social worker", async () => {
    await registerPractitioner(
      { uow: db.uow, clock, calendar: createWorkingDayCalendar(), logger: silent },
      { identity: actors.socialWorker, agency: "Children's social care", role: "social-worker", operator: "test" },
    );
    const r = await app.conveneMeeting({
      key: "c2", actor: actors.socialWorker, conversation, caseRef: "CS-2026-0142", kind: "strategy-discussion", concern: "Concern",
      urgency: "today", scheduledLocal: null, mode: "call", invitees: [{ role: "police", agency: "Police", agencyContact: "CAIT duty desk" }],
      confirm: { anotherOpen: true },
    });
    const police = r.roster.rows.find((x) => x.role === "police")!;
    expect(await code(app.respondToInvitation({ key: "d1", actor: actors.stranger, conversation, invitationId: police.invitationId, answer: { kind: "delegate", delegate: actors.socialWorker } }))).toBe("WRONG_AGENCY");
    expect(await code(app.respondToInvitation({ key: "d2", actor: actors.socialWorker, conversation, invitationId: police.invitationId, answer: { kind: "accept" } }))).toBe("WRONG_AGENCY");
  });
});

describe("meeting times in Europe/London", () => {
  let db: TestDatabase;
  let app: App;
  beforeAll(async () => {
    db = await createTestDatabase("app-times");
    app = createApp({ uow: db.uow, clock: fixedClock("2027-03-01T10:00:00Z"), calendar: createWorkingDayCalendar(), logger: silent });
    await app.linkChannel({ key: "l", actor: actors.socialWorker, conversation, caseRef: "CS-2027-0001", conversationRef: "{}" });
  });
  afterAll(() => db.dispose());
  // Easter Monday is a bank holiday: the convenor confirms it, as the form would ask.
  const convene = (key: string, scheduledLocal: string) =>
    app.conveneMeeting({ key, actor: actors.socialWorker, conversation, caseRef: "CS-2027-0001", kind: "strategy-discussion", concern: "Concern", urgency: "today", scheduledLocal, mode: "call", invitees: [], confirm: { nonWorkingDay: true } });

  it("refuses a time that does not exist when the clocks go forward", async () => {
    await expect(convene("t1", "2027-03-28T01:30")).rejects.toMatchObject({ code: "INVALID_TIME" });
  });

  it("stores summer times as British Summer Time", async () => {
    const r = await convene("t2", "2027-03-29T10:00");
    expect(r.roster.whenLabel).toBe("Mon 29 Mar 2027, 10:00 (UK time)");
    const m = await db.prisma.meeting.findUniqueOrThrow({ where: { id: r.meetingId } });
    expect(m.scheduledAt?.toISOString()).toBe("2027-03-29T09:00:00.000Z");
  });
});

describe("amendments keep actions and clocks in line with the record", () => {
  let db: TestDatabase;
  let app: App;
  let meetingId = "";
  beforeAll(async () => {
    db = await createTestDatabase("app-amend");
    const seeded = await seedRecordedStrategyCase(db.uow, fixedClock("2026-11-23T15:00:00Z"));
    app = seeded.app;
    meetingId = seeded.meetingId;
  });
  afterAll(() => db.dispose());
  const base = (key: string) => ({ key, actor: actors.socialWorker, conversation });
  const open = (rule: string) => db.prisma.deadline.count({ where: { rule, status: "open" } });

  it("opens a clock for an action added in an amendment, and stops one removed", async () => {
    expect(await open("action")).toBe(2);
    const values = { ...strategyFormValuesFixture, "actions.1.who": "", "actions.1.what": "", "actions.1.byWhen": "", "actions.2.who": "Police", "actions.2.what": "Interview the alleged perpetrator", "actions.2.byWhen": "2025-03-12" };
    // A long reason (within the form's 1,000) is quoted in full where the clock stopped, never cut.
    const reason = `Medical no longer needed; police interview agreed. ${"The paediatrician saw the bruising at the clinic and advised no further examination. ".repeat(9)}End.`;
    expect(reason.length).toBeGreaterThan(600);
    const r = await app.recordDecision({ ...base("amend-1"), meetingId, values, amendmentReason: reason });
    expect(r.ok).toBe(true);
    expect(await open("action")).toBe(2);
    const waived = await db.prisma.deadline.findFirstOrThrow({ where: { rule: "action", status: "waived" } });
    expect(waived.waivedReason).toBe(`Record amended (version 2): ${reason}`);
    expect(await db.prisma.action.count({ where: { status: "cancelled" } })).toBe(1);
  });

  it("stops the initial conference clock when section 47 is amended to no", async () => {
    expect(await open("icpc")).toBe(1);
    const values = { ...strategyFormValuesFixture, "decision.s47": "no", "decision.investigation": "", "nextStep.kind": "child-in-need", "nextStep.reason": "Needs are better met by a child in need plan." };
    const r = await app.recordDecision({ ...base("amend-2"), meetingId, values, amendmentReason: "The decision was recorded wrongly" });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(await open("icpc")).toBe(0);
    expect(await db.prisma.deadline.count({ where: { rule: "icpc", status: "waived" } })).toBe(1);
  });
});
