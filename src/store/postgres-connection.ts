import path from "node:path";
import type { Client } from "pg";
import { DatabaseUrlError, parseDatabaseUrl } from "../config/database-url";

/** PostgreSQL's migrations, in Prisma's layout (one folder per provider). */
export const POSTGRES_MIGRATIONS_DIR = path.resolve(__dirname, "../../prisma/postgresql/migrations");

/** How long a connection attempt may take before start-up gives up with one clear line instead of hanging. */
export const POSTGRES_CONNECT_TIMEOUT_MS = 10_000;

/** The database named by DATABASE_URL could not be reached; the message says where and why, never the password. */
export class DatabaseUnavailableError extends Error {
  readonly code = "DATABASE_UNAVAILABLE";
}

/**
 * One plain `pg` connection for the migration runner and health checks (Prisma's pool is for
 * the app). `pg` is loaded here, on first use, so an SQLite deployment never loads it.
 */
export async function connectPostgres(url: string, timeoutMs = POSTGRES_CONNECT_TIMEOUT_MS): Promise<Client> {
  const target = parseDatabaseUrl(url);
  if (target.provider !== "postgresql") throw new DatabaseUrlError("connectPostgres needs a postgresql:// DATABASE_URL");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client: PgClient } = require("pg") as typeof import("pg");
  const client = new PgClient({ connectionString: url, connectionTimeoutMillis: timeoutMs, application_name: "convene" });
  // A connection dropped later (a database restart) must not crash the process as an unhandled 'error'.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw new DatabaseUnavailableError(describeConnectFailure(target.where, err));
  }
  return client;
}

/** One line for an operator: where, and the cause in words (pg's own messages can name the user, never the password). */
function describeConnectFailure(where: string, err: unknown): string {
  const e = err as { code?: string; message?: string };
  const why =
    e.code === "ECONNREFUSED" ? "the server refused the connection (is PostgreSQL running and listening there?)"
    : e.code === "ENOTFOUND" || e.code === "EAI_AGAIN" ? "the host name could not be resolved"
    : e.code === "28P01" || e.code === "28000" ? "the user name or password was not accepted"
    : e.code === "3D000" ? "that database does not exist (create it first)"
    : /timeout/i.test(e.message ?? "") ? "no answer before the connection timeout"
    : (e.message ?? String(err)).split("\n")[0];
  // Naming the setting tells an operator of several replicas which knob to turn.
  return `Cannot connect to PostgreSQL at ${where} (DATABASE_URL): ${why}`;
}

/** `serverUrl` with its database name replaced (tests, the bench and tools make databases beside the one they were given). */
export function postgresUrlFor(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Creates a database on the server `serverUrl` names (optionally a copy of `template`, which
 * PostgreSQL makes as a file copy: far quicker than seeding again) and returns its URL.
 */
export async function createPostgresDatabase(serverUrl: string, database: string, template?: string): Promise<string> {
  const admin = await connectPostgres(serverUrl);
  try {
    await admin.query(`CREATE DATABASE "${database}"${template ? ` TEMPLATE "${template}"` : ""}`);
  } finally {
    await admin.end();
  }
  return postgresUrlFor(serverUrl, database);
}

/** Drops a database made by {@link createPostgresDatabase}, ending any session still on it. */
export async function dropPostgresDatabase(serverUrl: string, database: string): Promise<void> {
  const admin = await connectPostgres(serverUrl);
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
