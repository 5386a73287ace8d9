import { ActionId } from "../../../src/app/conversation/action-id";
import { handleAction } from "../../../src/app/conversation/handle-action";
import { createApp } from "../../../src/app/create-app";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { fixedClock } from "../../../src/domain/shared/clock";
import { createPrismaClient, dialectOf } from "../../../src/store/prisma-client";
import { PrismaUnitOfWork } from "../../../src/store/prisma-unit-of-work";
import { actors, conversation } from "../../helpers/app-actors";
import { silentLogger } from "../../helpers/seed-strategy-case";
import { createTestDatabase, testAuditKey, type TestDatabase } from "../../helpers/test-database";

// An Accept is the busiest interaction: it must read each row it needs once per command, not
// once per helper that needs it. Counted on the real store through Prisma's query events
// (a statement count, not a timing). The issue measured 22 statements per Accept.
describe("statements per Accept", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("convene-accept-statements");
  });
  afterAll(() => db.dispose());

  it("reads each row once and writes the answer, its audit event and the roster update", async () => {
    const clock = fixedClock("2026-11-23T09:00:00Z");
    const seedApp = createApp({ uow: db.uow, clock, calendar: createWorkingDayCalendar(), logger: silentLogger });
    const base = (key: string, actor = actors.socialWorker as (typeof actors)[keyof typeof actors]) => ({ key, actor, conversation });
    await seedApp.linkChannel({ ...base("link"), caseRef: "CS-2026-0142", conversationRef: "{}" });
    const convened = await seedApp.conveneMeeting({
      ...base("convene"), caseRef: "CS-2026-0142", kind: "strategy-discussion", concern: "Bruising reported by school", urgency: "today",
      scheduledLocal: "2026-11-23T14:00", mode: "call",
      invitees: [
        { role: "social-worker", agency: "Children's social care", person: actors.socialWorker },
        { role: "health", agency: "NHS", person: actors.health },
        { role: "police", agency: "Police", person: actors.police },
      ],
    });
    const statements: string[] = [];
    const counted = createPrismaClient(db.url, { onQuery: (sql) => statements.push(sql) });
    const app = createApp({ uow: new PrismaUnitOfWork(counted, testAuditKey(db.url)), clock, calendar: createWorkingDayCalendar(), logger: silentLogger });
    const health = convened.roster.rows.find((r) => r.role === "health")!;
    // Once to warm the client (its first query connects), then the measured Accept.
    await app.getRoster(convened.meetingId);
    statements.length = 0;
    // Pressed as the edges press it: through the conversation core, whose reply is the
    // presser's own copy of the card (what they may press now), built in the same transaction.
    const turn = { key: "accept-health", conversation, personal: false, commandPrefix: "", actor: async () => actors.health, resolvePerson: async () => actors.health, conversationRef: () => "{}" };
    const reply = await handleAction({ app, logger: silentLogger }, turn, ActionId.Accept, { invitationId: health.invitationId });
    await counted.$disconnect();
    if (reply.kind !== "roster") throw new Error(`expected the roster, got ${reply.kind}`);
    expect(reply.roster.rows.find((r) => r.role === "health")!.response).toBe("accepted");
    expect(reply.roster.viewer).toEqual({ answerableInvitationIds: [health.invitationId], canManageMeeting: false });
    const tables = (re: RegExp) => statements.filter((s) => re.test(s)).length;
    // Each of these rows is read once in the command. (Prisma names the schema on PostgreSQL: "public"."Meeting".)
    // (Practitioners are read twice, as the actor and as the roster's people: different rows.)
    for (const table of ["Meeting", "Case", "Invitation", "ChannelLink"]) {
      expect({ table, reads: tables(new RegExp(`^SELECT[\\s\\S]*FROM\\s+[\`"]?((main|public)[\`"]?\\.[\`"]?)?${table}[\`"]?\\s`, "i")) }).toEqual({ table, reads: 1 });
    }
    // Before: 24 in the answer's transaction, then about 14 more in a second one re-reading the
    // roster for the presser's copy. Now 19 in one: the command key (2), the actor, the roster
    // rows, the meeting, the links, the case, the answer, its audit event (3), the people, the
    // roster update (anchor, key, insert, supersede), the agency directory for the presser's
    // rights, the command's reply, and the commit. On PostgreSQL one more comes first: the write
    // lock every unit of work takes there (see prisma-unit-of-work.ts).
    expect(statements.length).toBeLessThanOrEqual(19 + (dialectOf(counted) === "postgresql" ? 1 : 0));
  });
});
