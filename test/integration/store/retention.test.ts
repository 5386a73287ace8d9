import { fixedClock } from "../../../src/domain/shared/clock";
import { purgeRetainedRows } from "../../../src/app/use-cases/purge-retained-rows";
import { startTestServerOn } from "../../helpers/e2e-server";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

// Retention deletes only what nobody needs again: old card updates that were sent or
// superseded, and old command keys. Pending rows (still to go), dead rows (evidence of a
// failed delivery) and posts (the anchors later updates need) stay, however old.

const NOW = "2026-12-03T09:00:00.000Z";
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * 24 * 60 * 60 * 1000);
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

async function seedOutbox(db: TestDatabase, id: string, status: string, operation: "post" | "update", ageDays: number): Promise<void> {
  await db.prisma.outboxMessage.create({
    data: {
      id,
      idempotencyKey: id,
      channelLinkId: "L1",
      operation,
      anchorKey: operation === "update" ? "meeting/m1/roster/L1" : null,
      payload: JSON.stringify({ type: "notice", view: { title: "t", text: "x" } }),
      status,
      availableAt: daysAgo(ageDays),
      createdAt: daysAgo(ageDays),
      ...(status === "sent" ? { sentAt: daysAgo(ageDays), platformMessageId: `pm-${id}` } : {}),
    },
  });
}

async function remaining(db: TestDatabase): Promise<{ outbox: string[]; commands: string[] }> {
  return {
    outbox: (await db.prisma.outboxMessage.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id),
    commands: (await db.prisma.processedCommand.findMany({ select: { key: true }, orderBy: { key: "asc" } })).map((r) => r.key),
  };
}

describe("retention", () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase("convene-retention");
  });
  afterEach(async () => {
    await db.dispose();
  });

  it("deletes old sent and superseded updates and old command keys; keeps recent, pending, dead rows and posts", async () => {
    await seedOutbox(db, "old-sent-update", "sent", "update", 31);
    await seedOutbox(db, "old-superseded", "superseded", "update", 45);
    await seedOutbox(db, "recent-sent-update", "sent", "update", 29);
    await seedOutbox(db, "recent-superseded", "superseded", "update", 1);
    await seedOutbox(db, "old-sent-post", "sent", "post", 400);
    await seedOutbox(db, "old-pending", "pending", "update", 60);
    await seedOutbox(db, "old-dead", "dead", "update", 90);
    await db.prisma.processedCommand.create({ data: { key: "old-command", response: "{}", createdAt: daysAgo(8) } });
    await db.prisma.processedCommand.create({ data: { key: "recent-command", response: "{}", createdAt: daysAgo(6) } });

    const result = await purgeRetainedRows({ uow: db.uow, clock: fixedClock(NOW), logger: silent, outboxDays: 30, commandDays: 7 });

    expect(result).toEqual({ outboxDeleted: 2, commandsDeleted: 1 });
    expect(await remaining(db)).toEqual({
      outbox: ["old-dead", "old-pending", "old-sent-post", "recent-sent-update", "recent-superseded"],
      commands: ["recent-command"],
    });
    // A second pass finds nothing more: the rule is idempotent, so any replica may run it.
    expect(await purgeRetainedRows({ uow: db.uow, clock: fixedClock(NOW), logger: silent, outboxDays: 30, commandDays: 7 })).toEqual({ outboxDeleted: 0, commandsDeleted: 0 });
  });

  it("works a backlog off in bounded batches, at most maxBatches per pass", async () => {
    for (let i = 0; i < 25; i++) await seedOutbox(db, `u${String(i).padStart(2, "0")}`, i % 2 ? "sent" : "superseded", "update", 40 + i);
    for (let i = 0; i < 12; i++) await db.prisma.processedCommand.create({ data: { key: `k${i}`, createdAt: daysAgo(10 + i) } });
    const deps = { uow: db.uow, clock: fixedClock(NOW), logger: silent, outboxDays: 30, commandDays: 7 };

    // 4 rows a transaction, 3 transactions a table: 12 of each go in the first pass.
    expect(await purgeRetainedRows(deps, { batch: 4, maxBatches: 3 })).toEqual({ outboxDeleted: 12, commandsDeleted: 12 });
    const left = await remaining(db);
    expect(left.commands).toEqual([]);
    expect(left.outbox).toHaveLength(13);
    expect(await purgeRetainedRows(deps, { batch: 4, maxBatches: 3 })).toEqual({ outboxDeleted: 12, commandsDeleted: 0 });
    expect(await purgeRetainedRows(deps, { batch: 4, maxBatches: 3 })).toEqual({ outboxDeleted: 1, commandsDeleted: 0 });
    expect((await remaining(db)).outbox).toEqual([]);
  });

  it("runs as part of the server's scheduler, with the ages from the environment", async () => {
    await seedOutbox(db, "eleven-days", "superseded", "update", 11);
    await seedOutbox(db, "nine-days", "superseded", "update", 9);
    await db.prisma.processedCommand.create({ data: { key: "three-days", createdAt: daysAgo(3) } });
    await db.prisma.processedCommand.create({ data: { key: "one-day", createdAt: daysAgo(1) } });

    const server = await startTestServerOn(db.url, fixedClock(NOW), {
      CONVENE_SCHEDULER: "on",
      CONVENE_RETENTION_OUTBOX_DAYS: "10",
      CONVENE_RETENTION_COMMAND_DAYS: "2",
    });
    try {
      // The first scheduler tick runs at start-up: nudges, chases, then retention.
      const deadline = Date.now() + 10_000;
      let left = await remaining(db);
      while (left.outbox.length + left.commands.length > 2 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        left = await remaining(db);
      }
      expect(left).toEqual({ outbox: ["nine-days"], commands: ["one-day"] });
    } finally {
      await server.close();
    }
  });
});
