import { randomUUID } from "node:crypto";
import type { NewOutboxMessage, OutboxRepository, OutboxRow } from "../../app/ports/outbox";
import { Prisma } from "../generated/prisma/client";
import type { Tx } from "../prisma-client";

/** Maps a stored outbox row to the app's shape. */
export const toOutboxRow = (r: Record<string, unknown>): OutboxRow =>
  ({ ...r, payload: JSON.parse(r.payload as string) as unknown }) as unknown as OutboxRow;

/** Writes to the outbox inside the caller's transaction. Delivery lives in src/delivery. */
export class PrismaOutboxRepository implements OutboxRepository {
  constructor(private readonly tx: Tx) {}

  async enqueue(m: NewOutboxMessage): Promise<boolean> {
    // Check-then-insert is safe here: we are inside a write transaction on a unique key, and
    // a racing insert of the same key fails the transaction, which the unit of work retries.
    const existing = await this.tx.outboxMessage.findUnique({ where: { idempotencyKey: m.idempotencyKey }, select: { id: true } });
    if (existing) return false;
    await this.tx.outboxMessage.create({
      data: {
        id: randomUUID(),
        idempotencyKey: m.idempotencyKey,
        channelLinkId: m.channelLinkId,
        operation: m.operation,
        anchorKey: m.anchorKey ?? null,
        payload: JSON.stringify(m.payload),
        status: "pending",
        availableAt: m.availableAt,
        directTo: m.directTo ?? null,
      },
    });
    return true;
  }

  async enqueueMany(ms: NewOutboxMessage[]): Promise<string[]> {
    if (!ms.length) return [];
    // Same check-then-insert as enqueue, for a whole batch: one read of the keys that
    // exist, one multi-row insert of the rest (a racing insert fails the transaction,
    // which the unit of work retries).
    const keys = ms.map((m) => m.idempotencyKey);
    const existing = new Set((await this.tx.outboxMessage.findMany({ where: { idempotencyKey: { in: keys } }, select: { idempotencyKey: true } })).map((r) => r.idempotencyKey));
    const seen = new Set<string>();
    const fresh = ms.filter((m) => !existing.has(m.idempotencyKey) && !seen.has(m.idempotencyKey) && seen.add(m.idempotencyKey));
    if (!fresh.length) return [];
    // One multi-row INSERT written out rather than createMany: Prisma's createMany spends
    // about ten times as long on a batch of card payloads (measured by `npm run bench`).
    // createdAt is set here as Prisma's @default(now()) would; standard SQL, as PostgreSQL runs it.
    const createdAt = new Date();
    const rows = fresh.map(
      (m) =>
        Prisma.sql`(${randomUUID()}, ${m.idempotencyKey}, ${m.channelLinkId}, ${m.operation}, ${m.anchorKey ?? null}, ${JSON.stringify(m.payload)}, ${"pending"}, ${0}, ${m.availableAt}, ${createdAt}, ${m.directTo ?? null})`,
    );
    await this.tx.$executeRaw`INSERT INTO "OutboxMessage" ("id", "idempotencyKey", "channelLinkId", "operation", "anchorKey", "payload", "status", "attempts", "availableAt", "createdAt", "directTo") VALUES ${Prisma.join(rows)}`;
    return fresh.map((m) => m.idempotencyKey);
  }

  async findByKey(key: string): Promise<OutboxRow | null> {
    const r = await this.tx.outboxMessage.findUnique({ where: { idempotencyKey: key } });
    return r ? toOutboxRow(r) : null;
  }

  async supersedePendingUpdates(anchorKey: string, exceptKey: string): Promise<void> {
    await this.tx.outboxMessage.updateMany({
      where: { anchorKey, operation: "update", status: "pending", idempotencyKey: { not: exceptKey } },
      data: { status: "superseded" },
    });
  }

  async deleteSettledUpdatesBefore(cutoff: Date, limit: number): Promise<number> {
    // Select then delete by id: a bounded batch on SQLite and PostgreSQL alike (neither
    // Prisma's deleteMany nor portable SQL takes a LIMIT). One status at a time, oldest
    // first: the (status, operation, createdAt) index then hands over exactly the rows to
    // delete, in order, with no sort (Prisma orders every `take` by something). The where is
    // repeated on the delete so a row that changed in between is left alone.
    let deleted = 0;
    for (const status of ["superseded", "sent"]) {
      if (deleted >= limit) break;
      const settled = { status, operation: "update", createdAt: { lt: cutoff } };
      const rows = await this.tx.outboxMessage.findMany({ where: settled, select: { id: true }, orderBy: { createdAt: "asc" }, take: limit - deleted });
      if (!rows.length) continue;
      deleted += (await this.tx.outboxMessage.deleteMany({ where: { ...settled, id: { in: rows.map((x) => x.id) } } })).count;
    }
    return deleted;
  }
}
