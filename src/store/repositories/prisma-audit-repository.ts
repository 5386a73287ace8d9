import type { AuditCheckpoint, AuditRepository, BrokenSeal, NewAuditEvent, StoredAuditEvent } from "../../app/ports/audit";
import { GENESIS_HASH, checkpointMac, hashEntry, sameMac, type AuditKey } from "../../domain/audit/audit-chain";
import type { Tx } from "../prisma-client";
import { rowSeal } from "../row-seal";

const CHECKPOINT_ID = 1;
const SEAL_PAGE = 1000;

/**
 * Appends to the MAC-chained audit trail. The next seq and the previous MAC are read in the
 * write transaction, the row's seq is its primary key, and the checkpoint moves only from the
 * seq that was read (compare-and-set). Two writers that read the same head therefore cannot
 * both commit: the loser's insert or checkpoint update fails, and the unit of work retries it
 * from the start, on SQLite and PostgreSQL alike.
 */
export class PrismaAuditRepository implements AuditRepository {
  constructor(
    private readonly tx: Tx,
    private readonly key: AuditKey,
  ) {}

  async append(e: NewAuditEvent): Promise<void> {
    const last = await this.tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS_HASH;
    const entry = { seq, at: e.at, actorId: e.actorId, action: e.action, entityType: e.entityType, entityId: e.entityId, caseId: e.caseId, detail: JSON.stringify(e.detail) };
    const hash = hashEntry(entry, prevHash, this.key);
    await this.tx.auditEvent.create({ data: { ...entry, prevHash, hash } });
    const head = { seq, hash, mac: checkpointMac(seq, hash, this.key), updatedAt: e.at };
    if (!last) {
      // The first append creates the checkpoint; a second first append collides on its id.
      await this.tx.auditCheckpoint.create({ data: { id: CHECKPOINT_ID, ...head } });
      return;
    }
    const moved = await this.tx.auditCheckpoint.updateMany({ where: { id: CHECKPOINT_ID, seq: last.seq }, data: head });
    if (moved.count !== 1) throw new Error("audit write conflict: the checkpoint moved since the head was read (or is missing)");
  }

  async checkpoint(): Promise<AuditCheckpoint | null> {
    return this.tx.auditCheckpoint.findUnique({ where: { id: CHECKPOINT_ID }, select: { seq: true, hash: true, mac: true } });
  }

  async listChain(afterSeq: number, limit: number): Promise<StoredAuditEvent[]> {
    return this.tx.auditEvent.findMany({ where: { seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take: limit });
  }

  async recentByActor(actorId: string, action: string, since: Date, limit: number): Promise<StoredAuditEvent[]> {
    // Served by the actorId index: one person's rows, not the whole trail.
    return this.tx.auditEvent.findMany({ where: { actorId, action, at: { gte: since } }, orderBy: { seq: "desc" }, take: limit });
  }

  async brokenSeals(limit: number): Promise<BrokenSeal[]> {
    const broken: BrokenSeal[] = [];
    const scan = async (table: "Invitation" | "Deadline", page: (after: string) => Promise<Array<Record<string, unknown> & { id: string; seal: string }>>) => {
      for (let after = ""; broken.length < limit; ) {
        const rows = await page(after);
        for (const row of rows) if (!sameMac(rowSeal(table, row, this.key), row.seal)) broken.push({ table, id: row.id });
        if (rows.length < SEAL_PAGE) return;
        after = rows[rows.length - 1]!.id;
      }
    };
    await scan("Invitation", (after) => this.tx.invitation.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: SEAL_PAGE }));
    await scan("Deadline", (after) => this.tx.deadline.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: SEAL_PAGE }));
    return broken.slice(0, limit);
  }
}
