import type { ChannelLink } from "../app/ports/channel-link";
import type { OutboxRow } from "../app/ports/outbox";
import { dialectOf, type PrismaClient, type SqlDialect } from "./prisma-client";

/**
 * The dispatcher's view of the outbox: claim with a lease, then settle each claimed row
 * only while still holding that lease. Every settle is conditional on `leaseOwner`, so a
 * dispatcher whose lease expired (a long GC pause, a slow platform) cannot overwrite the
 * outcome recorded by the dispatcher that took the row over.
 */
export class PrismaOutboxClaims {
  private readonly postgres: boolean;

  constructor(
    /** The connected client (not a transaction: each statement commits on its own). */
    private readonly prisma: PrismaClient,
    /**
     * SQL dialect of the database (placeholders and row locking differ). Taken from the client
     * by default: a caller that forgot it would send SQLite's `?` placeholders to PostgreSQL.
     */
    dialect: SqlDialect = dialectOf(prisma),
  ) {
    this.postgres = dialect === "postgresql";
  }

  /** `?` for SQLite, `$n` for PostgreSQL: the rest of the claim SQL is shared. */
  private p(n: number): string {
    return this.postgres ? `$${n}` : "?";
  }

  /**
   * Atomically leases up to `limit` due pending rows to `owner` until `leaseExpiresAt`
   * and counts the attempt. ONE statement, so two processes on one SQLite file (or two
   * replicas on PostgreSQL) can never both hold a row: SQLite serialises writers, and the
   * subquery's lease condition is re-read under the write lock; on PostgreSQL the outer UPDATE
   * re-checks the lease on each row it locks.
   */
  async claim(owner: string, now: Date, leaseExpiresAt: Date, limit: number, leaseNow: Date = now): Promise<OutboxRow[]> {
    const p = (n: number) => this.p(n);
    // Dates go in as JS Dates: the adapter writes them in the same ISO-8601 form Prisma
    // stores (…+00:00 on SQLite), so text comparison orders them correctly.
    // The lease is checked again in the outer UPDATE: on a database with concurrent writers
    // (PostgreSQL), the subquery's snapshot can be older than another replica's claim, and only
    // the UPDATE's own re-check of the row sees it. PostgreSQL also skips rows another claim has
    // locked rather than waiting for them.
    const due =
      `SELECT "id" FROM "OutboxMessage" WHERE "status" = 'pending' AND "availableAt" <= ${p(3)} ` +
      `AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < ${p(4)}) ORDER BY "createdAt", "id" LIMIT ${p(5)}`;
    // On PostgreSQL the due rows are chosen once, in a materialised CTE. Written inline as
    // `IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)`, the planner may rescan the subquery for
    // each row it updates (a nested-loop semi join), and each rescan skips the rows this very
    // statement has just updated and returns the next n: one claim of 3 took every due row.
    const sql =
      (this.postgres ? `WITH "due" AS MATERIALIZED (${due} FOR UPDATE SKIP LOCKED) ` : "") +
      `UPDATE "OutboxMessage" SET "leaseOwner" = ${p(1)}, "leaseExpiresAt" = ${p(2)}, "attempts" = "attempts" + 1 ` +
      `WHERE "id" IN (${this.postgres ? `SELECT "id" FROM "due"` : due}) ` +
      `AND "status" = 'pending' AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < ${p(6)}) ` +
      `RETURNING "id", "idempotencyKey", "channelLinkId", "operation", "anchorKey", "payload", "status", "attempts", ` +
      `"availableAt", "leaseOwner", "leaseExpiresAt", "platformMessageId", "lastError", "createdAt", "sentAt", "directTo"`;
    const rows = await this.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(sql, owner, leaseExpiresAt, now, leaseNow, limit, leaseNow);
    return rows.map(toRow).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  /** Records a successful send. False if the lease was lost (the row now belongs to someone else). */
  async markSent(id: string, owner: string, platformMessageId: string, at: Date): Promise<boolean> {
    const r = await this.prisma.outboxMessage.updateMany({
      where: { id, leaseOwner: owner, status: "pending" },
      data: { status: "sent", platformMessageId, sentAt: at, leaseOwner: null, leaseExpiresAt: null, lastError: null },
    });
    if (r.count === 0) await this.endSupersededLease(id, owner);
    return r.count === 1;
  }

  /**
   * A newer update of the same message may supersede a row while it is being sent; its lease
   * still says "in flight" (so the newer one waits, see `olderUpdateInFlight`) until the send
   * settles, and is cleared here when it does, so the newer one goes at once.
   */
  private async endSupersededLease(id: string, owner: string): Promise<void> {
    await this.prisma.outboxMessage.updateMany({ where: { id, leaseOwner: owner, status: "superseded" }, data: { leaseOwner: null, leaseExpiresAt: null } });
  }

  /** Puts the row back for a later attempt at `availableAt`, keeping the error for operators. */
  async markRetry(id: string, owner: string, availableAt: Date, error: string): Promise<boolean> {
    const r = await this.prisma.outboxMessage.updateMany({
      where: { id, leaseOwner: owner, status: "pending" },
      data: { availableAt, lastError: error.slice(0, 500), leaseOwner: null, leaseExpiresAt: null },
    });
    if (r.count === 0) await this.endSupersededLease(id, owner);
    return r.count === 1;
  }

  /**
   * Hands the row back untried (rate limit, anchor not yet sent, channel in Retry-After):
   * the attempt the claim counted is given back, so waiting never exhausts the retries.
   */
  async release(id: string, owner: string, availableAt: Date): Promise<boolean> {
    const r = await this.prisma.outboxMessage.updateMany({
      where: { id, leaseOwner: owner, status: "pending" },
      data: { availableAt, leaseOwner: null, leaseExpiresAt: null, attempts: { decrement: 1 } },
    });
    if (r.count === 0) await this.endSupersededLease(id, owner);
    return r.count === 1;
  }

  /** Gives up on the row: permanent error or attempts exhausted. */
  async markDead(id: string, owner: string, error: string): Promise<boolean> {
    const r = await this.prisma.outboxMessage.updateMany({
      where: { id, leaseOwner: owner, status: "pending" },
      data: { status: "dead", lastError: error.slice(0, 500), leaseOwner: null, leaseExpiresAt: null },
    });
    if (r.count === 0) await this.endSupersededLease(id, owner);
    return r.count === 1;
  }

  async supersedeIfStale(row: OutboxRow, owner: string): Promise<boolean> {
    if (row.operation !== "update" || !row.anchorKey) return false;
    const newer = await this.prisma.outboxMessage.findFirst({
      where: { anchorKey: row.anchorKey, operation: "update", status: { in: ["pending", "sent"] }, id: { not: row.id }, OR: [{ createdAt: { gt: row.createdAt } }, { createdAt: row.createdAt, id: { gt: row.id } }] },
      select: { id: true },
    });
    if (!newer) return false;
    const r = await this.prisma.outboxMessage.updateMany({ where: { id: row.id, leaseOwner: owner, status: "pending" }, data: { status: "superseded", leaseOwner: null, leaseExpiresAt: null } });
    return r.count === 1;
  }

  async olderUpdateInFlight(row: OutboxRow, now: Date): Promise<boolean> {
    if (row.operation !== "update" || !row.anchorKey) return false;
    const older = await this.prisma.outboxMessage.findFirst({
      // "superseded" too: a row superseded while being sent is still on its way to the platform.
      where: { anchorKey: row.anchorKey, operation: "update", status: { in: ["pending", "superseded"] }, id: { not: row.id }, leaseExpiresAt: { gt: now }, OR: [{ createdAt: { lt: row.createdAt } }, { createdAt: row.createdAt, id: { lt: row.id } }] },
      select: { id: true },
    });
    return older !== null;
  }

  /** The status and platform id of the message an update refers to (its anchor). */
  async findAnchor(idempotencyKey: string): Promise<{ status: string; platformMessageId: string | null } | null> {
    return this.prisma.outboxMessage.findUnique({ where: { idempotencyKey }, select: { status: true, platformMessageId: true } });
  }

  /** The channel link a message goes to. */
  async findChannelLink(id: string): Promise<ChannelLink | null> {
    const r = await this.prisma.channelLink.findUnique({ where: { id } });
    return r ? { id: r.id, caseId: r.caseId, platform: r.platform as ChannelLink["platform"], conversationId: r.conversationId, conversationRef: r.conversationRef } : null;
  }

  /** Pending rows (for drains and health): how much work is left. */
  async countPending(): Promise<number> {
    return this.prisma.outboxMessage.count({ where: { status: "pending" } });
  }

  /** The earliest availableAt among pending rows, or null: lets a drain skip ahead in fake time. */
  async nextAvailableAt(): Promise<Date | null> {
    const r = await this.prisma.outboxMessage.findFirst({ where: { status: "pending" }, orderBy: { availableAt: "asc" }, select: { availableAt: true } });
    return r?.availableAt ?? null;
  }
}

/** Raw rows come back with driver types: dates as ISO strings (SQLite) or Dates (PostgreSQL). */
function toRow(r: Record<string, unknown>): OutboxRow {
  const date = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));
  return {
    id: String(r.id),
    idempotencyKey: String(r.idempotencyKey),
    channelLinkId: String(r.channelLinkId),
    operation: r.operation as OutboxRow["operation"],
    anchorKey: (r.anchorKey as string | null) ?? null,
    payload: JSON.parse(String(r.payload)) as OutboxRow["payload"],
    status: r.status as OutboxRow["status"],
    attempts: Number(r.attempts),
    availableAt: date(r.availableAt) as Date,
    leaseOwner: (r.leaseOwner as string | null) ?? null,
    leaseExpiresAt: date(r.leaseExpiresAt),
    platformMessageId: (r.platformMessageId as string | null) ?? null,
    lastError: (r.lastError as string | null) ?? null,
    createdAt: date(r.createdAt) as Date,
    sentAt: date(r.sentAt),
    directTo: (r.directTo as string | null) ?? null,
  };
}
