import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { applyMigrations, listMigrations, migrationsDirFor } from "../../src/store/migration-runner";
import { createPrismaClient, type PrismaClient } from "../../src/store/prisma-client";
import { PrismaUnitOfWork } from "../../src/store/prisma-unit-of-work";
import { resolveAuditKey } from "../../src/store/audit-key";
import { connectPostgres, createPostgresDatabase, dropPostgresDatabase } from "../../src/store/postgres-connection";

/**
 * Which database the store, integration and end-to-end suites run on. Unset: a fresh SQLite
 * file per test (the default). Set to a PostgreSQL server's URL (CI does, see .ci/run): a
 * fresh database per test on that server, cloned from a migrated template.
 */
export const TEST_POSTGRES_URL = process.env.CONVENE_TEST_POSTGRES_URL?.trim() || undefined;

/** PostgreSQL needs a configured audit key (replicas share it); tests use this one. */
export const TEST_AUDIT_KEY = "test-audit-key-0123456789abcdef0123456789abcdef";

/** A real, migrated database in a temp folder: integration tests never mock the store. */
export interface TestDatabase {
  url: string;
  dir: string;
  prisma: PrismaClient;
  uow: PrismaUnitOfWork;
  dispose(): Promise<void>;
}

/** Creates and migrates a fresh database (an SQLite file, or a PostgreSQL database when CONVENE_TEST_POSTGRES_URL is set). */
export async function createTestDatabase(label = "convene"): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), `${label}-`));
  const url = await freshDatabaseUrl(dir, "test");
  const prisma = createPrismaClient(url);
  return {
    url,
    dir,
    prisma,
    // The key file beside the database, as local mode and the `convene` command use it.
    uow: new PrismaUnitOfWork(prisma, testAuditKey(url)),
    async dispose() {
      await prisma.$disconnect();
      await dropTestDatabase(url);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The audit key a test uses for `url`: the key file beside an SQLite database, or {@link TEST_AUDIT_KEY}. */
export function testAuditKey(url: string): string {
  return resolveAuditKey({ databaseUrl: url, production: false, ...(url.startsWith("file:") ? {} : { configured: TEST_AUDIT_KEY }) });
}

/** Settings a test server needs for its database beyond DATABASE_URL (the audit key on PostgreSQL). */
export function databaseEnv(url: string): Record<string, string> {
  return url.startsWith("file:") ? {} : { CONVENE_AUDIT_KEY: TEST_AUDIT_KEY };
}

/**
 * A fresh, migrated database for one test: `<dir>/<name>.db`, or on PostgreSQL a new database
 * cloned from a template migrated once per run (CREATE DATABASE … TEMPLATE is a file copy, far
 * quicker than replaying every migration for each test).
 */
export async function freshDatabaseUrl(dir: string, name: string): Promise<string> {
  if (!TEST_POSTGRES_URL) {
    const url = `file:${path.join(dir, `${name}.db`)}`;
    await applyMigrations(url);
    return url;
  }
  const template = await migratedTemplate();
  const database = `convene_t_${randomBytes(6).toString("hex")}`;
  const admin = await connectPostgres(TEST_POSTGRES_URL);
  try {
    // The template must have no other session while it is copied; several jest workers may
    // create at once, so they take turns on a lock.
    await admin.query("SELECT pg_advisory_lock(7301)");
    try {
      return await createPostgresDatabase(TEST_POSTGRES_URL, database, template);
    } finally {
      await admin.query("SELECT pg_advisory_unlock(7301)");
    }
  } finally {
    await admin.end();
  }
}

/** Drops a database {@link freshDatabaseUrl} made on PostgreSQL (SQLite files go with their folder). */
export async function dropTestDatabase(url: string): Promise<void> {
  if (!TEST_POSTGRES_URL || url.startsWith("file:")) return;
  await dropPostgresDatabase(TEST_POSTGRES_URL, new URL(url).pathname.slice(1));
}

let templateName: Promise<string> | undefined;

/** The template database for this set of migrations, created and migrated by whichever worker comes first. */
function migratedTemplate(): Promise<string> {
  templateName ??= (async () => {
    const dir = migrationsDirFor(TEST_POSTGRES_URL!);
    const hash = createHash("sha256");
    for (const m of listMigrations(dir)) hash.update(m).update(readFileSync(path.join(dir, m, "migration.sql")));
    const name = `convene_template_${hash.digest("hex").slice(0, 12)}`;
    const admin = await connectPostgres(TEST_POSTGRES_URL!);
    try {
      await admin.query("SELECT pg_advisory_lock(7300)");
      try {
        const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (!exists.rowCount) {
          // A half-built one left by a worker that died is dropped and built again.
          await dropPostgresDatabase(TEST_POSTGRES_URL!, `${name}_building`);
          await applyMigrations(await createPostgresDatabase(TEST_POSTGRES_URL!, `${name}_building`));
          // Renamed only when complete, so a worker that died mid-way never leaves a half template.
          await admin.query(`ALTER DATABASE "${name}_building" RENAME TO "${name}"`);
        }
      } finally {
        await admin.query("SELECT pg_advisory_unlock(7300)");
      }
    } finally {
      await admin.end();
    }
    return name;
  })();
  return templateName;
}
