import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { parseDatabaseUrl } from "../config/database-url";
import { POSTGRES_CONNECT_TIMEOUT_MS } from "./postgres-connection";

export type { PrismaClient } from "./generated/prisma/client";
/** A Prisma transaction client: what repositories receive inside a unit of work. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** The SQL dialect behind a client: the few raw statements and the unit of work's locking differ by it. */
export type SqlDialect = "sqlite" | "postgresql";

/** Options for {@link createPrismaClient}. */
export interface PrismaClientOptions {
  /**
   * Called with the SQL of every statement Prisma sends (not its parameters, so no case
   * content). For counting statements per command in tests and the benchmark; when absent,
   * Prisma emits no query events at all, which costs nothing on the hot path.
   */
  onQuery?: (sql: string) => void;
  /** PostgreSQL only: connections this process may hold (default 10). Replicas × this must stay under the server's max_connections. */
  poolMax?: number;
}

// Which dialect each client speaks, kept beside the client rather than on it.
const dialects = new WeakMap<object, SqlDialect>();

/** The dialect of a client made by {@link createPrismaClient} (SQLite for any other). */
export function dialectOf(client: object): SqlDialect {
  return dialects.get(client) ?? "sqlite";
}

/**
 * Connects Prisma to the database DATABASE_URL names: an SQLite file through better-sqlite3,
 * or PostgreSQL through `pg`. Each provider has its own generated client (the schema is
 * written once; see scripts/postgresql-schema.js); both are generated from one model, so the
 * PostgreSQL client is typed as the SQLite one and every repository serves both.
 */
export function createPrismaClient(databaseUrl: string, options: PrismaClientOptions = {}): PrismaClient {
  const target = parseDatabaseUrl(databaseUrl);
  const log = options.onQuery ? { log: [{ emit: "event" as const, level: "query" as const }] } : {};
  let client: PrismaClient;
  if (target.provider === "sqlite") {
    // Same busy timeout as the migration runner: two processes may share the file.
    client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: target.file, timeout: 10_000 }), ...log });
  } else {
    // Loaded on first use, so an SQLite deployment never pays for the second client or pg.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PrismaPg } = require("@prisma/adapter-pg") as typeof import("@prisma/adapter-pg");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pgClient = require("./generated/prisma-postgresql/client") as typeof import("./generated/prisma-postgresql/client");
    const adapter = new PrismaPg(
      { connectionString: utcSessionUrl(databaseUrl), max: options.poolMax ?? 10, connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS, application_name: "convene" },
      // A dropped connection (the database restarting) is an error on that request, retried by
      // the pool on the next; it must never become an unhandled 'error' event that ends the process.
      { onPoolError: () => undefined, onConnectionError: () => undefined },
    );
    client = new pgClient.PrismaClient({ adapter, ...log }) as unknown as PrismaClient;
  }
  dialects.set(client, target.provider);
  if (options.onQuery) {
    const onQuery = options.onQuery;
    (client as unknown as { $on(e: "query", cb: (e: { query: string }) => void): void }).$on("query", (e) => onQuery(e.query));
  }
  return client;
}

/**
 * `url` with `-c TimeZone=UTC` added to its startup `options` (after any the URL has, so it
 * wins). Prisma's PostgreSQL adapter writes a Date as its UTC wall time with no offset, and
 * reads a timestamptz by labelling the session's wall time UTC: both are right only in a UTC
 * session. In a session in Auckland (a database or role default, or the URL's own options),
 * every instant was stored 13 hours off and read back shifted the other way, so Convene and
 * anything else reading the database (reports, another replica's URL) disagreed on when
 * things happen. The options travel in the startup packet: no extra statement per connection.
 */
export function utcSessionUrl(url: string): string {
  const u = new URL(url);
  const options = u.searchParams.get("options");
  u.searchParams.set("options", `${options ? `${options} ` : ""}-c TimeZone=UTC`);
  return u.toString();
}
