import { openSqlite } from "./migration-runner";

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
