import { checkpointMac, recordDigest, sameMac, verifyChain, type AuditKey } from "../../domain/audit/audit-chain";
import type { StoredAuditEvent } from "../ports/audit";
import type { UnitOfWork } from "../ports/unit-of-work";

const PAGE = 5000;

/** What `convene audit verify` found. */
export type AuditTrailVerification =
  | {
      ok: true;
      /** Events in the chain. */
      count: number;
      /** The head's MAC: publish it somewhere else to catch a restore of an older copy. */
      headHash: string;
      /** Decision record versions checked against their audit events. */
      records: number;
    }
  | {
      ok: false;
      /** The first chain entry that cannot be trusted, when the break is in the chain itself. */
      firstBrokenSeq: number | null;
      /** What is wrong. */
      reason:
        | "hash-mismatch"
        | "prev-hash-mismatch"
        | "sequence-gap"
        | "out-of-order"
        /** Rows exist but the checkpoint is gone. */
        | "checkpoint-missing"
        /** The checkpoint's own MAC is wrong: it was written without the key. */
        | "checkpoint-forged"
        /** The chain ends before the checkpoint: its last rows (or all of them) were deleted. */
        | "truncated"
        /** The chain's head is not the checkpointed one. */
        | "checkpoint-mismatch"
        /** A stored decision record differs from the digest its audit event vouches for. */
        | "record-mismatch"
        /** A decision record has no audit event vouching for it. */
        | "record-unaudited"
        /** An audit event vouches for a decision record that is gone. */
        | "record-missing"
        /** A roster row or deadline was edited outside Convene. */
        | "row-seal-mismatch";
      /** The entity concerned, when the break is not in the chain (e.g. "DecisionRecord 1f…"). */
      entity?: string;
    };

/**
 * Checks the whole audit trail: the MAC chain (a page at a time, each page from the last good
 * row of the previous one), the checkpoint of its head (truncation), every decision record
 * against the digest in its audit event (record edits), and the seals of roster rows and
 * deadlines (direct edits). The key is the one the trail was written with.
 */
export async function verifyAuditTrail(uow: UnitOfWork, key: AuditKey, onProgress?: (checked: number) => void): Promise<AuditTrailVerification> {
  let anchor: { seq: number; hash: string } | undefined;
  let count = 0;
  let headHash = "";
  // Record id -> the digest its latest audit event vouches for.
  const digests = new Map<string, string>();
  for (;;) {
    const after = anchor?.seq ?? 0;
    const page: StoredAuditEvent[] = await uow.run((repos) => repos.audit.listChain(after, PAGE));
    if (page.length === 0) break;
    const result = verifyChain(page, key, anchor);
    if (!result.ok) return result;
    for (const e of page) {
      if (e.entityType !== "decision-record") continue;
      const digest = digestOf(e.detail);
      if (digest) digests.set(e.entityId, digest);
    }
    count += result.count;
    headHash = result.headHash;
    const last = page[page.length - 1]!;
    anchor = { seq: last.seq, hash: last.hash };
    onProgress?.(count);
    if (page.length < PAGE) break;
  }

  const checkpoint = await uow.run((repos) => repos.audit.checkpoint());
  const headSeq = anchor?.seq ?? 0;
  if (!checkpoint) {
    if (count > 0) return { ok: false, firstBrokenSeq: null, reason: "checkpoint-missing" };
  } else {
    if (!sameMac(checkpointMac(checkpoint.seq, checkpoint.hash, key), checkpoint.mac)) return { ok: false, firstBrokenSeq: null, reason: "checkpoint-forged" };
    if (checkpoint.seq > headSeq) return { ok: false, firstBrokenSeq: headSeq + 1, reason: "truncated" };
    if (checkpoint.seq !== headSeq || !sameMac(checkpoint.hash, headHash)) return { ok: false, firstBrokenSeq: checkpoint.seq, reason: "checkpoint-mismatch" };
  }

  let records = 0;
  for (let afterId = ""; ; ) {
    const page = await uow.run((repos) => repos.records.listStoredPage(afterId, PAGE));
    for (const r of page) {
      const vouched = digests.get(r.id);
      if (!vouched) return { ok: false, firstBrokenSeq: null, reason: "record-unaudited", entity: `DecisionRecord ${r.id}` };
      if (!sameMac(recordDigest(r), vouched)) return { ok: false, firstBrokenSeq: null, reason: "record-mismatch", entity: `DecisionRecord ${r.id}` };
      digests.delete(r.id);
      records += 1;
    }
    if (page.length < PAGE) break;
    afterId = page[page.length - 1]!.id;
  }
  const gone = digests.keys().next();
  if (!gone.done) return { ok: false, firstBrokenSeq: null, reason: "record-missing", entity: `DecisionRecord ${gone.value}` };

  const broken = await uow.run((repos) => repos.audit.brokenSeals(1));
  if (broken[0]) return { ok: false, firstBrokenSeq: null, reason: "row-seal-mismatch", entity: `${broken[0].table} ${broken[0].id}` };
  return { ok: true, count, headHash, records };
}

/** The record digest an event's detail carries, if any (events from before digests have none). */
function digestOf(detail: string): string | null {
  try {
    const parsed = JSON.parse(detail) as { digest?: unknown };
    return typeof parsed.digest === "string" ? parsed.digest : null;
  } catch {
    return null;
  }
}
