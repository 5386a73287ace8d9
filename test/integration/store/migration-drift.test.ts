import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { applySqliteMigrations } from "../../../src/store/migration-runner";

// Guards against a schema.prisma change without a migration (or a hand-edited migration):
// the database our migrations build must equal the one Prisma would build from the schema.
// Prisma 6.19's CLI (offline, JS engine) writes the schema's SQL; see scripts/schema-diff.js.

function describeSchema(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const objects = db
      .prepare(`SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY type, name`)
      .all() as { type: string; name: string; tbl_name: string }[];
    const out: string[] = [];
    for (const o of objects) {
      if (o.type === "table") {
        for (const c of db.prepare(`PRAGMA table_info("${o.name}")`).all() as Record<string, unknown>[]) {
          out.push(`column ${o.name}.${c.name} ${c.type} notnull=${c.notnull} default=${c.dflt_value} pk=${c.pk}`);
        }
        for (const f of db.prepare(`PRAGMA foreign_key_list("${o.name}")`).all() as Record<string, unknown>[]) {
          out.push(`fk ${o.name}.${f.from} -> ${f.table}.${f.to} on_delete=${f.on_delete} on_update=${f.on_update}`);
        }
      } else if (o.type === "index") {
        const cols = (db.prepare(`PRAGMA index_info("${o.name}")`).all() as { name: string }[]).map((c) => c.name).join(",");
        const unique = (db.prepare(`PRAGMA index_list("${o.tbl_name}")`).all() as { name: string; unique: number }[]).find((i) => i.name === o.name)?.unique;
        out.push(`index ${o.name} on ${o.tbl_name}(${cols}) unique=${unique}`);
      }
    }
    return out;
  } finally {
    db.close();
  }
}

describe("migration drift", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-drift-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prisma/migrations builds exactly the database schema.prisma describes", () => {
    const migrated = path.join(dir, "migrated.db");
    applySqliteMigrations(`file:${migrated}`);

    const expected = path.join(dir, "expected.db");
    const sql = execFileSync(process.execPath, [path.resolve(__dirname, "../../../scripts/schema-diff.js")], { encoding: "utf8" });
    const db = new Database(expected);
    db.exec(sql);
    db.close();

    expect(describeSchema(migrated)).toEqual(describeSchema(expected));
  });

  it("prisma/postgresql/schema.prisma is the one derived from prisma/schema.prisma (PostgreSQL's drift test builds on it)", () => {
    expect(() => execFileSync(process.execPath, [path.resolve(__dirname, "../../../scripts/postgresql-schema.js"), "--check"], { stdio: "pipe" })).not.toThrow();
  });

  it("is idempotent: a second run applies nothing", () => {
    const url = `file:${path.join(dir, "twice.db")}`;
    expect(applySqliteMigrations(url).applied.length).toBeGreaterThan(0);
    expect(applySqliteMigrations(url)).toEqual({ applied: [], alreadyApplied: expect.any(Number) });
  });

  it("records each migration as Prisma Migrate does (sha256 checksum, finished_at)", () => {
    const file = path.join(dir, "bookkeeping.db");
    applySqliteMigrations(`file:${file}`);
    const db = new Database(file, { readonly: true });
    const rows = db.prepare(`SELECT checksum, finished_at, applied_steps_count, rolled_back_at FROM _prisma_migrations`).all() as Record<string, unknown>[];
    db.close();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).toBeTruthy();
      expect(r.applied_steps_count).toBe(1);
      expect(r.rolled_back_at).toBeNull();
    }
  });
});
