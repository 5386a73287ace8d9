import { createPrismaClient, type PrismaClient } from "../../../src/store/prisma-client";
import { PrismaOutboxClaims } from "../../../src/store/prisma-outbox-claims";
import { createTestDatabase, TEST_POSTGRES_URL, type TestDatabase } from "../../helpers/test-database";

// The claim on PostgreSQL, where replicas claim at once (outbox-claims.test.ts pins it on
// SQLite's single writer). Its SQL differs there (placeholders, FOR UPDATE SKIP LOCKED), so the
// same rules are held here: due rows in creation order, a lease that excludes every other
// claimer until it expires, and no row ever held by two claimers at once. Runs when
// CONVENE_TEST_POSTGRES_URL names a server.
const maybe = TEST_POSTGRES_URL ? describe : describe.skip;

maybe("PrismaOutboxClaims on PostgreSQL", () => {
  let db: TestDatabase;
  const others: PrismaClient[] = [];
  /** A second replica: its own client, so its own connections. */
  const replica = () => {
    const c = createPrismaClient(db.url);
    others.push(c);
    return c;
  };
  beforeEach(async () => {
    db = await createTestDatabase("convene-claims-pg");
  });
  afterEach(async () => {
    for (const c of others.splice(0)) await c.$disconnect();
    await db.dispose();
  });

  const msg = (key: string, availableAt: string, createdAt: string) =>
    db.prisma.outboxMessage.create({
      data: { id: key, idempotencyKey: key, channelLinkId: "L1", operation: "post", payload: JSON.stringify({ type: "notice", view: { title: "t", text: "x" } }), status: "pending", availableAt: new Date(availableAt), createdAt: new Date(createdAt) },
    });

  it("claims only due rows, in creation order, and holds them until the lease expires", async () => {
    await msg("a", "2026-12-01T09:00:00Z", "2026-12-01T08:00:00Z");
    await msg("b", "2026-12-01T09:00:00.500Z", "2026-12-01T07:00:00Z");
    await msg("c", "2026-12-01T09:00:01Z", "2026-12-01T06:00:00Z");
    const one = new PrismaOutboxClaims(db.prisma);
    const two = new PrismaOutboxClaims(replica());
    const now = new Date("2026-12-01T09:00:00.500Z");
    const first = await one.claim("one", now, new Date(now.getTime() + 30_000), 10);
    expect(first.map((r) => r.id)).toEqual(["b", "a"]);
    expect(first[0]?.attempts).toBe(1);
    expect(first[0]?.createdAt.toISOString()).toBe("2026-12-01T07:00:00.000Z");
    expect(first[0]?.leaseExpiresAt?.toISOString()).toBe("2026-12-01T09:00:30.500Z");
    // The other replica sees only the row that came due, while the lease holds...
    expect((await two.claim("two", new Date(now.getTime() + 29_000), new Date(now.getTime() + 60_000), 10)).map((r) => r.id)).toEqual(["c"]);
    // ...and takes the rest over once it has expired; the first holder can no longer settle them.
    const later = new Date(now.getTime() + 31_000);
    expect((await two.claim("two", later, new Date(later.getTime() + 30_000), 10)).map((r) => r.id)).toEqual(["b", "a"]);
    expect(await one.markSent("a", "one", "pm-1", later)).toBe(false);
    expect(await two.markSent("a", "two", "pm-1", later)).toBe(true);
    expect(await two.release("b", "two", new Date(later.getTime() + 1000))).toBe(true);
    expect(await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: "b" } })).toMatchObject({ attempts: 1, leaseOwner: null });
  });

  it("skips rows another replica's claim holds uncommitted, rather than waiting for or taking them", async () => {
    for (let i = 0; i < 6; i++) await msg(`m${i}`, "2026-12-01T09:00:00Z", `2026-12-01T08:00:0${i}Z`);
    const now = new Date("2026-12-01T09:00:00Z");
    const lease = new Date(now.getTime() + 30_000);
    const other = new PrismaOutboxClaims(replica());
    // Replica one's claim of the first three, inside a transaction left open: its rows stay locked.
    // Were they not skipped, replica two's claim would wait on this transaction, which waits on it.
    const seen = await db.prisma.$transaction(async (tx) => {
      const held = await new PrismaOutboxClaims(tx as unknown as PrismaClient, "postgresql").claim("one", now, lease, 3);
      const meanwhile = await other.claim("two", now, lease, 10);
      return { held: held.map((r) => r.id), meanwhile: meanwhile.map((r) => r.id) };
    });
    expect(seen).toEqual({ held: ["m0", "m1", "m2"], meanwhile: ["m3", "m4", "m5"] });
    // Committed, replica one's lease now excludes replica two as well.
    expect(await other.claim("two", now, lease, 10)).toEqual([]);
    const owners = await db.prisma.outboxMessage.findMany({ select: { id: true, leaseOwner: true, attempts: true }, orderBy: { id: "asc" } });
    expect(owners.map((o) => [o.id, o.leaseOwner, o.attempts])).toEqual([["m0", "one", 1], ["m1", "one", 1], ["m2", "one", 1], ["m3", "two", 1], ["m4", "two", 1], ["m5", "two", 1]]);
  });

  it("a claim rolled back (a replica dying mid-claim) leaves its rows to the next claimer", async () => {
    await msg("m0", "2026-12-01T09:00:00Z", "2026-12-01T08:00:00Z");
    const now = new Date("2026-12-01T09:00:00Z");
    const lease = new Date(now.getTime() + 30_000);
    await expect(
      db.prisma.$transaction(async (tx) => {
        await new PrismaOutboxClaims(tx as unknown as PrismaClient, "postgresql").claim("one", now, lease, 10);
        throw new Error("replica died");
      }),
    ).rejects.toThrow("replica died");
    expect((await new PrismaOutboxClaims(replica()).claim("two", now, lease, 10)).map((r) => [r.id, r.leaseOwner, r.attempts])).toEqual([["m0", "two", 1]]);
  });

  it("four replicas claiming the same backlog at once never both hold a row", async () => {
    const total = 120;
    const now = new Date("2026-12-01T09:00:00Z");
    for (let i = 0; i < total; i += 40) {
      await db.prisma.outboxMessage.createMany({
        data: Array.from({ length: 40 }, (_, j) => {
          const id = `m${String(i + j).padStart(3, "0")}`;
          return { id, idempotencyKey: id, channelLinkId: "L1", operation: "post", payload: "{}", status: "pending", availableAt: now, createdAt: new Date(now.getTime() - total + i + j) };
        }),
      });
    }
    const lease = new Date(now.getTime() + 60_000);
    const claimers = ["r1", "r2", "r3", "r4"].map((owner) => ({ owner, claims: new PrismaOutboxClaims(replica()) }));
    const taken = await Promise.all(
      claimers.map(async ({ owner, claims }) => {
        const mine: string[] = [];
        // Small batches, claimed until nothing is left: the replicas' claims interleave.
        for (;;) {
          const rows = await claims.claim(owner, now, lease, 5);
          if (!rows.length) return mine;
          expect(rows.length).toBeLessThanOrEqual(5);
          for (const r of rows) {
            expect(r.leaseOwner).toBe(owner);
            mine.push(r.id);
          }
        }
      }),
    );
    const all = taken.flat();
    expect(all).toHaveLength(total);
    expect(new Set(all).size).toBe(total);
    // Each row was claimed once, by the replica its lease names.
    const rows = await db.prisma.outboxMessage.findMany({ select: { id: true, leaseOwner: true, attempts: true } });
    const ownerOf = new Map(taken.flatMap((ids, k) => ids.map((id) => [id, claimers[k]!.owner] as const)));
    for (const r of rows) expect([r.id, r.leaseOwner, r.attempts]).toEqual([r.id, ownerOf.get(r.id), 1]);
  });
});
