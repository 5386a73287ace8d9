import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { sqlitePathFromUrl } from "./migration-runner";

export type { PrismaClient } from "./generated/prisma/client";
/** A Prisma transaction client: what repositories receive inside a unit of work. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Connects Prisma to the SQLite file through the better-sqlite3 driver adapter. */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  const file = sqlitePathFromUrl(databaseUrl);
  // Same busy timeout as the migration runner: two processes may share the file.
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 10_000 });
  return new PrismaClient({ adapter });
}
