import type { DeadlineRepository, DeadlineRow } from "../../app/ports/deadline";
import type { Tx } from "../prisma-client";

const toDeadline = (r: Record<string, unknown>): DeadlineRow => r as unknown as DeadlineRow;

/** Deadlines. `listDueForNudge` is the scheduler's hot path: it reads only due rows through an index. */
export class PrismaDeadlineRepository implements DeadlineRepository {
  constructor(private readonly tx: Tx) {}

  async createIfAbsent(d: DeadlineRow): Promise<DeadlineRow> {
    const existing = await this.tx.deadline.findUnique({ where: { caseId_rule_sourceId: { caseId: d.caseId, rule: d.rule, sourceId: d.sourceId } } });
    if (existing) return toDeadline(existing);
    return toDeadline(await this.tx.deadline.create({ data: d }));
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
    const { id, createdAt: _c, ...rest } = d;
    await this.tx.deadline.update({ where: { id }, data: rest });
  }

  async listDueForNudge(now: Date, limit: number): Promise<DeadlineRow[]> {
    return (
      await this.tx.deadline.findMany({ where: { status: "open", nextNudgeAt: { lte: now } }, orderBy: { nextNudgeAt: "asc" }, take: limit })
    ).map(toDeadline);
  }
}
