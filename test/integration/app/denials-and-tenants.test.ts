import { createApp } from "../../../src/app/create-app";
import type { App } from "../../../src/app/app";
import type { ActorIdentity } from "../../../src/app/ports/actor";
import { DENIAL_AUDIT_WINDOW_MS } from "../../../src/app/denial-audit";
import { verifyAuditTrail } from "../../../src/app/use-cases/verify-audit-trail";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { fixedClock } from "../../../src/domain/shared/clock";
import { DomainError } from "../../../src/domain/shared/domain-error";
import { actors, conversation } from "../../helpers/app-actors";
import { seedRecordedStrategyCase, silentLogger } from "../../helpers/seed-strategy-case";
import { createTestDatabase, testAuditKey, type TestDatabase } from "../../helpers/test-database";

/**
 * Issue 14, item 5: refusals leave a trace (without letting a flood fill the trail), and a
 * person of another tenant reads nothing of a case, even naming its linked conversation.
 */
describe("denials are audited, rate-limited; every read checks the tenant", () => {
  let db: TestDatabase;
  let app: App;
  let meetingId = "";
  const logged: Array<{ level: string; o: object; m?: string | undefined }> = [];
  const clock = fixedClock("2026-11-23T10:00:00Z"); // the meeting's day (Monday)

  /** An Entra user of another organisation, whose activity names our linked case channel. */
  const foreign: ActorIdentity = { platform: "teams", tenant: "t-elsewhere", userId: "aad-sw", displayName: "Sam Social Worker" };
  /** A Slack identity naming the Teams conversation. */
  const slackUser: ActorIdentity = { platform: "slack", tenant: "t1", userId: "U0SW", displayName: "Sam" };

  const denials = async () =>
    (await db.prisma.auditEvent.findMany({ where: { action: "deny" }, orderBy: { seq: "asc" } })).map((e) => ({ actorId: e.actorId, caseId: e.caseId, entityId: e.entityId, ...(JSON.parse(e.detail) as { code: string; useCase: string; tenant: string }) }));
  const code = (p: Promise<unknown>) => p.then(() => "resolved", (e: unknown) => (e instanceof DomainError ? e.code : String(e)));

  beforeAll(async () => {
    db = await createTestDatabase("denials");
    ({ meetingId } = await seedRecordedStrategyCase(db.uow, clock));
    app = createApp({ uow: db.uow, clock, calendar: createWorkingDayCalendar(), logger: { ...silentLogger, info: (o: object, m?: string) => void logged.push({ level: "info", o, m }), debug: (o: object, m?: string) => void logged.push({ level: "debug", o, m }) } });
  });
  afterAll(() => db.dispose());

  describe("the tenant is checked on every read", () => {
    it("a person of the case's tenant still reads the roster, the record and the deadlines", async () => {
      expect((await app.getRoster(meetingId, conversation, actors.socialWorker)).meetingId).toBe(meetingId);
      expect((await app.viewDecisionRecord({ key: "v-ok", actor: actors.socialWorker, conversation, meetingId })).kind).toBe("full");
      expect((await app.listDeadlines({ key: "d-ok", actor: actors.socialWorker, conversation })).caseReference).toBe("CS-2026-0142");
    });

    it("refuses a Teams user of another tenant who refreshes the roster into view (the attack: same conversation id, foreign tenant)", async () => {
      expect(await code(app.getRoster(meetingId, conversation, foreign))).toBe("WRONG_TENANT");
    });

    it("refuses them the record, the deadlines and the decision form, saying nothing of the case", async () => {
      const refused = app.viewDecisionRecord({ key: "v-x", actor: foreign, conversation, meetingId });
      await expect(refused).rejects.toThrow(/another organisation/);
      await expect(refused).rejects.not.toThrow(/CS-2026-0142/);
      expect(await code(app.listDeadlines({ key: "d-x", actor: foreign, conversation }))).toBe("WRONG_TENANT");
      expect(await code(app.openDecisionForm({ key: "o-x", actor: foreign, conversation, meetingId }))).toBe("WRONG_TENANT");
    });

    it("refuses a Slack identity naming a Teams conversation", async () => {
      expect(await code(app.getRoster(meetingId, conversation, slackUser))).toBe("WRONG_TENANT");
    });

    it("refuses writes from another tenant too (marking the meeting held)", async () => {
      expect(await code(app.markMeetingHeld({ key: "h-x", actor: foreign, conversation, meetingId }))).toBe("WRONG_TENANT");
    });

    it("gives no refresh copy of the roster or the record to a practitioner row of another tenant", async () => {
      // The attack: a row of another tenant on the meeting (here as its convenor) would get a
      // Teams refresh, and so the roster and record, in a conversation that is not theirs.
      await db.prisma.practitioner.create({ data: { id: "p-foreign", platform: "teams", platformTenant: "t-elsewhere", platformUserId: "aad-intruder", displayName: "Ivy Intruder", agency: "police", role: "police" } });
      const convenor = (await db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).convenorId;
      await db.prisma.meeting.update({ where: { id: meetingId }, data: { convenorId: "p-foreign" } });
      try {
        const participants = await app.listMeetingParticipants(meetingId, "teams");
        expect(participants).toEqual(expect.arrayContaining(["aad-sw", "aad-health", "aad-police"]));
        expect(participants).not.toContain("aad-intruder");
        expect(await app.listRecordAudience(meetingId, "teams")).not.toContain("aad-intruder");
      } finally {
        await db.prisma.meeting.update({ where: { id: meetingId }, data: { convenorId: convenor } });
      }
    });
  });

  describe("every denial leaves one audit row per person and code in the window", () => {
    it("audited the foreign tenant's refusals once per code, against the case they reached for, without creating a practitioner", async () => {
      const rows = (await denials()).filter((d) => d.tenant === "t-elsewhere");
      // getRoster, viewDecisionRecord, listDeadlines, openDecisionForm, markMeetingHeld all said WRONG_TENANT: one row.
      expect(rows).toHaveLength(1);
      const c = await db.prisma.case.findFirstOrThrow({ where: { reference: "CS-2026-0142" } });
      expect(rows[0]).toMatchObject({ code: "WRONG_TENANT", useCase: "getRoster", caseId: c.id, actorId: "teams:t-elsewhere:aad-sw", entityId: `teams:${conversation.conversationId}` });
      expect(await db.prisma.practitioner.count({ where: { platformTenant: "t-elsewhere", id: { not: "p-foreign" } } })).toBe(0);
    });

    it("a flood of refused presses adds one row, not hundreds (the attack: filling the audit log)", async () => {
      const before = (await denials()).length;
      for (let i = 0; i < 60; i++) {
        expect(await code(app.waiveDeadline({ key: `w-${i}`, actor: actors.stranger, conversation, deadlineId: "no-such-deadline", reason: "Because I can" } as never))).toMatch(/DEADLINE_NOT_FOUND|NOT_AUTHORISED/);
      }
      const after = await denials();
      expect(after.length - before).toBe(1);
      expect(after.at(-1)).toMatchObject({ actorId: "teams:t1:aad-x", useCase: "waiveDeadline" });
    });

    it("a different code from the same person, and the same code from another person, each get their own row", async () => {
      const before = (await denials()).length;
      // Xavier tries to mark the meeting held (not his meeting), twice.
      expect(await code(app.markMeetingHeld({ key: "mh-1", actor: actors.stranger, conversation, meetingId }))).toBe("NOT_AUTHORISED");
      expect(await code(app.markMeetingHeld({ key: "mh-2", actor: actors.stranger, conversation, meetingId }))).toBe("NOT_AUTHORISED");
      // Hana (health) tries the same.
      expect(await code(app.markMeetingHeld({ key: "mh-3", actor: actors.health, conversation, meetingId }))).toBe("NOT_AUTHORISED");
      const added = (await denials()).slice(before);
      const hana = await db.prisma.practitioner.findFirstOrThrow({ where: { platformUserId: "aad-health" } });
      expect(added.map((d) => [d.actorId, d.code])).toEqual([
        ["teams:t1:aad-x", "NOT_AUTHORISED"],
        [hana.id, "NOT_AUTHORISED"],
      ]);
    });

    it("a person not entitled to the full record is audited like any denial, once in the window", async () => {
      const before = (await denials()).length;
      for (const key of ["ne-1", "ne-2", "ne-3"]) {
        expect((await app.viewDecisionRecord({ key, actor: actors.stranger, conversation, meetingId })).kind).toBe("summary");
      }
      const added = (await denials()).slice(before);
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ code: "NOT_ENTITLED", useCase: "viewDecisionRecord" });
    });

    it("audits the same denial again once the window has passed", async () => {
      const before = (await denials()).length;
      clock.set(new Date(clock.now().getTime() + DENIAL_AUDIT_WINDOW_MS + 1000));
      expect(await code(app.markMeetingHeld({ key: "mh-4", actor: actors.stranger, conversation, meetingId }))).toBe("NOT_AUTHORISED");
      expect(await code(app.markMeetingHeld({ key: "mh-5", actor: actors.stranger, conversation, meetingId }))).toBe("NOT_AUTHORISED");
      expect((await denials()).length - before).toBe(1);
    });

    it("does not audit input mistakes, which are not denials", async () => {
      const before = (await denials()).length;
      expect(await code(app.linkChannel({ key: "bad-ref", actor: actors.socialWorker, conversation, caseRef: "Jane Smith", conversationRef: "{}" }))).toBe("INVALID_CASE_REF");
      expect((await denials()).length).toBe(before);
    });

    it("logs an audited denial at info by code alone, and repeats only at debug (a flood fills no log either)", async () => {
      logged.length = 0;
      clock.set(new Date(clock.now().getTime() + DENIAL_AUDIT_WINDOW_MS + 1000));
      for (const key of ["lg-1", "lg-2", "lg-3"]) await code(app.markMeetingHeld({ key, actor: actors.stranger, conversation, meetingId }));
      const denied = logged.filter((l) => /denial/.test(l.m ?? ""));
      expect(denied.map((l) => l.level)).toEqual(["info", "debug", "debug"]);
      expect(denied[0]!.o).toEqual({ code: "NOT_AUTHORISED", useCase: "markMeetingHeld" });
    });

    it("keeps the audit chain whole", async () => {
      const verified = await verifyAuditTrail(db.uow, testAuditKey(db.url));
      expect(verified).toMatchObject({ ok: true });
    });
  });
});
