import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { applySqliteMigrations, openSqlite } from "../../../src/store/migration-runner";
import { createPrismaClient, type PrismaClient } from "../../../src/store/prisma-client";
import { PrismaOutboxClaims } from "../../../src/store/prisma-outbox-claims";

// The claim is raw SQL: these tests pin that Date parameters compare correctly with the
// ISO strings Prisma stores, and that a lease excludes other claimers until it expires.
// SQLite only, on its own file whatever the suite runs on: it reads the stored text through
// better-sqlite3. outbox-claims-postgresql.test.ts holds the claim to the same rules on PostgreSQL.
describe("PrismaOutboxClaims", () => {
  let dir: string;
  let url: string;
  let prisma: PrismaClient;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "convene-claims-"));
    url = `file:${path.join(dir, "t.db")}`;
    applySqliteMigrations(url);
    prisma = createPrismaClient(url);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  const msg = (key: string, availableAt: string, createdAt: string) =>
    prisma.outboxMessage.create({
      data: { id: key, idempotencyKey: key, channelLinkId: "L1", operation: "post", payload: JSON.stringify({ type: "notice", view: { title: "t", text: "x" } }), status: "pending", availableAt: new Date(availableAt), createdAt: new Date(createdAt) },
    });

  it("claims only due rows, in creation order, and holds them until the lease expires", async () => {
    await msg("a", "2026-12-01T09:00:00Z", "2026-12-01T08:00:00Z");
    await msg("b", "2026-12-01T09:00:00.500Z", "2026-12-01T07:00:00Z");
    await msg("c", "2026-12-01T09:00:01Z", "2026-12-01T06:00:00Z");
    const claims = new PrismaOutboxClaims(prisma);
    const now = new Date("2026-12-01T09:00:00.500Z");
    const first = await claims.claim("one", now, new Date(now.getTime() + 30_000), 10);
    expect(first.map((r) => r.id)).toEqual(["b", "a"]);
    expect(first[0]?.attempts).toBe(1);
    expect(first[0]?.createdAt.toISOString()).toBe("2026-12-01T07:00:00.000Z");
    const raw = openSqlite(url).prepare(`SELECT "leaseExpiresAt", "availableAt" FROM "OutboxMessage" WHERE id='a'`).get();
    expect(raw).toBeDefined();
    // Another dispatcher sees nothing while the lease holds...
    expect(await claims.claim("two", new Date(now.getTime() + 29_000), new Date(now.getTime() + 60_000), 10)).toEqual([expect.objectContaining({ id: "c" })]);
    // ...and takes over once it has expired.
    const later = new Date(now.getTime() + 31_000);
    const taken = await claims.claim("two", later, new Date(later.getTime() + 30_000), 10);
    expect(taken.map((r) => r.id)).toEqual(["b", "a"]);
    expect(await claims.markSent("a", "one", "pm-1", later)).toBe(false);
    expect(await claims.markSent("a", "two", "pm-1", later)).toBe(true);
    expect(await claims.release("b", "two", new Date(later.getTime() + 1000))).toBe(true);
    const b = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: "b" } });
    expect(b.attempts).toBe(1);
    expect(b.leaseOwner).toBeNull();
  });

  it("holds a newer update back while an older one superseded mid-send is still on its way, and lets it go once that send settles", async () => {
    const update = (key: string, createdAt: string) =>
      prisma.outboxMessage.create({
        data: { id: key, idempotencyKey: key, channelLinkId: "L2", operation: "update", anchorKey: "roster/L2", payload: JSON.stringify({ type: "notice", view: { title: "t", text: key } }), status: "pending", availableAt: new Date("2026-12-02T09:00:00Z"), createdAt: new Date(createdAt) },
      });
    await prisma.outboxMessage.updateMany({ data: { status: "sent", leaseOwner: null, leaseExpiresAt: null } });
    await update("u1", "2026-12-02T08:00:00Z");
    const claims = new PrismaOutboxClaims(prisma);
    const now = new Date("2026-12-02T09:00:00Z");
    const [older] = await claims.claim("one", now, new Date(now.getTime() + 30_000), 1);
    expect(older?.id).toBe("u1");
    // A command commits a newer state while u1 is being sent: u1 is superseded, but still in flight.
    await update("u2", "2026-12-02T08:00:01Z");
    await prisma.outboxMessage.update({ where: { id: "u1" }, data: { status: "superseded" } });
    const [newer] = await claims.claim("two", now, new Date(now.getTime() + 30_000), 1);
    expect(newer?.id).toBe("u2");
    expect(await claims.olderUpdateInFlight(newer!, now)).toBe(true);
    // u1's send returns: it stays superseded, its lease ends, and u2 may go.
    expect(await claims.markSent("u1", "one", "pm-1", now)).toBe(false);
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: "u1" } })).toMatchObject({ status: "superseded", leaseOwner: null, leaseExpiresAt: null });
    expect(await claims.olderUpdateInFlight(newer!, now)).toBe(false);
  });
});
