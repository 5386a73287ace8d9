/**
 * A tamper-evident audit trail: each entry's MAC covers its content and the previous entry's
 * MAC, so changing, deleting or reordering an entry breaks the chain from that point on.
 *
 * The MAC is an HMAC-SHA256 under a secret key that lives outside the database
 * (CONVENE_AUDIT_KEY), so someone who can rewrite the table cannot recompute the chain after
 * an edit. A checkpoint of the head (its seq and MAC, itself MACed) is kept beside the chain:
 * deleting the last rows, or all of them, leaves the checkpoint pointing past the end.
 *
 * Limits, stated so nobody over-trusts it: whoever holds the key can rewrite everything, and
 * restoring a whole older copy of the database (chain and checkpoint together) is
 * indistinguishable from the past; publish the head (`convene audit verify` prints it) to
 * catch that.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** The shortest audit key accepted: 32 characters (e.g. 16 random bytes in hex, or more). Config and the key store both check it. */
export const MIN_AUDIT_KEY_LENGTH = 32;

/** The prevHash of the very first entry. */
export const GENESIS_HASH = "0".repeat(64);
/** Alias of {@link GENESIS_HASH}. */
export const GENESIS = GENESIS_HASH;

/** What happened, by whom, to what. */
export interface AuditEntry {
  /** Position in the chain, from 1. */
  seq: number;
  /** When it happened. */
  at: Date;
  /** The practitioner (or "system") who did it. */
  actorId: string;
  /** What was done: create, change, finalise, amend, export, ... */
  action: "create" | "change" | "finalise" | "amend" | "export" | (string & {});
  /** The kind of thing acted on, e.g. "decision-record". */
  entityType: string;
  /** Its id. */
  entityId: string;
  /** The case it belongs to, or null for system-wide events. */
  caseId: string | null;
  /** JSON text; hashed exactly as stored, so it must never be re-serialised before verifying. */
  detail: string;
}

/** An entry as stored, with its links. */
export type ChainedAuditEntry = AuditEntry & {
  /** The previous entry's hash ({@link GENESIS_HASH} for the first). */
  prevHash: string;
  /** This entry's hash. */
  hash: string;
};

/** The result of {@link verifyChain}. */
export type ChainVerification =
  | { ok: true; count: number; headHash: string }
  | {
      ok: false;
      /** The first entry at which the chain cannot be trusted (for a deletion, the missing seq). */
      firstBrokenSeq: number;
      /** What is wrong there. */
      reason: "hash-mismatch" | "prev-hash-mismatch" | "sequence-gap" | "out-of-order";
    };

/**
 * The canonical text hashed for an entry: a JSON array in fixed order, tagged with a format
 * version so the algorithm can change later without old chains becoming unverifiable.
 */
export function canonicalAuditText(entry: AuditEntry, prevHash: string): string {
  return JSON.stringify([
    "convene-audit-v2",
    entry.seq,
    entry.at.toISOString(),
    entry.actorId,
    entry.action,
    entry.entityType,
    entry.entityId,
    entry.caseId,
    entry.detail,
    prevHash,
  ]);
}

/** The secret the chain is keyed with (CONVENE_AUDIT_KEY, or the key file local mode generates). */
export type AuditKey = string;

/** HMAC-SHA256 (hex) of the entry's canonical text, linked to `prevHash`, under `key`. */
export function hashEntry(entry: AuditEntry, prevHash: string, key: AuditKey): string {
  return createHmac("sha256", key).update(canonicalAuditText(entry, prevHash), "utf8").digest("hex");
}

/** Links `entry` after `previous` (null for the first entry); the store writes what this returns. */
export function chainEntry(entry: AuditEntry, previous: { hash: string } | null, key: AuditKey): ChainedAuditEntry {
  const prevHash = previous?.hash ?? GENESIS_HASH;
  return { ...entry, at: new Date(entry.at.getTime()), prevHash, hash: hashEntry(entry, prevHash, key) };
}

/** The checkpoint's own MAC: binds the head's seq to its MAC, so neither can be set back without the key. */
export function checkpointMac(seq: number, hash: string, key: AuditKey): string {
  return createHmac("sha256", key).update(JSON.stringify(["convene-audit-checkpoint-v1", seq, hash]), "utf8").digest("hex");
}

/** Constant-time comparison of two hex MACs. */
export function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A decision record version as it is stored, for {@link recordDigest}. */
export interface RecordForDigest {
  id: string;
  meetingId: string;
  caseId: string;
  version: number;
  kind: string;
  /** The payload as stored (JSON text). */
  payloadJson: string;
  reason: string | null;
  authorId: string;
  createdAt: Date;
}

/**
 * SHA-256 (hex) of a decision record version: written into the record's audit event, so the
 * MACed chain vouches for the stored record and an edit of the record row shows.
 */
export function recordDigest(r: RecordForDigest): string {
  const text = JSON.stringify(["convene-record-v1", r.id, r.meetingId, r.caseId, r.version, r.kind, r.payloadJson, r.reason, r.authorId, r.createdAt.toISOString()]);
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * Checks rows given in seq order. `anchor` lets a caller verify a window of a long chain from
 * an entry it already trusts; by default the chain must start at seq 1 from {@link GENESIS_HASH}.
 *
 * A gap in seq whose hash link is intact is accepted: PostgreSQL sequences skip numbers when a
 * transaction rolls back, and the link proves nothing was written in between.
 */
export function verifyChain(
  rows: readonly ChainedAuditEntry[],
  key: AuditKey,
  anchor: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): ChainVerification {
  // Reordering is looked for first, so it is reported as such rather than as a gap.
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] as ChainedAuditEntry;
    if (row.seq <= (rows[i - 1] as ChainedAuditEntry).seq) {
      return { ok: false, firstBrokenSeq: row.seq, reason: "out-of-order" };
    }
  }
  let prev = anchor;
  for (const row of rows) {
    if (row.seq <= prev.seq) return { ok: false, firstBrokenSeq: row.seq, reason: "out-of-order" };
    if (row.prevHash !== prev.hash) {
      return row.seq > prev.seq + 1
        ? { ok: false, firstBrokenSeq: prev.seq + 1, reason: "sequence-gap" }
        : { ok: false, firstBrokenSeq: row.seq, reason: "prev-hash-mismatch" };
    }
    if (!sameMac(hashEntry(row, row.prevHash, key), row.hash)) {
      return { ok: false, firstBrokenSeq: row.seq, reason: "hash-mismatch" };
    }
    prev = { seq: row.seq, hash: row.hash };
  }
  return { ok: true, count: rows.length, headHash: prev.hash };
}
