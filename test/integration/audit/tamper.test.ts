import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { runCli } from "../../../src/cli/cli-errors";
import { COMMANDS } from "../../../src/cli/main";
import { fixedClock } from "../../../src/domain/shared/clock";
import { GENESIS_HASH, checkpointMac, hashEntry } from "../../../src/domain/audit/audit-chain";
import { sqlitePathFromUrl } from "../../../src/store/migration-runner";
import { resolveAuditKey } from "../../../src/store/audit-key";
import { seedRecordedStrategyCase } from "../../helpers/seed-strategy-case";
import { createTestDatabase } from "../../helpers/test-database";

// Security review, item 8: the audit trail missed 8 of 15 tampers. Each test seeds a whole
// strategy discussion (link, convene, answers, held, record: audit events, a decision
// record, roster rows, deadlines) into its own SQLite file, tampers with the file directly as
// someone with database access but not the key would, and runs `convene audit verify`.

type Row = { seq: number; at: string | number; actorId: string; action: string; entityType: string; entityId: string; caseId: string | null; detail: string; prevHash: string; hash: string };

async function verifyAfter(tamper: (db: Database.Database) => void): Promise<{ code: number; stdout: string }> {
  const own = await createTestDatabase("audit-tamper");
  await seedRecordedStrategyCase(own.uow, fixedClock("2026-11-23T15:00:00Z"));
  await own.prisma.$disconnect();
  const db = new Database(sqlitePathFromUrl(own.url));
  tamper(db);
  db.close();
  const r = await runCli(["audit", "verify"], { commands: COMMANDS, env: { DATABASE_URL: own.url } });
  await own.dispose();
  return r;
}

/** Rewrites every row's links and the checkpoint with `key`, as an attacker who edited row `seq` would have to. */
function recompute(db: Database.Database, key: string): void {
  const rows = db.prepare(`SELECT * FROM AuditEvent ORDER BY seq`).all() as Row[];
  let prev = GENESIS_HASH;
  const update = db.prepare(`UPDATE AuditEvent SET prevHash = ?, hash = ? WHERE seq = ?`);
  for (const r of rows) {
    const at = typeof r.at === "number" || /^\d+$/.test(r.at) ? new Date(Number(r.at)) : new Date(r.at);
    const hash = hashEntry({ ...r, at }, prev, key);
    update.run(prev, hash, r.seq);
    prev = hash;
  }
  const last = rows[rows.length - 1]!;
  db.prepare(`UPDATE AuditCheckpoint SET seq = ?, hash = ?, mac = ?`).run(last.seq, prev, checkpointMac(last.seq, prev, key));
}

describe("convene audit verify catches tampering", () => {
  it("passes an untouched trail, naming its head and the records it vouches for", async () => {
    const r = await verifyAfter(() => undefined);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/audit trail intact: \d+ events, 1 decision record version match it, head [0-9a-f]{64}/);
  });

  it("truncation: the last rows deleted", async () => {
    const r = await verifyAfter((db) => db.exec(`DELETE FROM AuditEvent WHERE seq > (SELECT MAX(seq) - 2 FROM AuditEvent)`));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("truncated");
  });

  it("every row deleted", async () => {
    const r = await verifyAfter((db) => db.exec(`DELETE FROM AuditEvent`));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/BROKEN at seq 1: truncated/);
  });

  it("every row and the checkpoint deleted: the records left behind have no audit", async () => {
    const r = await verifyAfter((db) => db.exec(`DELETE FROM AuditEvent; DELETE FROM AuditCheckpoint;`));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("record-unaudited");
  });

  it("the checkpoint set back to an earlier head without the key", async () => {
    const r = await verifyAfter((db) => {
      db.exec(`DELETE FROM AuditEvent WHERE seq = (SELECT MAX(seq) FROM AuditEvent)`);
      const head = db.prepare(`SELECT seq, hash FROM AuditEvent ORDER BY seq DESC LIMIT 1`).get() as { seq: number; hash: string };
      db.prepare(`UPDATE AuditCheckpoint SET seq = ?, hash = ?`).run(head.seq, head.hash);
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("checkpoint-forged");
  });

  it("a row edited and every later MAC recomputed without the key (a guessed key)", async () => {
    const r = await verifyAfter((db) => {
      db.exec(`UPDATE AuditEvent SET actorId = 'someone-else' WHERE seq = 3`);
      recompute(db, "a-guess-at-the-key-0123456789abcdef0123");
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/BROKEN at seq 1: hash-mismatch/);
  });

  it("the decision record's payload edited directly", async () => {
    const r = await verifyAfter((db) => db.exec(`UPDATE DecisionRecord SET payload = json_set(payload, '$.decision', 'no further action')`));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/DecisionRecord .+: record-mismatch/);
  });

  it("a decision record deleted", async () => {
    const r = await verifyAfter((db) => db.exec(`DELETE FROM DecisionRecord`));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("record-missing");
  });

  it("a decision record's audit digest rewritten to match an edited record (needs the chain's key)", async () => {
    const r = await verifyAfter((db) => {
      db.exec(`UPDATE DecisionRecord SET reason = 'changed'`);
      db.exec(`UPDATE AuditEvent SET detail = json_set(detail, '$.digest', 'ff') WHERE entityType = 'decision-record'`);
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("hash-mismatch");
  });

  it("a deadline moved directly in the database", async () => {
    const r = await verifyAfter((db) => db.exec(`UPDATE Deadline SET dueDate = '2027-06-30' WHERE rowid = (SELECT MIN(rowid) FROM Deadline)`));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Deadline .+: row-seal-mismatch/);
  });

  it("a roster row's answer changed directly in the database", async () => {
    const r = await verifyAfter((db) => db.exec(`UPDATE Invitation SET response = 'declined' WHERE rowid = (SELECT MIN(rowid) FROM Invitation)`));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Invitation .+: row-seal-mismatch/);
  });
});

describe("appends from concurrent writers", () => {
  it("three processes appending to one SQLite file at once keep one linear, verifiable chain", async () => {
    const own = await createTestDatabase("audit-concurrent");
    resolveAuditKey({ databaseUrl: own.url, production: false }); // the key file the workers share
    const worker = path.join(__dirname, "fixtures/append-worker.js");
    const run = (name: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [worker, own.url, name, "40"], { stdio: ["ignore", "ignore", "inherit"] });
        child.on("exit", resolve);
      });
    const codes = await Promise.all([run("writer-a"), run("writer-b"), run("writer-c")]);
    expect(codes).toEqual([0, 0, 0]);
    const r = await runCli(["audit", "verify"], { commands: COMMANDS, env: { DATABASE_URL: own.url } });
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
    await own.prisma.$disconnect();
    const oldKey = "old-key-0123456789abcdef0123456789abcdef";
    const newKey = "new-key-0123456789abcdef0123456789abcdef";
    const keyFile = path.join(own.dir, "new.key");
    writeFileSync(keyFile, newKey);
    // A configured key (as production has): rotate from it, then verify with each.
    const env = (key: string) => ({ DATABASE_URL: own.url, CONVENE_AUDIT_KEY: key });
    const fileKey = readFileSync(`${sqlitePathFromUrl(own.url)}.audit-key`, "utf8").trim();
    // The seed wrote with the key file's key; first rotate from that to oldKey, then on.
    writeFileSync(path.join(own.dir, "old.key"), oldKey);
    expect((await runCli(["audit", "rotate-key", "--new-key-file", path.join(own.dir, "old.key")], { commands: COMMANDS, env: env(fileKey) })).code).toBe(0);
    const rotated = await runCli(["audit", "rotate-key", "--new-key-file", keyFile], { commands: COMMANDS, env: env(oldKey) });
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toMatch(/audit key rotated: \d+ events re-MACed, \d+ rows resealed/);
    expect((await runCli(["audit", "verify"], { commands: COMMANDS, env: env(oldKey) })).code).toBe(1);
    const verified = await runCli(["audit", "verify"], { commands: COMMANDS, env: env(newKey) });
    expect(verified.code).toBe(0);

    const db = new Database(sqlitePathFromUrl(own.url));
    db.exec(`UPDATE Deadline SET dueDate = '2027-06-30' WHERE rowid = (SELECT MIN(rowid) FROM Deadline)`);
    db.close();
    writeFileSync(keyFile, oldKey);
    const refused = await runCli(["audit", "rotate-key", "--new-key-file", keyFile], { commands: COMMANDS, env: env(newKey) });
    await own.dispose();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("edited outside Convene; not rotating");
  });
});
