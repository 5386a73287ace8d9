import type { DeadlineColumn, DeadlineRepository, DeadlineRow } from "../../app/ports/deadline";
import type { AuditKey } from "../../domain/audit/audit-chain";
import { Prisma } from "../generated/prisma/client";
import type { SqlDialect, Tx } from "../prisma-client";
import { rowSeal } from "../row-seal";

// The seal is the store's concern; the app never sees it.
const toDeadline = ({ seal: _seal, ...r }: Record<string, unknown>): DeadlineRow => r as unknown as DeadlineRow;

// Every column but the seal, from the generated client, so a column added later is covered.
const COLUMNS = Object.values(Prisma.DeadlineScalarFieldEnum).filter((c) => c !== "seal");
// Rows per UPDATE: 100 rows of a few columns stay far below SQLite's and PostgreSQL's parameter limits.
const UPDATE_BATCH = 100;
// PostgreSQL types a CASE of bare parameters as text, which a timestamptz or integer column
// refuses; each non-text column's CASE is cast to the column's type there. Every DateTime and
// Int column of Deadline is listed (the PostgreSQL suite updates every column to prove it).
const POSTGRES_CASTS: Partial<Record<string, string>> = { closedAt: "timestamptz", nextNudgeAt: "timestamptz", createdAt: "timestamptz", workingDaysTaken: "integer" };

/** Deadlines. `listDueForNudge` is the scheduler's hot path: it reads only due rows through an index. */
export class PrismaDeadlineRepository implements DeadlineRepository {
  constructor(
    private readonly tx: Tx,
    private readonly key: AuditKey,
    /** No default: a caller that forgot it would send PostgreSQL uncast CASE updates. */
    private readonly dialect: SqlDialect,
  ) {}

  /** Rewrites the row's seal over what was just saved (as the database returned it). */
  private async seal(row: Record<string, unknown>): Promise<void> {
    await this.tx.deadline.update({ where: { id: row.id as string }, data: { seal: rowSeal("Deadline", row, this.key) } });
  }

  async createIfAbsent(d: DeadlineRow): Promise<DeadlineRow> {
    const existing = await this.tx.deadline.findUnique({ where: { caseId_rule_sourceId: { caseId: d.caseId, rule: d.rule, sourceId: d.sourceId } } });
    if (existing) return toDeadline(existing);
    const { seal: _s, ...data } = d as DeadlineRow & { seal?: string };
    const created = await this.tx.deadline.create({ data });
    await this.seal(created);
    return toDeadline(created);
  }

  async findById(id: string): Promise<DeadlineRow | null> {
    const r = await this.tx.deadline.findUnique({ where: { id } });
    return r ? toDeadline(r) : null;
  }

  async listOpenForCase(caseId: string): Promise<DeadlineRow[]> {
    return (await this.tx.deadline.findMany({ where: { caseId, status: "open" }, orderBy: { dueDate: "asc" } })).map(toDeadline);
  }

  async listForCase(caseId: string): Promise<DeadlineRow[]> {
    return (await this.tx.deadline.findMany({ where: { caseId }, orderBy: { dueDate: "asc" } })).map(toDeadline);
  }

  async update(d: DeadlineRow): Promise<void> {
    const { id, createdAt: _c, seal: _s, ...rest } = d as DeadlineRow & { seal?: string };
    await this.seal(await this.tx.deadline.update({ where: { id }, data: rest }));
  }

  async findManyByIds(ids: string[]): Promise<DeadlineRow[]> {
    if (!ids.length) return [];
    return (await this.tx.deadline.findMany({ where: { id: { in: ids } } })).map(toDeadline);
  }

  async updateMany(rows: DeadlineRow[], columns: DeadlineColumn[]): Promise<void> {
    const whole: Record<string, unknown>[] = [];
    for (const d of rows) {
      const r = d as unknown as Record<string, unknown>;
      // A row missing a column cannot be sealed in memory (the seal covers every column):
      // save it the ordinary way, which seals what the database returns.
      if (COLUMNS.every((c) => r[c] !== undefined)) whole.push(r);
      else await this.update(d);
    }
    const set: string[] = columns;
    // Every column is known, so each row after the update is exactly what we hold: seal it
    // here and write a batch's rows (the changed columns and the seal) in one statement. Only
    // the named columns go in, because Prisma's cost grows with the parameters it passes on.
    // Each column is set with a standard CASE on the id, which PostgreSQL runs as well.
    for (let i = 0; i < whole.length; i += UPDATE_BATCH) {
      const batch = whole.slice(i, i + UPDATE_BATCH);
      const seals = batch.map((r) => rowSeal("Deadline", Object.fromEntries(COLUMNS.map((c) => [c, r[c]])), this.key));
      const assignments = [...set.map((c) => ({ c: c as string, values: batch.map((r) => r[c]) })), { c: "seal", values: seals }].map(
        ({ c, values }) =>
          Prisma.sql`${Prisma.raw(`"${c}"`)} = CASE "id" ${Prisma.join(values.map((v, j) => Prisma.sql`WHEN ${batch[j]!.id} THEN ${v}`), " ")} END${Prisma.raw(this.castFor(c))}`,
      );
      await this.tx.$executeRaw`UPDATE "Deadline" SET ${Prisma.join(assignments, ", ")} WHERE "id" IN (${Prisma.join(batch.map((r) => r.id))})`;
    }
  }

  private castFor(column: string): string {
    const type = this.dialect === "postgresql" ? POSTGRES_CASTS[column] : undefined;
    return type ? `::${type}` : "";
  }

  async listDueForNudge(now: Date, limit: number): Promise<DeadlineRow[]> {
    return (
      await this.tx.deadline.findMany({ where: { status: "open", nextNudgeAt: { lte: now } }, orderBy: { nextNudgeAt: "asc" }, take: limit })
    ).map(toDeadline);
  }
}
