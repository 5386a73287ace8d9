import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Client } from "pg";
import { applyMigrations } from "../../../src/store/migration-runner";
import { connectPostgres, postgresUrlFor } from "../../../src/store/postgres-connection";
import { dropTestDatabase, TEST_POSTGRES_URL } from "../../helpers/test-database";

// The PostgreSQL half of migration-drift.test.ts: prisma/postgresql/migrations must build
// exactly the database prisma/postgresql/schema.prisma describes (migration-drift.test.ts
// checks that schema is the one derived from prisma/schema.prisma). Runs when CONVENE_TEST_POSTGRES_URL names a
// server (CI starts one); skipped otherwise.
const ROOT = path.resolve(__dirname, "../../..");
const maybe = TEST_POSTGRES_URL ? describe : describe.skip;

async function describeSchema(client: Client): Promise<string[]> {
  const q = async (sql: string) => (await client.query(sql)).rows.map((r) => Object.values(r).join(" "));
  return [
    ...(await q(`SELECT 'column', table_name, column_name, data_type, datetime_precision, is_nullable, column_default FROM information_schema.columns
                 WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`)),
    ...(await q(`SELECT 'index', tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`)),
    ...(await q(`SELECT 'constraint', conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
                 WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"') ORDER BY 2, 3`)),
  ];
}

const databaseUrl = (name: string): string => postgresUrlFor(TEST_POSTGRES_URL!, name);

maybe("migration drift on PostgreSQL", () => {
  const suffix = `${process.pid}_${Date.now()}`;
  const migrated = `convene_drift_migrated_${suffix}`;
  const expected = `convene_drift_expected_${suffix}`;
  let admin: Client;
  beforeAll(async () => {
    admin = await connectPostgres(TEST_POSTGRES_URL!);
    await admin.query(`CREATE DATABASE "${migrated}"`);
    await admin.query(`CREATE DATABASE "${expected}"`);
  });
  afterAll(async () => {
    await admin.end();
    await dropTestDatabase(databaseUrl(migrated));
    await dropTestDatabase(databaseUrl(expected));
  });

  it("prisma/postgresql/migrations builds exactly the database the schema describes", async () => {
    await applyMigrations(databaseUrl(migrated));
    const sql = execFileSync(process.execPath, [path.join(ROOT, "scripts/schema-diff.js"), "--provider", "postgresql", "--url", TEST_POSTGRES_URL!], { encoding: "utf8" });
    const exp = await connectPostgres(databaseUrl(expected));
    const mig = await connectPostgres(databaseUrl(migrated));
    try {
      await exp.query(sql);
      const [a, b] = [await describeSchema(mig), await describeSchema(exp)];
      expect(a.length).toBeGreaterThan(100);
      expect(a).toEqual(b);
    } finally {
      await exp.end();
      await mig.end();
    }
  });

  it("is idempotent, and replicas starting together apply each migration exactly once", async () => {
    const url = databaseUrl(`convene_drift_race_${suffix}`);
    await admin.query(`CREATE DATABASE "convene_drift_race_${suffix}"`);
    try {
      const reports = await Promise.all([applyMigrations(url), applyMigrations(url), applyMigrations(url)]);
      const applied = reports.flatMap((r) => r.applied);
      expect(new Set(applied).size).toBe(applied.length);
      expect(applied.length).toBeGreaterThan(0);
      expect(await applyMigrations(url)).toEqual({ applied: [], alreadyApplied: applied.length });
      const c = await connectPostgres(url);
      const rows = (await c.query(`SELECT checksum, finished_at, applied_steps_count FROM "_prisma_migrations"`)).rows;
      await c.end();
      expect(rows).toHaveLength(applied.length);
      for (const r of rows) expect(r).toMatchObject({ checksum: expect.stringMatching(/^[0-9a-f]{64}$/), applied_steps_count: 1 });
    } finally {
      await dropTestDatabase(url);
    }
  });
});
