import type { Case } from "../../domain/case/case-reference";
import type { CaseRepository } from "../../app/ports/case";
import { byteOrder } from "../byte-order";
import type { Tx } from "../prisma-client";

const toCase = (r: Case & Record<string, unknown>): Case => ({
  id: r.id, tenant: r.tenant, reference: r.reference, leadSocialWorkerId: r.leadSocialWorkerId, teamManagerId: r.teamManagerId, childDateOfBirth: r.childDateOfBirth,
});

/** Cases by tenant and reference. */
export class PrismaCaseRepository implements CaseRepository {
  constructor(private readonly tx: Tx) {}

  async findByReference(tenant: string, reference: string): Promise<Case | null> {
    const r = await this.tx.case.findUnique({ where: { tenant_reference: { tenant, reference } } });
    return r ? toCase(r) : null;
  }

  async findById(id: string): Promise<Case | null> {
    const r = await this.tx.case.findUnique({ where: { id } });
    return r ? toCase(r) : null;
  }

  async findManyByIds(ids: string[]): Promise<Case[]> {
    if (!ids.length) return [];
    return (await this.tx.case.findMany({ where: { id: { in: ids } } })).map(toCase);
  }

  async create(c: Case): Promise<Case> {
    return toCase(await this.tx.case.create({ data: c }));
  }

  async listForTenant(tenant: string): Promise<Case[]> {
    // Re-sorted in byte order (as SQLite orders): the census lists cases in this order, and
    // PostgreSQL's collation would order references differing in case or punctuation otherwise.
    const rows = await this.tx.case.findMany({ where: { tenant } });
    return rows.sort((x, y) => byteOrder(x.reference, y.reference)).map(toCase);
  }

  async update(c: Case): Promise<void> {
    const { id, ...rest } = c;
    await this.tx.case.update({ where: { id }, data: rest });
  }
}
