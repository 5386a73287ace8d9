import { createApp } from "../../../src/app/create-app";
import type { App } from "../../../src/app/app";
import { DEFAULT_LOCAL_POLICY } from "../../../src/app/deadlines/local-policy";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { fixedClock } from "../../../src/domain/shared/clock";
import { actors, conversation } from "../../helpers/app-actors";
import { silentLogger } from "../../helpers/seed-strategy-case";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

// Later core groups follow the local cadence: each core group held and recorded opens the next
// one's clock (default every 6 weeks, per authority from config), and the next one held closes it.
describe("core group cadence, on a real SQLite file", () => {
  let db: TestDatabase;
  let n = 0;
  const clock = fixedClock("2027-01-04T08:00:00Z");
  const base = (actor = actors.socialWorker) => ({ key: `k-${++n}`, actor, conversation });

  const holdCoreGroup = async (app: App, date: string) => {
    clock.set(`${date}T08:00:00Z`);
    const convened = await app.conveneMeeting({
      ...base(), caseRef: "CS-2026-0990", kind: "core-group", concern: "Core group", urgency: "routine", scheduledLocal: `${date}T10:00`, mode: "meeting",
      invitees: [
        { role: "social-worker", agency: "Children's social care", person: actors.socialWorker },
        { role: "health", agency: "NHS", person: actors.health },
        { role: "police", agency: "Police", person: actors.police },
      ],
    });
    const who = [actors.socialWorker, actors.health, actors.police];
    for (const [i, row] of convened.roster.rows.entries()) await app.respondToInvitation({ ...base(who[i]), invitationId: row.invitationId, answer: { kind: "accept" } });
    clock.set(`${date}T15:00:00Z`);
    await app.markMeetingHeld({ ...base(), meetingId: convened.meetingId });
    const r = await app.recordDecision({ ...base(), meetingId: convened.meetingId, values: { "changes.0.what": "Home conditions improve", "changes.0.howMuch": "Visits find the home safe and warm", "changes.0.byWhen": "2027-03-01", inDepthAssessmentBy: "Sam Okafor" } });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return convened.meetingId;
  };

  beforeEach(async () => { db = await createTestDatabase("core-group-cadence"); });
  afterEach(() => db.dispose());

  it("opens the next core group 6 weeks on by default, and the next one held closes it", async () => {
    const app = createApp({ uow: db.uow, clock, calendar: createWorkingDayCalendar(), logger: silentLogger });
    await app.linkChannel({ ...base(), caseRef: "CS-2026-0990", conversationRef: "{}" });
    const first = await holdCoreGroup(app, "2027-01-05");
    const next = await db.prisma.deadline.findFirstOrThrow({ where: { rule: "next-core-group", sourceId: first } });
    expect(next).toMatchObject({ sourceDate: "2027-01-05", dueDate: "2027-02-16", status: "open" }); // Tue 5 Jan + 6 weeks
    const second = await holdCoreGroup(app, "2027-02-09");
    expect(await db.prisma.deadline.findUniqueOrThrow({ where: { id: next.id } })).toMatchObject({ status: "met", closedOn: "2027-02-09", closedByMeetingId: second, workingDaysTaken: 25 });
    expect(await db.prisma.deadline.findFirstOrThrow({ where: { rule: "next-core-group", sourceId: second } })).toMatchObject({ dueDate: "2027-03-23", status: "open" });
  });

  it("uses the authority's own cadence, and moves a non-working landing day back", async () => {
    const app = createApp({ uow: db.uow, clock, calendar: createWorkingDayCalendar(), logger: silentLogger, localPolicy: { ...DEFAULT_LOCAL_POLICY, coreGroupCadenceWeeksByTenant: { t1: 4 } } });
    await app.linkChannel({ ...base(), caseRef: "CS-2026-0990", conversationRef: "{}" });
    const first = await holdCoreGroup(app, "2027-03-01");
    // Mon 1 Mar + 4 weeks = Mon 29 Mar 2027, Easter Monday: back to Thu 25 Mar (Good Friday is a bank holiday too).
    expect(await db.prisma.deadline.findFirstOrThrow({ where: { rule: "next-core-group", sourceId: first } })).toMatchObject({ dueDate: "2027-03-25" });
  });
});
