import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { applyMigrations } from "../../src/store/migration-runner";
import { createPrismaClient, type PrismaClient } from "../../src/store/prisma-client";
import { PrismaUnitOfWork } from "../../src/store/prisma-unit-of-work";
import { resolveAuditKey } from "../../src/store/audit-key";

/** A real, migrated SQLite file in a temp folder: integration tests never mock the store. */
export interface TestDatabase {
  url: string;
  dir: string;
  prisma: PrismaClient;
  uow: PrismaUnitOfWork;
  dispose(): Promise<void>;
}

/** Creates and migrates a fresh database file. */
export function createTestDatabase(label = "convene"): TestDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), `${label}-`));
  const url = `file:${path.join(dir, "test.db")}`;
  applyMigrations(url);
  const prisma = createPrismaClient(url);
  return {
    url,
    dir,
    prisma,
    // The key file beside the database, as local mode and the `convene` command use it.
    uow: new PrismaUnitOfWork(prisma, resolveAuditKey({ databaseUrl: url, production: false })),
    async dispose() {
      await prisma.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
