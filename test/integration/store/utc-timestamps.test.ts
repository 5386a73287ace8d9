import type { Client } from "pg";
import type { DeadlineRow } from "../../../src/app/ports/deadline";
import { connectPostgres } from "../../../src/store/postgres-connection";
import { createPrismaClient, type PrismaClient } from "../../../src/store/prisma-client";
import { PrismaOutboxClaims } from "../../../src/store/prisma-outbox-claims";
import { PrismaUnitOfWork } from "../../../src/store/prisma-unit-of-work";
import { seedCase, teamsLink } from "../../helpers/nudge-fixtures";
import { createTestDatabase, TEST_AUDIT_KEY, TEST_POSTGRES_URL, type TestDatabase } from "../../helpers/test-database";

// Every DateTime is a timestamptz on PostgreSQL: an instant. These tests write instants through
// each way Convene writes them (Prisma's own statements, the unit of work's repositories, and
// the raw SQL of enqueueMany, the batched deadline update and the outbox claim) while the
// database's own time zone is far from UTC, and hold that (1) every reader gets the same
// instants back, whatever its session's zone, and (2) the database holds those instants as UTC.
// Runs when CONVENE_TEST_POSTGRES_URL names a server.
const maybe = TEST_POSTGRES_URL ? describe : describe.skip;

// UTC+13 in January: an instant just before midnight UTC is the next afternoon there.
const FAR_EAST = "Pacific/Auckland";
const FAR_WEST = "America/Los_Angeles";
const AT = "2027-01-11T23:30:00.123Z";
const DUE = "2027-01-11T23:59:59.999Z";
const NOT_YET = "2027-01-12T00:00:00.500Z";
const NOW = "2027-01-12T00:00:00.000Z";
const LEASE = "2027-01-12T00:00:30.000Z";
const NUDGE = "2027-01-12T09:00:00.000Z";
const NUDGE_LATER = "2027-01-13T08:15:00.007Z";
const CLOSED = "2027-01-12T11:59:00.250Z";

/** `url` with the libpq `options` parameter `-c TimeZone=zone`: a session in that zone. */
function inZone(url: string, zone: string): string {
  const u = new URL(url);
  u.searchParams.set("options", `-c TimeZone=${zone}`);
  return u.toString();
}

maybe("timestamps on PostgreSQL, with the database's time zone far from UTC", () => {
  let db: TestDatabase;
  let admin: Client;
  let west: PrismaClient;

  beforeAll(async () => {
    db = await createTestDatabase("convene-utc");
    admin = await connectPostgres(TEST_POSTGRES_URL!);
    // New sessions on this database default to Auckland (the suite's client has not connected yet).
    await admin.query(`ALTER DATABASE "${new URL(db.url).pathname.slice(1)}" SET timezone TO '${FAR_EAST}'`);
    await admin.end();
    admin = await connectPostgres(db.url);
    // A second replica whose URL asks for a session in Los Angeles.
    west = createPrismaClient(inZone(db.url, FAR_WEST));
  });
  afterAll(async () => {
    await admin?.end();
    await west?.$disconnect();
    await db?.dispose();
  });

  /** The column as the database holds it: its UTC wall time (ISO), and its wall time in the session's zone. */
  async function stored(table: string, column: string, where: string, value: string): Promise<{ utc: string; local: string }> {
    const r = await admin.query(
      `SELECT to_char("${column}" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS utc, to_char("${column}", 'YYYY-MM-DD HH24:MI') AS local FROM "${table}" WHERE "${where}" = $1`,
      [value],
    );
    expect(r.rowCount).toBe(1);
    return r.rows[0] as { utc: string; local: string };
  }

  it("the test really runs far from UTC: a plain session on this database is in Auckland", async () => {
    expect((await admin.query("SELECT current_setting('TimeZone') AS tz")).rows[0]).toEqual({ tz: FAR_EAST });
  });

  it("Convene's own sessions are UTC all the same, whatever the database or the URL asks for (see utcSessionUrl)", async () => {
    for (const client of [db.prisma, west]) expect(await client.$queryRawUnsafe(`SELECT current_setting('TimeZone') AS "tz"`)).toEqual([{ tz: "UTC" }]);
  });

  it("writes through the unit of work and the raw SQL paths, and reads the same instants back in every zone", async () => {
    const uow = new PrismaUnitOfWork(db.prisma, TEST_AUDIT_KEY);
    const deadline: DeadlineRow = {
      id: "d1", caseId: "c1", rule: "icpc", sourceKind: "strategy-discussion", sourceId: "m1", sourceDate: "2027-01-04", dueDate: "2027-01-25",
      status: "open", waivedReason: null, closedAt: null, closedByMeetingId: null, workingDaysTaken: null, nextNudgeAt: new Date(NUDGE), lastNudgeStage: "created", actionId: null, createdAt: new Date(AT),
    };
    await uow.run(async (repos) => {
      await seedCase(repos, { caseId: "c1", reference: "CS-2027-0001", links: [teamsLink("L1", "c1")] });
      await repos.audit.append({ at: new Date(AT), actorId: "c1-sw", action: "change", entityType: "test", entityId: "utc", caseId: "c1", detail: {} });
      // Prisma's own INSERT, then the raw multi-row INSERT of enqueueMany.
      await repos.outbox.enqueue({ idempotencyKey: "one", channelLinkId: "L1", operation: "post", payload: { type: "notice", view: { title: "t", text: "x" } }, availableAt: new Date(DUE) });
      await repos.outbox.enqueueMany([
        { idempotencyKey: "many-due", channelLinkId: "L1", operation: "post", payload: { type: "notice", view: { title: "t", text: "y" } }, availableAt: new Date(AT) },
        { idempotencyKey: "many-later", channelLinkId: "L1", operation: "post", payload: { type: "notice", view: { title: "t", text: "z" } }, availableAt: new Date(NOT_YET) },
      ]);
      await repos.deadlines.createIfAbsent(deadline);
    });
    // The batched deadline update's raw CASE statement.
    await uow.run((repos) => repos.deadlines.updateMany([{ ...deadline, status: "met", closedAt: new Date(CLOSED), nextNudgeAt: new Date(NUDGE_LATER) }], ["status", "closedAt", "nextNudgeAt"]));
    // The outbox claim's raw UPDATE compares availableAt with `now`: the row due at 23:59:59.999
    // and the one due at 00:00:00.500 sit either side of it in UTC (and in Auckland alike).
    const claimed = await new PrismaOutboxClaims(db.prisma).claim("replica-1", new Date(NOW), new Date(LEASE), 10);
    expect(claimed.map((r) => r.idempotencyKey).sort()).toEqual(["many-due", "one"]);
    expect(claimed.map((r) => r.leaseExpiresAt?.toISOString())).toEqual([LEASE, LEASE]);

    // Read back by Prisma, by this client and by the Los Angeles one: the same instants.
    for (const client of [db.prisma, west]) {
      expect((await client.auditEvent.findFirstOrThrow({ where: { entityId: "utc" } })).at.toISOString()).toBe(AT);
      const outbox = Object.fromEntries((await client.outboxMessage.findMany()).map((r) => [r.idempotencyKey, r]));
      expect(outbox.one?.availableAt.toISOString()).toBe(DUE);
      expect(outbox["many-due"]?.availableAt.toISOString()).toBe(AT);
      expect(outbox["many-later"]?.availableAt.toISOString()).toBe(NOT_YET);
      expect(outbox.one?.leaseExpiresAt?.toISOString()).toBe(LEASE);
      expect(outbox["many-later"]?.leaseExpiresAt).toBeNull();
      const d = await client.deadline.findUniqueOrThrow({ where: { id: "d1" } });
      expect([d.status, d.closedAt?.toISOString(), d.nextNudgeAt?.toISOString(), d.createdAt.toISOString()]).toEqual(["met", CLOSED, NUDGE_LATER, AT]);
      // And Prisma's filters compare instants too: nothing of d1 is due a nudge before its time.
      expect(await client.deadline.count({ where: { nextNudgeAt: { lte: new Date(Date.parse(NUDGE_LATER) - 1) } } })).toBe(0);
      expect(await client.deadline.count({ where: { nextNudgeAt: { lte: new Date(NUDGE_LATER) } } })).toBe(1);
    }

    // What the database holds is those instants, in UTC; an Auckland session shows them 13 hours on.
    expect(await stored("AuditEvent", "at", "entityId", "utc")).toEqual({ utc: AT, local: "2027-01-12 12:30" });
    expect((await stored("OutboxMessage", "availableAt", "idempotencyKey", "one")).utc).toBe(DUE);
    expect((await stored("OutboxMessage", "availableAt", "idempotencyKey", "many-due")).utc).toBe(AT);
    expect((await stored("OutboxMessage", "availableAt", "idempotencyKey", "many-later")).utc).toBe(NOT_YET);
    expect((await stored("OutboxMessage", "leaseExpiresAt", "idempotencyKey", "one")).utc).toBe(LEASE);
    expect((await stored("Deadline", "closedAt", "id", "d1")).utc).toBe(CLOSED);
    expect((await stored("Deadline", "nextNudgeAt", "id", "d1")).utc).toBe(NUDGE_LATER);
    expect((await stored("Deadline", "createdAt", "id", "d1")).utc).toBe(AT);
    // enqueueMany stamps createdAt itself (as Prisma's default would): a recent instant, not one 13 hours off.
    const created = await admin.query(`SELECT abs(extract(epoch FROM (now() - "createdAt"))) AS age FROM "OutboxMessage" WHERE "idempotencyKey" = 'many-due'`);
    expect(Number(created.rows[0].age)).toBeLessThan(3600);
  });

  it("a row written by the Los Angeles replica is the same instant to the Auckland one and in storage", async () => {
    await west.outboxMessage.create({
      data: { id: "w1", idempotencyKey: "west", channelLinkId: "L1", operation: "post", payload: "{}", status: "pending", availableAt: new Date(AT), createdAt: new Date(AT) },
    });
    expect((await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: "w1" } })).availableAt.toISOString()).toBe(AT);
    expect(await stored("OutboxMessage", "availableAt", "id", "w1")).toEqual({ utc: AT, local: "2027-01-12 12:30" });
  });
});
