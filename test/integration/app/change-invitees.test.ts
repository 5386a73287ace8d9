import { createApp } from "../../../src/app/create-app";
import { exportCase } from "../../../src/app/use-cases/export-case";
import { buildCaseExportJson } from "../../../src/cards/case-export.json";
import { putAgencyDirectoryEntry } from "../../../src/app/use-cases/put-agency-directory-entry";
import type { App } from "../../../src/app/app";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { fixedClock } from "../../../src/domain/shared/clock";
import type { DomainError } from "../../../src/domain/shared/domain-error";
import { actors, conversation } from "../../helpers/app-actors";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

// Changing who is invited, through the app alone: rows keep their place, a new invitee never
// inherits the last one's answer, the same invitee again is no change, a meeting no longer
// open cannot be changed, and the audit trail says what changed without names.

const silent = { info() {}, warn() {}, error() {}, debug() {} };
const CASE = "CS-2026-0620";

describe("changing a meeting's invitees", () => {
  let db: TestDatabase;
  let app: App;
  let meetingId = "";
  const clock = fixedClock("2026-11-30T10:00:00Z");
  const base = (key: string, actor: (typeof actors)[keyof typeof actors] = actors.socialWorker) => ({ key, actor, conversation, meetingId });

  beforeAll(async () => {
    db = await createTestDatabase("app-invitees");
    const deps = { uow: db.uow, clock, calendar: createWorkingDayCalendar(), logger: silent };
    app = createApp(deps);
    await putAgencyDirectoryEntry(deps, { entry: { match: "email-domain", value: "nhs.example", agency: "health" }, operator: "test:admin" });
    await app.linkChannel({ key: "l", actor: actors.socialWorker, conversation, caseRef: CASE, conversationRef: "{}" });
    const convened = await app.conveneMeeting({
      key: "c", actor: actors.socialWorker, conversation, caseRef: CASE, kind: "strategy-discussion", concern: "Concern", urgency: "routine", scheduledLocal: "2026-12-02T10:00", mode: "call",
      invitees: [
        { role: "social-worker", agency: "Children's social care", person: actors.socialWorker },
        { role: "health", agency: "Health", person: actors.health },
        { role: "police", agency: "Police", agencyContact: "Police CAIT duty desk" },
      ],
    });
    meetingId = convened.meetingId;
    await app.respondToInvitation({ key: "a", actor: actors.health, conversation, invitationId: convened.roster.rows[1]!.invitationId, answer: { kind: "accept" } });
  });
  afterAll(() => db.dispose());

  it("adds a row for a role the meeting did not have, after the others, chased only if required", async () => {
    const { roster, changed } = await app.changeInvitees({ ...base("add"), invitees: [{ role: "referrer", agency: "Referrer", agencyContact: "GP practice safeguarding lead" }] });
    expect(changed).toBe(1);
    expect(roster.rows.map((r) => r.role)).toEqual(["social-worker", "health", "police", "referrer"]);
    const row = await db.prisma.invitation.findFirstOrThrow({ where: { role: "referrer" } });
    expect(row).toMatchObject({ required: false, nextChaseAt: null, response: "invited" });
  });

  it("gives a required row to someone else in place: it starts again and is chased afresh", async () => {
    const before = await db.prisma.invitation.findFirstOrThrow({ where: { role: "police" } });
    const { roster } = await app.changeInvitees({ ...base("police"), invitees: [{ role: "police", agency: "Police", person: actors.police }] });
    expect(roster.rows[2]).toMatchObject({ invitationId: before.id, role: "police", inviteeLabel: actors.police.displayName, response: "invited" });
    const after = await db.prisma.invitation.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({ inviteeKind: "person", claimedById: null, chaseCount: 0 });
    expect(after.nextChaseAt).not.toBeNull();
  });

  it("treats the same invitee again as no change, and says so", async () => {
    const same = await app.changeInvitees({ ...base("same"), invitees: [{ role: "health", agency: "Health", person: actors.health }] }).catch((e: DomainError) => e);
    expect(same).toMatchObject({ code: "NOTHING_TO_CHANGE" });
    expect((await db.prisma.invitation.findFirstOrThrow({ where: { role: "health" } })).response).toBe("accepted");
  });

  it("refuses a person from another agency in a row, naming the row, and a role the meeting cannot have", async () => {
    const wrong = await app.changeInvitees({ ...base("wrong"), invitees: [{ role: "police", agency: "Police", person: actors.health }] }).catch((e: DomainError) => e);
    expect(wrong).toMatchObject({ code: "WRONG_AGENCY", details: { role: "police", inviteeIndex: 0 } });
    const parent = await app.changeInvitees({ ...base("parent"), invitees: [{ role: "parent", agency: "Family", agencyContact: "Mother" }] }).catch((e: DomainError) => e);
    expect(parent).toMatchObject({ code: "ROLE_NOT_FOR_MEETING", details: { role: "parent" } });
  });

  it("removes an optional row, audits every change by role and kind, and refuses once the meeting is cancelled", async () => {
    await app.changeInvitees({ ...base("remove"), invitees: [], remove: ["referrer"] });
    expect(await db.prisma.invitation.count({ where: { meetingId } })).toBe(3);
    const audit = (await db.prisma.auditEvent.findMany({ where: { entityId: meetingId, action: "change" }, orderBy: { seq: "asc" } })).map((a) => JSON.parse(a.detail) as { invitees?: unknown[] });
    const changes = audit.filter((d) => d.invitees).map((d) => d.invitees);
    expect(changes).toHaveLength(3);
    expect(JSON.stringify(changes)).not.toContain(actors.police.displayName);
    expect(changes[2]).toEqual([{ role: "referrer", from: { kind: "agency", practitionerId: null, response: "invited" }, to: null }]);
    await app.cancelMeeting({ ...base("cancel"), reason: "The family moved out of the area." });
    const late = await app.changeInvitees({ ...base("late"), invitees: [{ role: "referrer", agency: "Referrer", agencyContact: "GP" }] }).catch((e: DomainError) => e);
    expect(late).toMatchObject({ code: "MEETING_NOT_OPEN" });
  });

  it("puts the roster as it stands, and the cancellation's reason, in the case export", async () => {
    const json = buildCaseExportJson(await exportCase({ uow: db.uow, clock }, { tenant: "t1", caseRef: CASE, exportedBy: "Sam Okafor", reason: "Case file check", format: "JSON", operator: "cli:test" }));
    expect(json.meetings[0]).toMatchObject({ status: "cancelled", cancelledReason: "The family moved out of the area." });
    const unanswered = { answeredBy: null, respondedAt: null, seniorityConfirmed: false, reason: null, apologiesNote: null };
    expect(json.meetings[0]!.invitees).toEqual([
      { role: "social-worker", required: true, invitee: actors.socialWorker.displayName, response: "invited", attendance: "unknown", chased: 0, ...unanswered },
      { role: "health", required: true, invitee: actors.health.displayName, response: "accepted", attendance: "unknown", chased: 0, ...unanswered, respondedAt: "2026-11-30T10:00:00.000Z", seniorityConfirmed: true },
      { role: "police", required: true, invitee: actors.police.displayName, response: "invited", attendance: "unknown", chased: 0, ...unanswered },
    ]);
    expect(json.meetings[0]!.quorumOverrideReason).toBeNull();
  });

  it("forgets the times a row's last person could make when the row is given to someone else", async () => {
    const other = { platform: "teams" as const, conversationId: "19:times@thread.tacv2" };
    await app.linkChannel({ key: "l2", actor: actors.socialWorker, conversation: other, caseRef: "CS-2026-0621", conversationRef: "{}" });
    const convened = await app.conveneMeeting({
      key: "c2", actor: actors.socialWorker, conversation: other, caseRef: "CS-2026-0621", kind: "strategy-discussion", concern: "Concern", urgency: "routine", scheduledLocal: null, mode: "call",
      invitees: [
        { role: "social-worker", agency: "Children's social care", person: actors.socialWorker },
        { role: "health", agency: "Health", person: actors.health },
        { role: "police", agency: "Police", agencyContact: "Police CAIT duty desk" },
      ],
    });
    const m = convened.meetingId;
    await app.proposeMeetingTimes({ key: "t", actor: actors.socialWorker, conversation: other, meetingId: m, times: ["2026-12-02T10:00", "2026-12-03T10:00"] });
    const slots = await db.prisma.meetingSlot.findMany({ where: { meetingId: m }, orderBy: { ordinal: "asc" } });
    await app.answerMeetingTimes({ key: "a1", actor: actors.health, conversation: other, meetingId: m, available: [slots[0]!.id] });
    expect((await app.getRoster(m)).timePoll?.options[0]?.canMake).toContain("Health");
    await putAgencyDirectoryEntry({ uow: db.uow, clock, calendar: createWorkingDayCalendar(), logger: silent }, { entry: { match: "email-domain", value: "nhs2.example", agency: "health" }, operator: "test:admin" });
    const nurse2 = { platform: "teams" as const, tenant: "t1", userId: "aad-health-2", displayName: "Ola Health", email: "ola@nhs2.example" };
    await app.changeInvitees({ key: "h", actor: actors.socialWorker, conversation: other, meetingId: m, invitees: [{ role: "health", agency: "Health", person: nurse2 }] });
    const poll = (await app.getRoster(m)).timePoll!;
    expect(poll.options[0]).toMatchObject({ canMake: [], notYet: expect.arrayContaining(["Health"]) });
    expect(poll.answered).toBe(0);
  });
});
