import { createApp } from "../../../src/app/create-app";
import type { App } from "../../../src/app/app";
import type { ActorIdentity } from "../../../src/app/ports/actor";
import type { CalendarLinks } from "../../../src/app/ports/calendar-link";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { fixedClock } from "../../../src/domain/shared/clock";
import { actors, conversation } from "../../helpers/app-actors";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

// A processed command keeps a key and a small reference, not the card it answered with; a
// redelivery rebuilds the same answer from the database.

const silent = { info() {}, warn() {}, error() {}, debug() {} };

describe("processed commands stay small and redeliveries answer the same", () => {
  let db: TestDatabase;
  let app: App;
  const clock = fixedClock("2026-11-23T10:00:00Z");
  // A stand-in signer: what matters here is that the link is the one the first answer gave.
  const calendarLinks: CalendarLinks = { inviteUrl: (id, now) => `http://127.0.0.1/calendar/${id}-${now.getTime()}.ics`, check: () => ({ status: "unknown" }) };

  beforeAll(async () => {
    db = await createTestDatabase("processed-commands");
    app = createApp({ uow: db.uow, clock, calendar: createWorkingDayCalendar(), logger: silent, calendarLinks });
  });
  afterAll(() => db.dispose());

  const base = (key: string, actor: ActorIdentity = actors.socialWorker) => ({ key, actor, conversation });
  const stored = async (useCase: string, key: string) =>
    (await db.prisma.processedCommand.findUniqueOrThrow({ where: { key: `${conversation.platform}:${conversation.conversationId}:${useCase}:${key}` } })).response ?? "";

  it("convene and Accept store a reference of a few hundred bytes, not the card, and a redelivery returns an equal roster", async () => {
    await app.linkChannel({ ...base("l1"), caseRef: "CS-2026-0142", conversationRef: "{}" });
    const convene = {
      ...base("c1"),
      caseRef: "CS-2026-0142",
      kind: "strategy-discussion" as const,
      concern: "Bruising reported by school",
      urgency: "today" as const,
      scheduledLocal: "2026-11-23T14:00",
      mode: "call" as const,
      invitees: [
        { role: "social-worker" as const, agency: "Children's social care", person: actors.socialWorker },
        { role: "health" as const, agency: "NHS", person: actors.health },
        { role: "police" as const, agency: "Police", agencyContact: "CAIT duty desk" },
      ],
    };
    const first = await app.conveneMeeting(convene);
    expect(first.roster.calendarUrl).toBeDefined();
    const convened = await stored("convene", "c1");
    expect(convened.length).toBeLessThan(400);
    expect(convened.length * 4).toBeLessThan(JSON.stringify(first).length);
    expect(convened).not.toContain("Bruising"); // the card's text is not kept
    expect(await app.conveneMeeting(convene)).toEqual(first);

    const accept = { ...base("r1"), invitationId: first.roster.rows[0]!.invitationId, answer: { kind: "accept" as const } };
    const answered = await app.respondToInvitation(accept);
    const outbox = await db.prisma.outboxMessage.count();
    expect((await stored("respond", "r1")).length).toBeLessThan(400);
    expect((await stored("respond", "r1")).length * 4).toBeLessThan(JSON.stringify(answered).length);
    expect(await app.respondToInvitation(accept)).toEqual(answered);
    expect(await db.prisma.outboxMessage.count()).toBe(outbox);
  });

  it("keeps small answers as they were", async () => {
    const again = await app.linkChannel({ ...base("l1"), caseRef: "CS-2026-0142", conversationRef: "{}" });
    expect(again).toMatchObject({ caseReference: "CS-2026-0142", created: true });
    expect(JSON.parse(await stored("link", "l1"))).toEqual(again);
  });
});
