import { GENESIS_HASH, checkpointMac, hashEntry, sameMac, verifyChain, type AuditKey } from "../domain/audit/audit-chain";
import type { PrismaClient, Tx } from "./prisma-client";
import { repositoriesFor, takeWriteLock } from "./prisma-unit-of-work";
import { rowSeal } from "./row-seal";

/** What a rotation did. */
export interface RekeyResult {
  /** Audit events re-MACed (before the rotation's own event). */
  events: number;
  /** Roster rows and deadlines resealed. */
  rows: number;
}

/**
 * Rotates the audit key: in one transaction, checks the whole chain, the checkpoint and every
 * row seal under the old key (refusing if anything is already broken, so a rotation never
 * launders a tamper), re-MACs them under the new key, and appends an "audit-key-rotated"
 * event naming the old head. Run it with the server stopped: a server still holding the old
 * key would append events the new key cannot verify.
 */
export async function rekeyAuditTrail(prisma: PrismaClient, oldKey: AuditKey, newKey: AuditKey, at: Date, operator: string): Promise<RekeyResult> {
  return prisma.$transaction(
    async (client) => {
      const tx = client as Tx;
      // No unit of work may append to the chain while it is rewritten.
      const dialect = await takeWriteLock(tx, prisma);
      const rows = await tx.auditEvent.findMany({ orderBy: { seq: "asc" } });
      const checked = verifyChain(rows, oldKey);
      if (!checked.ok) throw new Error(`the audit trail is already broken at seq ${checked.firstBrokenSeq} (${checked.reason}); not rotating`);
      const checkpoint = await tx.auditCheckpoint.findUnique({ where: { id: 1 } });
      const head = rows[rows.length - 1];
      if (head && (!checkpoint || checkpoint.seq !== head.seq || !sameMac(checkpointMac(checkpoint.seq, checkpoint.hash, oldKey), checkpoint.mac))) {
        throw new Error("the audit checkpoint does not match the chain under the old key; not rotating");
      }
      let prev = GENESIS_HASH;
      for (const r of rows) {
        const hash = hashEntry(r, prev, newKey);
        await tx.auditEvent.update({ where: { seq: r.seq }, data: { prevHash: prev, hash } });
        prev = hash;
      }
      if (head) await tx.auditCheckpoint.update({ where: { id: 1 }, data: { hash: prev, mac: checkpointMac(head.seq, prev, newKey) } });

      let resealed = 0;
      for (const inv of await tx.invitation.findMany()) {
        if (!sameMac(rowSeal("Invitation", inv, oldKey), inv.seal)) throw new Error(`Invitation ${inv.id} was edited outside Convene; not rotating`);
        await tx.invitation.update({ where: { id: inv.id }, data: { seal: rowSeal("Invitation", inv, newKey) } });
        resealed += 1;
      }
      for (const d of await tx.deadline.findMany()) {
        if (!sameMac(rowSeal("Deadline", d, oldKey), d.seal)) throw new Error(`Deadline ${d.id} was edited outside Convene; not rotating`);
        await tx.deadline.update({ where: { id: d.id }, data: { seal: rowSeal("Deadline", d, newKey) } });
        resealed += 1;
      }
      await repositoriesFor(tx, newKey, dialect).audit.append({ at, actorId: operator, action: "change", entityType: "audit-key", entityId: "audit-key", caseId: null, detail: { rotated: true, previousHead: checked.headHash, events: rows.length } });
      return { events: rows.length, rows: resealed };
    },
    { timeout: 600_000, maxWait: 20_000 },
  );
}
