import type { PlanEndRepository } from "../../app/ports/plan-end";
import type { PlanEnd } from "../../domain/plan/plan-end";
import type { Tx } from "../prisma-client";

const toPlanEnd = (r: Record<string, unknown>): PlanEnd => {
  const { createdAt: _c, ...rest } = r;
  return rest as unknown as PlanEnd;
};

/** Plan ends. */
export class PrismaPlanEndRepository implements PlanEndRepository {
  constructor(private readonly tx: Tx) {}

  async create(p: PlanEnd): Promise<void> {
    await this.tx.planEnd.create({ data: p });
  }

  async listForCase(caseId: string): Promise<PlanEnd[]> {
    return (await this.tx.planEnd.findMany({ where: { caseId }, orderBy: [{ endedOn: "asc" }, { createdAt: "asc" }] })).map(toPlanEnd);
  }
}
