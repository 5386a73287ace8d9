import { parseDatabaseUrl } from "../config/database-url";
import { openSqlite } from "./migration-runner";
import { connectPostgres } from "./postgres-connection";

/** How Prisma writes a DateTime in SQLite (e.g. 2026-12-01T09:00:00.500+00:00); raw inserts must match it to compare as text. */
export function prismaSqliteDate(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

/** Options for {@link seedOpenDeadlines}. */
export interface SeedDeadlinesOptions {
  /** The case (already created) every deadline belongs to. */
  caseId: string;
  /** Total open deadlines to insert. */
  rows: number;
  /** How many of them are due for a nudge at `dueAt`. */
  due: number;
  /** nextNudgeAt of the due rows (the rest are a month later). */
  dueAt: Date;
  /** createdAt of every row (before dueAt). */
  createdAt: Date;
  /** dueDate of every row (YYYY-MM-DD). */
  dueDate: string;
}

/**
 * Bulk-inserts open deadlines straight through better-sqlite3 in one transaction (for the
 * benchmark: Prisma's per-row creates would take minutes for 100,000 rows).
 */
export function seedOpenDeadlines(databaseUrl: string, o: SeedDeadlinesOptions): void {
  const db = openSqlite(databaseUrl);
  try {
    const insert = db.prepare(
      `INSERT INTO "Deadline" ("id","caseId","rule","sourceKind","sourceId","sourceDate","dueDate","status","nextNudgeAt","lastNudgeStage","createdAt") VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
    );
    const due = prismaSqliteDate(o.dueAt);
    const notDue = prismaSqliteDate(new Date(o.dueAt.getTime() + 30 * 86_400_000));
    const created = prismaSqliteDate(o.createdAt);
    db.transaction(() => {
      for (let i = 0; i < o.rows; i++) {
        // Spread the due rows through the table so the index, not insertion order, finds them.
        const isDue = i % Math.max(1, Math.floor(o.rows / o.due)) === 0 && i / Math.max(1, Math.floor(o.rows / o.due)) < o.due;
        insert.run(`bench-${i}`, o.caseId, "icpc", "strategy-discussion", `m-${i}`, "2027-01-04", o.dueDate, "open", isDue ? due : notDue, "created", created);
      }
    })();
  } finally {
    db.close();
  }
}

/**
 * The same rows as {@link seedOpenDeadlines}, on PostgreSQL, in one `INSERT … SELECT` over
 * `generate_series`: the server makes the 100,000 rows itself, so nothing crosses the wire
 * per row (a row-per-statement seed would be 100,000 round trips). Same ids, same spread of
 * due rows through the table.
 */
export async function seedOpenDeadlinesPostgres(databaseUrl: string, o: SeedDeadlinesOptions): Promise<void> {
  const client = await connectPostgres(databaseUrl);
  try {
    const step = Math.max(1, Math.floor(o.rows / o.due));
    await client.query(
      `INSERT INTO "Deadline" ("id","caseId","rule","sourceKind","sourceId","sourceDate","dueDate","status","nextNudgeAt","lastNudgeStage","createdAt")
       SELECT 'bench-' || i, $1, 'icpc', 'strategy-discussion', 'm-' || i, '2027-01-04', $2, 'open',
              CASE WHEN i % $3 = 0 AND i / $3 < $4 THEN $5::timestamptz ELSE $6::timestamptz END, 'created', $7::timestamptz
       FROM generate_series(0, $8 - 1) AS i`,
      [o.caseId, o.dueDate, step, o.due, o.dueAt, new Date(o.dueAt.getTime() + 30 * 86_400_000), o.createdAt, o.rows],
    );
    // Fresh statistics, as autovacuum would give a table this size soon after: without them
    // the planner may guess at the due-list query on the first pass.
    await client.query(`ANALYZE "Deadline"`);
  } finally {
    await client.end();
  }
}

/**
 * Answers recorded so far (audit events on invitations), on either database: after a run,
 * at least as many as the requests the server acknowledged, or the benchmark measured
 * refusals, not Accepts.
 */
export async function countInvitationAnswers(databaseUrl: string): Promise<number> {
  const sql = `SELECT COUNT(*) AS n FROM "AuditEvent" WHERE "entityType" = 'invitation'`;
  if (parseDatabaseUrl(databaseUrl).provider === "sqlite") {
    const db = openSqlite(databaseUrl);
    try {
      return (db.prepare(sql).get() as { n: number }).n;
    } finally {
      db.close();
    }
  }
  const client = await connectPostgres(databaseUrl);
  try {
    return Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
  } finally {
    await client.end();
  }
}
