import type { AuditRepository, NewAuditEvent, StoredAuditEvent } from "../../app/ports/audit";
import { GENESIS_HASH, hashEntry } from "../../domain/audit/audit-chain";
import type { Tx } from "../prisma-client";

/**
 * Appends to the hash-chained audit trail. The next seq and the previous hash are read in
 * the same write transaction, so concurrent writers serialise on SQLite's write lock and
 * the chain stays linear (a stale read fails the transaction, which the unit of work retries).
 */
export class PrismaAuditRepository implements AuditRepository {
  constructor(private readonly tx: Tx) {}

  async append(e: NewAuditEvent): Promise<void> {
    const last = await this.tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS_HASH;
    const entry = { seq, at: e.at, actorId: e.actorId, action: e.action, entityType: e.entityType, entityId: e.entityId, caseId: e.caseId, detail: JSON.stringify(e.detail) };
    await this.tx.auditEvent.create({ data: { ...entry, prevHash, hash: hashEntry(entry, prevHash) } });
  }

  async listChain(afterSeq: number, limit: number): Promise<StoredAuditEvent[]> {
    return this.tx.auditEvent.findMany({ where: { seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take: limit });
  }
}
