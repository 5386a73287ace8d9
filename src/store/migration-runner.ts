import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { parseDatabaseUrl } from "../config/database-url";
import { connectPostgres, POSTGRES_MIGRATIONS_DIR } from "./postgres-connection";
import type { PrismaClient } from "./prisma-client";

/** What a migration run did, for logs and the CLI. */
export interface MigrationReport {
  /** Migrations applied by this run, oldest first. */
  applied: string[];
  /** Migrations that were already applied. */
  alreadyApplied: number;
}

/** Where Prisma keeps SQLite's migrations, relative to the package root (PostgreSQL's: prisma/postgresql/migrations). */
export const DEFAULT_MIGRATIONS_DIR = path.resolve(__dirname, "../../prisma/migrations");

/** The migrations folder for the database a URL names. */
export function migrationsDirFor(url: string): string {
  return parseDatabaseUrl(url).provider === "postgresql" ? POSTGRES_MIGRATIONS_DIR : DEFAULT_MIGRATIONS_DIR;
}

// Prisma's own bookkeeping table, column for column, so `prisma migrate deploy` run later by
// someone with the native engine sees this database as up to date (STACK.md, "Prisma Migrate").
const PRISMA_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** Turns a Prisma-style `file:` URL into a filesystem path (relative paths resolve from the cwd). */
export function sqlitePathFromUrl(url: string): string {
  const target = parseDatabaseUrl(url);
  if (target.provider !== "sqlite") throw new Error(`DATABASE_URL must be a SQLite file: URL here (got "${url.split(":")[0]}:…")`);
  return target.file;
}

/** Opens the SQLite file with the settings every process must share. */
export function openSqlite(url: string): Database.Database {
  const file = sqlitePathFromUrl(url);
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  // A generous busy timeout lets two server processes share one file (the dispatcher's
  // leases are designed for that); WAL lets readers carry on while one writes.
  const db = new Database(file, { timeout: 10_000 });
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  return db;
}

/**
 * Applies every pending migration for the database `url` names (SQLite: `prisma/migrations`;
 * PostgreSQL: `prisma/postgresql/migrations`), each in its own transaction, recording it in
 * `_prisma_migrations` exactly as Prisma Migrate would. Safe to call on every start, from
 * several processes at once: applied migrations are skipped, a changed applied file is
 * refused, and concurrent runners queue (SQLite's write lock; PostgreSQL's advisory lock).
 */
export async function applyMigrations(url: string, dir = migrationsDirFor(url)): Promise<MigrationReport> {
  return parseDatabaseUrl(url).provider === "postgresql" ? applyPostgresMigrations(url, dir) : applySqliteMigrations(url, dir);
}

/** The SQLite half of {@link applyMigrations}: synchronous, for tools that have only a file. */
export function applySqliteMigrations(url: string, dir = DEFAULT_MIGRATIONS_DIR): MigrationReport {
  const db = openSqlite(url);
  try {
    db.exec(PRISMA_MIGRATIONS_TABLE);
    const done = new Map<string, string>(
      (
        db
          .prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`)
          .all() as { migration_name: string; checksum: string }[]
      ).map((r) => [r.migration_name, r.checksum]),
    );
    const report: MigrationReport = { applied: [], alreadyApplied: 0 };
    for (const { name, bytes, checksum } of pendingMigrations(dir, done, report)) {
      const startedAt = new Date().toISOString();
      // IMMEDIATE takes the write lock up front, so two processes starting together
      // serialise here instead of both applying the same migration.
      const apply = db.transaction(() => {
        const again = db.prepare(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL`).get(name);
        if (again) return false;
        db.exec(bytes.toString("utf8"));
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
        ).run(randomUUID(), checksum, new Date().toISOString(), name, startedAt);
        return true;
      });
      if (apply.immediate()) report.applied.push(name);
      else report.alreadyApplied += 1;
    }
    return report;
  } finally {
    db.close();
  }
}

// The key of the session-level advisory lock migration runners queue on (any constant that
// nothing else uses; "convene migrations" hashed once, by hand).
const POSTGRES_MIGRATION_LOCK = 0x636f6e76;

// Prisma Migrate's own table for PostgreSQL, as its schema engine creates it.
const POSTGRES_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Replicas starting together all call this. They queue on one advisory lock, so exactly one
 * applies each migration and the others find it recorded; the lock is the session's, so a
 * runner that dies mid-way releases it with its connection, and its migration's transaction
 * rolls back with it.
 */
async function applyPostgresMigrations(url: string, dir: string): Promise<MigrationReport> {
  const client = await connectPostgres(url);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [POSTGRES_MIGRATION_LOCK]);
    await client.query(POSTGRES_MIGRATIONS_TABLE);
    const done = new Map<string, string>(
      (await client.query<{ migration_name: string; checksum: string }>(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`)).rows.map(
        (r) => [r.migration_name, r.checksum],
      ),
    );
    const report: MigrationReport = { applied: [], alreadyApplied: 0 };
    for (const { name, bytes, checksum } of pendingMigrations(dir, done, report)) {
      const startedAt = new Date();
      await client.query("BEGIN");
      try {
        // No parameters: the simple query protocol runs the file's many statements in one call.
        await client.query(bytes.toString("utf8"));
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
          [randomUUID(), checksum, name, startedAt],
        );
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      }
      report.applied.push(name);
    }
    return report;
  } finally {
    // Ending the session releases the advisory lock too.
    await client.end().catch(() => undefined);
  }
}

/**
 * True when every migration on disk is recorded as applied. Used by /healthz, on every probe.
 * SQLite opens the file itself (a replaced or deleted file shows as unhealthy). PostgreSQL
 * asks through `prisma`, the server's own pool, rather than a new connection per probe (each
 * would count against max_connections); a database that does not answer within `timeoutMs`
 * is unhealthy, so a probe never hangs, and the pool reconnects by itself when it is back.
 */
export async function isMigrated(url: string, prisma: PrismaClient, timeoutMs = 3_000): Promise<boolean> {
  const dir = migrationsDirFor(url);
  if (parseDatabaseUrl(url).provider === "sqlite") return isSqliteMigrated(url, dir);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("database did not answer")), timeoutMs)));
  try {
    const rows = await Promise.race([
      prisma.$queryRawUnsafe<{ migration_name: string }[]>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`),
      timeout,
    ]);
    const names = new Set(rows.map((r) => r.migration_name));
    return migrationsOnDisk(dir).every((m) => names.has(m));
  } finally {
    clearTimeout(timer);
  }
}

// The migrations a running process ships with do not change under it: read the folder once.
const onDisk = new Map<string, string[]>();
function migrationsOnDisk(dir: string): string[] {
  let names = onDisk.get(dir);
  if (!names) onDisk.set(dir, (names = listMigrations(dir)));
  return names;
}

function isSqliteMigrated(url: string, dir: string): boolean {
  const file = sqlitePathFromUrl(url);
  if (file !== ":memory:" && !existsSync(file)) return false;
  const db = openSqlite(url);
  try {
    const table = db.prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name='_prisma_migrations'`).get();
    if (!table) return false;
    const names = new Set(
      (db.prepare(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`).all() as {
        migration_name: string;
      }[]).map((r) => r.migration_name),
    );
    return migrationsOnDisk(dir).every((m) => names.has(m));
  } finally {
    db.close();
  }
}

/**
 * The migrations on disk not yet applied, oldest first, each with its bytes and checksum;
 * counts the applied ones in `report`, and refuses an applied migration whose file changed.
 */
function pendingMigrations(dir: string, done: Map<string, string>, report: MigrationReport): { name: string; bytes: Buffer; checksum: string }[] {
  const pending: { name: string; bytes: Buffer; checksum: string }[] = [];
  for (const name of listMigrations(dir)) {
    const bytes = readFileSync(path.join(dir, name, "migration.sql"));
    const checksum = createHash("sha256").update(bytes).digest("hex");
    const previous = done.get(name);
    if (previous === undefined) pending.push({ name, bytes, checksum });
    else if (previous !== checksum) throw new Error(`Migration ${name} was changed after it was applied; add a new migration instead.`);
    else report.alreadyApplied += 1;
  }
  return pending;
}

/** The migrations in `dir`, oldest first: each folder holding a migration.sql. */
export function listMigrations(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}
