import { DateTime } from "luxon";
import { createApp } from "../../../src/app/create-app";
import type { App } from "../../../src/app/app";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { fixedClock } from "../../../src/domain/shared/clock";
import { actors, conversation } from "../../helpers/app-actors";
import { silentLogger } from "../../helpers/seed-strategy-case";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

// Only a review conference held before the 18th birthday AND marked as that review closes the
// review-before-18 clock; an ordinary review leaves it open.
describe("the review before the 18th birthday, on a real SQLite file", () => {
  let db: TestDatabase;
  let app: App;
  let n = 0;
  const clock = fixedClock("2026-12-01T10:00:00Z");
  const base = (actor = actors.socialWorker) => ({ key: `k-${++n}`, actor, conversation });

  const holdReview = async (date: string, reviewBeforeEighteen: boolean) => {
    clock.set(`${date}T08:00:00Z`);
    const convened = await app.conveneMeeting({
      ...base(), caseRef: "CS-2026-0980", kind: "review-conference", concern: "Review of the plan", urgency: "routine", scheduledLocal: `${date}T10:00`, mode: "meeting",
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
    // The next review is within six months of this one (the record checks it).
    const nextReview = DateTime.fromISO(date).plus({ months: 3 }).toISODate()!;
    const r = await app.recordDecision({
      ...base(), meetingId: convened.meetingId,
      values: { childrenConsidered: "A.B. (16): plan continues", allChildrenConsidered: "true", outcome: "continues", reason: "Progress is steady but the risks remain.", nextReviewDate: nextReview, chair: "Jo Chair", ...(reviewBeforeEighteen ? { reviewBeforeEighteen: "true" } : {}) },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return convened.meetingId;
  };

  beforeAll(async () => {
    db = await createTestDatabase("review-18");
    app = createApp({ uow: db.uow, clock, calendar: createWorkingDayCalendar(), logger: silentLogger });
    await app.linkChannel({ ...base(), caseRef: "CS-2026-0980", conversationRef: "{}" });
    // 18 on Sun 28 Mar 2027: the review must be held by Thu 25 Mar (Good Friday is a bank holiday).
    await app.recordCaseEvent({ ...base(), caseRef: "CS-2026-0980", event: "date-of-birth", date: "2009-03-28" });
  });
  afterAll(() => db.dispose());

  it("opens due on the last working day before the birthday, its 'created' nudge first", async () => {
    const d = await db.prisma.deadline.findFirstOrThrow({ where: { rule: "review-before-18" } });
    expect(d.dueDate).toBe("2027-03-25");
    expect(d.nextNudgeAt).toEqual(new Date("2026-12-01T10:00:00Z")); // created
  });

  it("stays open after an ordinary review", async () => {
    await holdReview("2027-01-12", false);
    expect(await db.prisma.deadline.findFirstOrThrow({ where: { rule: "review-before-18" } })).toMatchObject({ status: "open" });
  });

  it("closes on a review marked as the review before 18, held before the birthday, on the review's date", async () => {
    const id = await holdReview("2027-03-09", true);
    expect(await db.prisma.deadline.findFirstOrThrow({ where: { rule: "review-before-18" } })).toMatchObject({
      status: "met", closedOn: "2027-03-09", closingEvent: "meeting-held", closedByMeetingId: id, nextNudgeAt: null,
    });
  });
});
