import { systemClock, type Clock } from "../domain/shared/clock";
import { applyMigrations } from "../store/migration-runner";
import { createPrismaClient, type PrismaClient } from "../store/prisma-client";
import { PrismaUnitOfWork } from "../store/prisma-unit-of-work";
import { resolveAuditKey } from "../store/audit-key";
import type { AuditKey } from "../domain/audit/audit-chain";

/** The default database, the same as the server's. */
export const DEFAULT_DATABASE_URL = "file:./data/convene.db";

/** A migrated store for one CLI command. */
export interface CliStore {
  url: string;
  prisma: PrismaClient;
  uow: PrismaUnitOfWork;
  /** The audit key: CONVENE_AUDIT_KEY, or local mode's key file beside the database (as the server uses). */
  auditKey: AuditKey;
  clock: Clock;
  close(): Promise<void>;
}

/** Opens DATABASE_URL (migrating it first, as the server does) and runs `fn`, always closing. */
export async function withCliStore<T>(env: Readonly<Record<string, string | undefined>>, fn: (store: CliStore) => Promise<T>): Promise<T> {
  const url = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  await applyMigrations(url);
  const auditKey = resolveAuditKey({ configured: env.CONVENE_AUDIT_KEY, databaseUrl: url, production: env.NODE_ENV === "production" });
  const prisma = createPrismaClient(url);
  const store: CliStore = { url, prisma, uow: new PrismaUnitOfWork(prisma, auditKey), auditKey, clock: systemClock, close: () => prisma.$disconnect() };
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
