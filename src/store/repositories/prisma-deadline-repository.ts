import type { DeadlineRepository, DeadlineRow } from "../../app/ports/deadline";
import type { AuditKey } from "../../domain/audit/audit-chain";
import { Prisma } from "../generated/prisma/client";
import type { Tx } from "../prisma-client";
import { rowSeal } from "../row-seal";

// The seal is the store's concern; the app never sees it.
const toDeadline = ({ seal: _seal, ...r }: Record<string, unknown>): DeadlineRow => r as unknown as DeadlineRow;

// Every column but the seal, from the generated client, so a column added later is covered.
const COLUMNS = Object.values(Prisma.DeadlineScalarFieldEnum).filter((c) => c !== "seal");

/** Deadlines. `listDueForNudge` is the scheduler's hot path: it reads only due rows through an index. */
export class PrismaDeadlineRepository implements DeadlineRepository {
  constructor(
    private readonly tx: Tx,
    private readonly key: AuditKey,
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

  async updateMany(rows: DeadlineRow[]): Promise<void> {
    for (const d of rows) {
      const whole = d as unknown as Record<string, unknown>;
      // A row missing a column cannot be sealed in memory (the seal covers every column):
      // save it the ordinary way, which seals what the database returns.
      if (!COLUMNS.every((c) => whole[c] !== undefined)) {
        await this.update(d);
        continue;
      }
      // Every column is known, so the row after the update is exactly `whole`: seal it here
      // and write data and seal in one statement instead of an update and a re-seal.
      const { id, createdAt: _c, seal: _s, ...rest } = d as DeadlineRow & { seal?: string };
      const seal = rowSeal("Deadline", Object.fromEntries(COLUMNS.map((c) => [c, whole[c]])), this.key);
      await this.tx.deadline.updateMany({ where: { id }, data: { ...rest, seal } });
    }
  }

  async listDueForNudge(now: Date, limit: number): Promise<DeadlineRow[]> {
    return (
      await this.tx.deadline.findMany({ where: { status: "open", nextNudgeAt: { lte: now } }, orderBy: { nextNudgeAt: "asc" }, take: limit })
    ).map(toDeadline);
  }
}
