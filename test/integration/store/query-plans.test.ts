import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { applySqliteMigrations, openSqlite } from "../../../src/store/migration-runner";
import { PrismaClient } from "../../../src/store/generated/prisma/client";
import { repositoriesFor } from "../../../src/store/prisma-unit-of-work";
import { resolveAuditKey } from "../../../src/store/audit-key";
import { PrismaOutboxClaims } from "../../../src/store/prisma-outbox-claims";
import type { Repositories } from "../../../src/app/ports/unit-of-work";

// Every hot query, as the store really sends it (captured from Prisma's query log, raw SQL
// included), explained by SQLite on a migrated file. A query that falls back to scanning a
// whole table, or sorts every matching row, gets slower with every case and every click;
// these plans are what keeps an Accept and a `deadlines` flat as the database grows.
// SQLite only, on its own file whatever the suite runs on: EXPLAIN QUERY PLAN is SQLite's.

interface Captured {
  query: string;
  params: unknown[];
}

describe("hot query plans", () => {
  let dir: string;
  let url: string;
  let prisma: PrismaClient<"query">;
  let repos: Repositories;
  let claims: PrismaOutboxClaims;
  let db: Database.Database;
  const log: Captured[] = [];

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "convene-plans-"));
    const file = path.join(dir, "t.db");
    url = `file:${file}`;
    applySqliteMigrations(url);
    prisma = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file }), log: [{ emit: "event", level: "query" }] });
    prisma.$on("query", (e) => log.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
    repos = repositoriesFor(prisma, resolveAuditKey({ databaseUrl: url, production: false }), "sqlite");
    claims = new PrismaOutboxClaims(prisma);
    db = openSqlite(url);
  });
  afterAll(async () => {
    db.close();
    await prisma.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `op` and returns the SQLite plan of each statement it sent that matches `pick`. */
  async function plansOf(op: () => Promise<unknown>, pick: RegExp): Promise<Array<{ query: string; plan: string[] }>> {
    log.length = 0;
    await op();
    const picked = log.filter((c) => pick.test(c.query));
    expect(picked.length).toBeGreaterThan(0);
    return picked.map((c) => ({
      query: c.query,
      plan: (db.prepare(`EXPLAIN QUERY PLAN ${c.query}`).all(...(c.params as never[])) as Array<{ detail: string }>).map((r) => r.detail),
    }));
  }

  /** No full scan of `table`, no sort in a temporary B-tree, and `index` used. */
  function expectIndexed(plans: Array<{ query: string; plan: string[] }>, table: string, index: string): void {
    for (const { plan } of plans) {
      const text = plan.join("\n");
      expect(text).not.toMatch(new RegExp(`SCAN (main\\.)?${table}(?! USING)`));
      expect(text).not.toMatch(new RegExp(`SCAN (main\\.)?${table} USING`)); // a whole-index walk is a scan too
      expect(text).not.toMatch(/TEMP B-TREE/);
      expect(text).toMatch(new RegExp(`SEARCH (main\\.)?${table} USING (COVERING )?INDEX ${index} `));
    }
  }

  const now = new Date("2026-12-03T09:00:00Z");

  it("outbox claim: pending rows oldest first straight from the index, stopping at the limit", async () => {
    const plans = await plansOf(() => claims.claim("owner", now, new Date(now.getTime() + 30_000), 50), /^UPDATE "OutboxMessage"/);
    expectIndexed(plans, "OutboxMessage", "OutboxMessage_claim_idx");
  });

  it("supersede by anchorKey (every Accept): only that card's pending updates", async () => {
    const plans = await plansOf(() => repos.outbox.supersedePendingUpdates("meeting/m/roster/l", "meeting/m/roster/l/update/k"), /^UPDATE/);
    expectIndexed(plans, "OutboxMessage", "OutboxMessage_anchorKey_status_operation_createdAt_idx");
    // The dispatcher's ordering checks on one card read the same index.
    const row = { id: "x", operation: "update", anchorKey: "meeting/m/roster/l", createdAt: now } as Parameters<PrismaOutboxClaims["supersedeIfStale"]>[0];
    expectIndexed(await plansOf(() => claims.supersedeIfStale(row, "owner"), /^SELECT/), "OutboxMessage", "OutboxMessage_anchorKey_status_operation_createdAt_idx");
    expectIndexed(await plansOf(() => claims.olderUpdateInFlight(row, now), /^SELECT/), "OutboxMessage", "OutboxMessage_anchorKey_status_operation_createdAt_idx");
  });

  it("deadlines for one case: the case's own open rows, already in due-date order", async () => {
    const plans = await plansOf(() => repos.deadlines.listOpenForCase("case-1"), /^SELECT/);
    expectIndexed(plans, "Deadline", "Deadline_caseId_status_dueDate_idx");
    // Closed clocks for the same case: the case's rows only, never every open deadline.
    for (const { plan } of await plansOf(() => repos.deadlines.listForCase("case-1"), /^SELECT/)) {
      expect(plan.join("\n")).toMatch(/SEARCH (main\.)?Deadline USING INDEX Deadline_caseId_\w+ \(caseId=\?/);
    }
  });

  it("nudge pass: due open deadlines through (status, nextNudgeAt)", async () => {
    expectIndexed(await plansOf(() => repos.deadlines.listDueForNudge(now, 500), /^SELECT/), "Deadline", "Deadline_status_nextNudgeAt_idx");
  });

  it("chase pass: due invitations through nextChaseAt", async () => {
    expectIndexed(await plansOf(() => repos.invitations.listDueForChase(now, 500), /^SELECT/), "Invitation", "Invitation_nextChaseAt_idx");
  });

  it("processed-command lookup: by its key", async () => {
    expectIndexed(await plansOf(() => repos.processed.claim("teams:conv:respond:act-1"), /^SELECT/), "ProcessedCommand", "sqlite_autoindex_ProcessedCommand_1");
  });

  it("retention: old settled updates and old command keys, oldest first, without a sort", async () => {
    expectIndexed(await plansOf(() => repos.outbox.deleteSettledUpdatesBefore(now, 500), /^SELECT/), "OutboxMessage", "OutboxMessage_status_operation_createdAt_idx");
    expectIndexed(await plansOf(() => repos.processed.deleteBefore(now, 500), /^SELECT/), "ProcessedCommand", "ProcessedCommand_createdAt_idx");
  });
});
