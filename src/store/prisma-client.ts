import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { sqlitePathFromUrl } from "./migration-runner";

export type { PrismaClient } from "./generated/prisma/client";
/** A Prisma transaction client: what repositories receive inside a unit of work. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Options for {@link createPrismaClient}. */
export interface PrismaClientOptions {
  /**
   * Called with the SQL of every statement Prisma sends (not its parameters, so no case
   * content). For counting statements per command in tests and the benchmark; when absent,
   * Prisma emits no query events at all, which costs nothing on the hot path.
   */
  onQuery?: (sql: string) => void;
}

/** Connects Prisma to the SQLite file through the better-sqlite3 driver adapter. */
export function createPrismaClient(databaseUrl: string, options: PrismaClientOptions = {}): PrismaClient {
  const file = sqlitePathFromUrl(databaseUrl);
  // Same busy timeout as the migration runner: two processes may share the file.
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 10_000 });
  if (!options.onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  const onQuery = options.onQuery;
  client.$on("query", (e) => onQuery(e.query));
  return client;
}
