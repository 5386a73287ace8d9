import type { ActorIdentity } from "../../../src/app/ports/actor";
import { createApp } from "../../../src/app/create-app";
import { renderRosterCard } from "../../../src/cards/roster.card";
import { rosterBlocks } from "../../../src/cards/slack/roster.blocks";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { DomainError } from "../../../src/domain/shared/domain-error";
import { fixedClock } from "../../../src/domain/shared/clock";
import { actors, conversation } from "../../helpers/app-actors";
import { silentLogger } from "../../helpers/seed-strategy-case";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

// Parents and family members, the child, an advocate and an interpreter invited to a
// conference: on the roster and in the record's attendance, never in the agency quorum,
// never claimable by a stranger, and never on a strategy discussion.
describe("family and support invitees, on a real SQLite file", () => {
  let db: TestDatabase;
  let n = 0;
  const clock = fixedClock("2027-01-05T08:00:00Z");
  const base = (actor: ActorIdentity = actors.socialWorker) => ({ key: `k-${++n}`, actor, conversation });
  const codeOf = async (p: Promise<unknown>) => p.then(() => "no error", (e) => (e instanceof DomainError ? e.code : Promise.reject(e)));

  beforeEach(async () => { db = await createTestDatabase("family-invitees"); });
  afterEach(() => db.dispose());

  it("a core group with the mother, the child and an interpreter: roster, quorum, answers and record", async () => {
    const app = createApp({ uow: db.uow, clock, calendar: createWorkingDayCalendar(), logger: silentLogger });
    await app.linkChannel({ ...base(), caseRef: "CS-2026-0991", conversationRef: "{}" });
    const convened = await app.conveneMeeting({
      ...base(), caseRef: "CS-2026-0991", kind: "core-group", concern: "Core group", urgency: "routine", scheduledLocal: "2027-01-05T10:00", mode: "meeting",
      invitees: [
        { role: "social-worker", agency: "Children's social care", person: actors.socialWorker },
        { role: "parent", agency: "Family", person: null, agencyContact: "Mother" },
        { role: "child", agency: "Family", person: null, agencyContact: "The child, for the first part" },
        { role: "interpreter", agency: "Interpreting", person: actors.stranger },
      ],
    });
    const [sw, mother, child, interpreter] = convened.roster.rows;
    // On the roster, with no Respond for the family rows, and not required.
    expect(convened.roster.rows.map((r) => [r.roleLabel, r.inviteeLabel, r.required, r.answeredInChat])).toEqual([
      ["Social worker", "Sam Social Worker", true, true],
      ["Parent or carer", "Mother", false, false],
      ["The child", "The child, for the first part", false, false],
      ["Interpreter", "Xavier Stranger", false, true],
    ]);
    expect(mother!.responseLabel).toBe("Invited · the convenor records whether they came");
    // Teams and Slack draw no Respond for them; the interpreter, a colleague, answers as usual.
    const teams = JSON.stringify(renderRosterCard(convened.roster));
    expect(teams).toContain("Respond (Interpreter)");
    expect(teams).not.toContain("Respond (Parent or carer)");
    expect(teams).not.toContain("Respond (The child)");
    const slackRowActions = rosterBlocks(convened.roster).blocks.map((b) => b.block_id ?? "").filter((id) => id.startsWith("row_actions:"));
    expect(slackRowActions).toEqual([`row_actions:${sw!.invitationId}`, `row_actions:${interpreter!.invitationId}`]);
    // Nobody claims the mother's row (and so the full record) by answering for her.
    expect(await codeOf(app.respondToInvitation({ ...base(actors.police), invitationId: mother!.invitationId, answer: { kind: "accept" } }))).toBe("NOT_ANSWERED_IN_CHAT");
    await app.respondToInvitation({ ...base(actors.stranger), invitationId: interpreter!.invitationId, answer: { kind: "accept" } });

    // The family taking part never makes up the agency quorum: without the social worker it is not held.
    clock.set("2027-01-05T15:00:00Z");
    const familyOnly = [
      { invitationId: sw!.invitationId, attendance: "absent" as const },
      { invitationId: mother!.invitationId, attendance: "attended" as const },
      { invitationId: child!.invitationId, attendance: "attended" as const },
    ];
    expect(await codeOf(app.markMeetingHeld({ ...base(), meetingId: convened.meetingId, attendance: familyOnly }))).toBe("QUORUM_NOT_MET");
    await app.respondToInvitation({ ...base(), invitationId: sw!.invitationId, answer: { kind: "accept" } });
    await app.markMeetingHeld({ ...base(), meetingId: convened.meetingId, attendance: [{ invitationId: sw!.invitationId, attendance: "attended" }, ...familyOnly.slice(1)] });
    const recorded = await app.recordDecision({ ...base(), meetingId: convened.meetingId, values: { "changes.0.what": "Home conditions improve", "changes.0.howMuch": "Visits find the home safe and warm", "changes.0.byWhen": "2027-03-01", inDepthAssessmentBy: "Sam Social Worker" } });
    if (!recorded.ok) throw new Error(JSON.stringify(recorded.errors));

    // In the record's attendance table: invited (never asked in chat) and took part.
    const seen = await app.viewDecisionRecord({ ...base(), meetingId: convened.meetingId });
    if (seen.kind !== "full") throw new Error("the social worker is entitled");
    const attendance = seen.record.sections.find((s) => s.title === "Attendance")!;
    const tables = attendance.blocks.flatMap((b) => (b.kind === "table" ? [b] : []));
    expect(tables.find((t) => t.caption === "Invited")!.rows).toEqual(expect.arrayContaining([
      ["Parent or carer", "Mother", "Invited", "Yes: Mother"],
      ["The child", "The child, for the first part", "Invited", "Yes: The child, for the first part"],
      ["Interpreter", "Xavier Stranger", "Accepted", "Yes: Xavier Stranger"],
    ]));
  });

  it("refuses a family row on a strategy discussion, whichever channel sent it", async () => {
    const app = createApp({ uow: db.uow, clock, calendar: createWorkingDayCalendar(), logger: silentLogger });
    await app.linkChannel({ ...base(), caseRef: "CS-2026-0991", conversationRef: "{}" });
    const convening = app.conveneMeeting({
      ...base(), caseRef: "CS-2026-0991", kind: "strategy-discussion", concern: "Bruising", urgency: "today", scheduledLocal: "2027-01-05T10:00", mode: "meeting",
      invitees: [
        { role: "social-worker", agency: "Children's social care", person: actors.socialWorker },
        { role: "health", agency: "Health", person: actors.health },
        { role: "police", agency: "Police", person: actors.police },
        { role: "parent", agency: "Family", person: null, agencyContact: "Mother" },
      ],
    });
    expect(await codeOf(convening)).toBe("ROLE_NOT_FOR_MEETING");
    expect(await db.prisma.meeting.count()).toBe(0);
  });
});
