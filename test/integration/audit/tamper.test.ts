import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { runCli } from "../../../src/cli/cli-errors";
import { COMMANDS } from "../../../src/cli/main";
import { fixedClock } from "../../../src/domain/shared/clock";
import { GENESIS_HASH, checkpointMac, hashEntry } from "../../../src/domain/audit/audit-chain";
import type { PrismaClient } from "../../../src/store/prisma-client";
import { seedRecordedStrategyCase } from "../../helpers/seed-strategy-case";
import { createTestDatabase, databaseEnv, testAuditKey } from "../../helpers/test-database";

// Security review, item 8: the audit trail missed 8 of 15 tampers. Each test seeds a whole
// strategy discussion (link, convene, answers, held, record: audit events, a decision
// record, roster rows, deadlines) into its own database (SQLite, or PostgreSQL in that suite),
// tampers with the tables directly in SQL, as someone with database access but not the key
// would, and runs `convene audit verify`. The SQL is valid on both, so the detection is proven
// on both; where a value must be rewritten (JSON), it is read and written back as raw SQL.

type Row = { seq: number; at: string | number | Date; actorId: string; action: string; entityType: string; entityId: string; caseId: string | null; detail: string; prevHash: string; hash: string };

async function verifyAfter(tamper: (db: PrismaClient) => Promise<unknown>): Promise<{ code: number; stdout: string }> {
  const own = await createTestDatabase("audit-tamper");
  await seedRecordedStrategyCase(own.uow, fixedClock("2026-11-23T15:00:00Z"));
  await tamper(own.prisma);
  await own.prisma.$disconnect();
  const r = await runCli(["audit", "verify"], { commands: COMMANDS, env: { DATABASE_URL: own.url, ...databaseEnv(own.url) } });
  await own.dispose();
  return r;
}

/** Runs each statement on its own (PostgreSQL's prepared statements take one at a time). */
async function exec(db: PrismaClient, ...statements: string[]): Promise<void> {
  for (const sql of statements) await db.$executeRawUnsafe(sql);
}

/** Rewrites a JSON text column's field in every matching row, as plain SQL would (read, change, write back). */
async function setJsonField(db: PrismaClient, table: "DecisionRecord" | "AuditEvent", column: "payload" | "detail", field: string, value: string, where = "1 = 1"): Promise<void> {
  const rows = await db.$queryRawUnsafe<Array<{ id: string; value: string }>>(`SELECT CAST(${table === "AuditEvent" ? '"seq"' : '"id"'} AS TEXT) AS "id", "${column}" AS "value" FROM "${table}" WHERE ${where}`);
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    const changed = JSON.stringify({ ...(JSON.parse(r.value) as object), [field]: value });
    if (table === "AuditEvent") await db.$executeRaw`UPDATE "AuditEvent" SET "detail" = ${changed} WHERE "seq" = ${Number(r.id)}`;
    else await db.$executeRaw`UPDATE "DecisionRecord" SET "payload" = ${changed} WHERE "id" = ${r.id}`;
  }
}

/** Rewrites every row's links and the checkpoint with `key`, as an attacker who edited row `seq` would have to. */
async function recompute(db: PrismaClient, key: string): Promise<void> {
  const rows = await db.$queryRawUnsafe<Row[]>(`SELECT * FROM "AuditEvent" ORDER BY "seq"`);
  let prev = GENESIS_HASH;
  for (const r of rows) {
    // Driver types: a Date on PostgreSQL, ISO text (or epoch ms) on SQLite.
    const at = r.at instanceof Date ? r.at : typeof r.at === "number" || /^\d+$/.test(r.at) ? new Date(Number(r.at)) : new Date(r.at);
    const seq = Number(r.seq);
    const hash = hashEntry({ ...r, seq, at }, prev, key);
    await db.$executeRaw`UPDATE "AuditEvent" SET "prevHash" = ${prev}, "hash" = ${hash} WHERE "seq" = ${seq}`;
    prev = hash;
  }
  const last = Number(rows[rows.length - 1]!.seq);
  await db.$executeRaw`UPDATE "AuditCheckpoint" SET "seq" = ${last}, "hash" = ${prev}, "mac" = ${checkpointMac(last, prev, key)}`;
}

describe("convene audit verify catches tampering", () => {
  it("passes an untouched trail, naming its head and the records it vouches for", async () => {
    const r = await verifyAfter(async () => undefined);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/audit trail intact: \d+ events, 1 decision record version match it, head [0-9a-f]{64}/);
  });

  it("truncation: the last rows deleted", async () => {
    const r = await verifyAfter((db) => exec(db, `DELETE FROM "AuditEvent" WHERE "seq" > (SELECT MAX("seq") - 2 FROM "AuditEvent")`));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("truncated");
  });

  it("every row deleted", async () => {
    const r = await verifyAfter((db) => exec(db, `DELETE FROM "AuditEvent"`));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/BROKEN at seq 1: truncated/);
  });

  it("every row and the checkpoint deleted: the records left behind have no audit", async () => {
    const r = await verifyAfter((db) => exec(db, `DELETE FROM "AuditEvent"`, `DELETE FROM "AuditCheckpoint"`));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("record-unaudited");
  });

  it("the checkpoint set back to an earlier head without the key", async () => {
    const r = await verifyAfter(async (db) => {
      await exec(db, `DELETE FROM "AuditEvent" WHERE "seq" = (SELECT MAX("seq") FROM "AuditEvent")`);
      const [head] = await db.$queryRawUnsafe<Array<{ seq: number; hash: string }>>(`SELECT "seq", "hash" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1`);
      await db.$executeRaw`UPDATE "AuditCheckpoint" SET "seq" = ${Number(head!.seq)}, "hash" = ${head!.hash}`;
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("checkpoint-forged");
  });

  it("a row edited and every later MAC recomputed without the key (a guessed key)", async () => {
    const r = await verifyAfter(async (db) => {
      await exec(db, `UPDATE "AuditEvent" SET "actorId" = 'someone-else' WHERE "seq" = 3`);
      await recompute(db, "a-guess-at-the-key-0123456789abcdef0123");
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/BROKEN at seq 1: hash-mismatch/);
  });

  it("the decision record's payload edited directly", async () => {
    const r = await verifyAfter((db) => setJsonField(db, "DecisionRecord", "payload", "decision", "no further action"));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/DecisionRecord .+: record-mismatch/);
  });

  it("a decision record deleted", async () => {
    const r = await verifyAfter((db) => exec(db, `DELETE FROM "DecisionRecord"`));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("record-missing");
  });

  it("a decision record's audit digest rewritten to match an edited record (needs the chain's key)", async () => {
    const r = await verifyAfter(async (db) => {
      await exec(db, `UPDATE "DecisionRecord" SET "reason" = 'changed'`);
      await setJsonField(db, "AuditEvent", "detail", "digest", "ff", `"entityType" = 'decision-record'`);
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("hash-mismatch");
  });

  it("a deadline moved directly in the database", async () => {
    const r = await verifyAfter((db) => exec(db, `UPDATE "Deadline" SET "dueDate" = '2027-06-30' WHERE "id" = (SELECT MIN("id") FROM "Deadline")`));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Deadline .+: row-seal-mismatch/);
  });

  it("a roster row's answer changed directly in the database", async () => {
    const r = await verifyAfter((db) => exec(db, `UPDATE "Invitation" SET "response" = 'declined' WHERE "id" = (SELECT MIN("id") FROM "Invitation")`));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Invitation .+: row-seal-mismatch/);
  });
});

describe("appends from concurrent writers", () => {
  // On SQLite three processes on one file; on PostgreSQL three replicas, ordered by the write lock.
  it("three processes appending to one database at once keep one linear, verifiable chain", async () => {
    const own = await createTestDatabase("audit-concurrent");
    testAuditKey(own.url); // the key the workers share (on SQLite, the key file it creates)
    const worker = path.join(__dirname, "fixtures/append-worker.js");
    const run = (name: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [worker, own.url, name, "40"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, ...databaseEnv(own.url) } });
        child.on("exit", resolve);
      });
    const codes = await Promise.all([run("writer-a"), run("writer-b"), run("writer-c")]);
    expect(codes).toEqual([0, 0, 0]);
    const r = await runCli(["audit", "verify"], { commands: COMMANDS, env: { DATABASE_URL: own.url, ...databaseEnv(own.url) } });
    const count = await own.prisma.auditEvent.count();
    await own.dispose();
    expect(count).toBe(120);
    expect(r.stdout).toContain("audit trail intact: 120 events");
  });
});

describe("rotating the audit key", () => {
  it("re-MACs an intact trail under the new key, records the rotation, and refuses to rotate a broken one", async () => {
    const own = await createTestDatabase("audit-rotate");
    await seedRecordedStrategyCase(own.uow, fixedClock("2026-11-23T15:00:00Z"));
    const oldKey = "old-key-0123456789abcdef0123456789abcdef";
    const newKey = "new-key-0123456789abcdef0123456789abcdef";
    const keyFile = path.join(own.dir, "new.key");
    writeFileSync(keyFile, newKey);
    // A configured key (as production has): rotate from it, then verify with each.
    const env = (key: string) => ({ DATABASE_URL: own.url, CONVENE_AUDIT_KEY: key });
    const seedKey = testAuditKey(own.url);
    // The seed wrote with the suite's key (on SQLite, the key file's); first rotate from that to oldKey, then on.
    writeFileSync(path.join(own.dir, "old.key"), oldKey);
    expect((await runCli(["audit", "rotate-key", "--new-key-file", path.join(own.dir, "old.key")], { commands: COMMANDS, env: env(seedKey) })).code).toBe(0);
    const rotated = await runCli(["audit", "rotate-key", "--new-key-file", keyFile], { commands: COMMANDS, env: env(oldKey) });
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toMatch(/audit key rotated: \d+ events re-MACed, \d+ rows resealed/);
    expect((await runCli(["audit", "verify"], { commands: COMMANDS, env: env(oldKey) })).code).toBe(1);
    const verified = await runCli(["audit", "verify"], { commands: COMMANDS, env: env(newKey) });
    expect(verified.code).toBe(0);

    await exec(own.prisma, `UPDATE "Deadline" SET "dueDate" = '2027-06-30' WHERE "id" = (SELECT MIN("id") FROM "Deadline")`);
    await own.prisma.$disconnect();
    writeFileSync(keyFile, oldKey);
    const refused = await runCli(["audit", "rotate-key", "--new-key-file", keyFile], { commands: COMMANDS, env: env(newKey) });
    await own.dispose();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("edited outside Convene; not rotating");
  });
});
