import fc from "fast-check";
import {
  GENESIS_HASH,
  checkpointMac,
  canonicalAuditText,
  chainEntry,
  hashEntry,
  verifyChain,
  type AuditEntry,
  type ChainedAuditEntry,
} from "../../../../src/domain/audit/audit-chain";

/** The audit key the chains here are MACed with. */
const KEY = "test-audit-key-0123456789abcdef0123456789";

function entry(seq: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    seq,
    at: new Date(Date.UTC(2025, 2, 10, 9, seq)),
    actorId: `pr-${seq % 3}`,
    action: seq % 2 ? "create" : "change",
    entityType: "decision-record",
    entityId: `rec-${seq}`,
    caseId: seq % 4 === 0 ? null : "case-1",
    detail: JSON.stringify({ version: seq }),
    ...overrides,
  };
}

function chain(n: number): ChainedAuditEntry[] {
  const rows: ChainedAuditEntry[] = [];
  for (let seq = 1; seq <= n; seq++) rows.push(chainEntry(entry(seq), rows[rows.length - 1] ?? null, KEY));
  return rows;
}

describe("hashEntry", () => {
  it("is an HMAC-SHA256 hex digest that depends on every field, the previous hash and the key", () => {
    const e = entry(1);
    const h = hashEntry(e, GENESIS_HASH, KEY);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEntry({ ...e }, GENESIS_HASH, KEY)).toBe(h);
    expect(hashEntry(e, "1".repeat(64), KEY)).not.toBe(h);
    for (const change of [
      { seq: 2 },
      { at: new Date(e.at.getTime() + 1) },
      { actorId: "x" },
      { action: "export" },
      { entityType: "meeting" },
      { entityId: "x" },
      { caseId: null },
      { detail: "{}" },
    ] as Partial<AuditEntry>[]) {
      expect(hashEntry({ ...e, ...change }, GENESIS_HASH, KEY)).not.toBe(h);
    }
  });

  it("cannot be fooled by moving text between fields", () => {
    const a = entry(1, { actorId: "ab", action: "c" });
    const b = entry(1, { actorId: "a", action: "bc" });
    expect(canonicalAuditText(a, GENESIS_HASH)).not.toBe(canonicalAuditText(b, GENESIS_HASH));
  });

  it("starts from a genesis hash of 64 zeros", () => {
    expect(GENESIS_HASH).toBe("0".repeat(64));
    expect(chain(1)[0]?.prevHash).toBe(GENESIS_HASH);
  });
});

describe("verifyChain", () => {
  it("accepts an intact chain and an empty one", () => {
    const rows = chain(5);
    expect(verifyChain(rows, KEY)).toEqual({ ok: true, count: 5, headHash: rows[4]!.hash });
    expect(verifyChain([], KEY)).toEqual({ ok: true, count: 0, headHash: GENESIS_HASH });
  });

  it("detects a tampered row and names it", () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, detail: JSON.stringify({ version: 99 }) };
    expect(verifyChain(rows, KEY)).toEqual({ ok: false, firstBrokenSeq: 3, reason: "hash-mismatch" });
  });

  it("detects a tampered row whose own hash was recomputed, at the next link", () => {
    const rows = chain(5);
    const forged = { ...rows[2]!, actorId: "someone-else" };
    rows[2] = { ...forged, hash: hashEntry(forged, forged.prevHash, KEY) };
    expect(verifyChain(rows, KEY)).toEqual({ ok: false, firstBrokenSeq: 4, reason: "prev-hash-mismatch" });
  });

  it("detects a deleted row and names the missing seq", () => {
    const rows = chain(5);
    rows.splice(2, 1);
    expect(verifyChain(rows, KEY)).toEqual({ ok: false, firstBrokenSeq: 3, reason: "sequence-gap" });
  });

  it("detects a deleted first row", () => {
    expect(verifyChain(chain(3).slice(1), KEY)).toEqual({ ok: false, firstBrokenSeq: 1, reason: "sequence-gap" });
  });

  it("detects a renumbered row after a deletion", () => {
    const rows = chain(5);
    rows.splice(2, 1);
    rows[2] = { ...rows[2]!, seq: 3 };
    expect(verifyChain(rows, KEY)).toEqual({ ok: false, firstBrokenSeq: 3, reason: "prev-hash-mismatch" });
  });

  it("detects reordered rows", () => {
    const rows = chain(5);
    [rows[1], rows[2]] = [rows[2]!, rows[1]!];
    expect(verifyChain(rows, KEY)).toEqual({ ok: false, firstBrokenSeq: 2, reason: "out-of-order" });
  });

  it("detects two rows whose contents were swapped but seqs kept", () => {
    const rows = chain(5);
    const a = rows[1]!;
    const b = rows[2]!;
    rows[1] = { ...b, seq: 2 };
    rows[2] = { ...a, seq: 3 };
    const result = verifyChain(rows, KEY);
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });

  it("accepts a gap in seq when the hash link is intact (a rolled-back sequence number)", () => {
    const first = chainEntry(entry(1), null, KEY);
    const third = chainEntry(entry(3), first, KEY);
    expect(verifyChain([first, third], KEY)).toMatchObject({ ok: true, count: 2 });
  });

  it("verifies a window from a trusted anchor", () => {
    const rows = chain(6);
    expect(verifyChain(rows.slice(3), KEY, { seq: 3, hash: rows[2]!.hash })).toMatchObject({ ok: true, count: 3 });
    expect(verifyChain(rows.slice(3), KEY)).toMatchObject({ ok: false, firstBrokenSeq: 1 });
  });

  it("detects any single-field tampering anywhere in the chain (property)", () => {
    const fields = ["actorId", "action", "entityType", "entityId", "detail"] as const;
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.nat(), fc.constantFrom(...fields), fc.string({ minLength: 1 }), (n, pick, field, junk) => {
        const rows = chain(n);
        const i = pick % n;
        const original = rows[i]!;
        if (original[field] === junk) return;
        rows[i] = { ...original, [field]: junk };
        expect(verifyChain(rows, KEY)).toEqual({ ok: false, firstBrokenSeq: i + 1, reason: "hash-mismatch" });
      }),
    );
  });
});

describe("the key", () => {
  it("a chain edited and recomputed without the key (plain SHA-256 or a guessed key) does not verify", () => {
    const rows = chain(4);
    const guessed = "a-guess-at-the-key-0123456789abcdef0123";
    const forged: ChainedAuditEntry[] = [];
    for (const r of rows) forged.push(chainEntry({ ...r, detail: r.seq === 2 ? "{}" : r.detail }, forged[forged.length - 1] ?? null, guessed));
    expect(verifyChain(forged, guessed)).toMatchObject({ ok: true });
    expect(verifyChain(forged, KEY)).toEqual({ ok: false, firstBrokenSeq: 1, reason: "hash-mismatch" });
  });

  it("MACs the checkpoint over seq and head", () => {
    const mac = checkpointMac(5, "ab".repeat(32), KEY);
    expect(checkpointMac(5, "ab".repeat(32), KEY)).toBe(mac);
    expect(checkpointMac(4, "ab".repeat(32), KEY)).not.toBe(mac);
    expect(checkpointMac(5, "ab".repeat(32), "another-key-0123456789abcdef0123456789")).not.toBe(mac);
  });
});
