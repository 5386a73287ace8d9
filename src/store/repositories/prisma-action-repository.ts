import type { ActionRepository, ActionRow } from "../../app/ports/action";
import type { Tx } from "../prisma-client";

const toAction = (r: Record<string, unknown>): ActionRow => {
  const { createdAt: _c, ...rest } = r;
  return rest as unknown as ActionRow;
};

/** Agreed actions. */
export class PrismaActionRepository implements ActionRepository {
  constructor(private readonly tx: Tx) {}

  async create(a: ActionRow): Promise<void> {
    await this.tx.action.create({ data: a });
  }

  async update(a: ActionRow): Promise<void> {
    const { id, ...rest } = a;
    await this.tx.action.update({ where: { id }, data: rest });
  }

  async listOpenForCase(caseId: string): Promise<ActionRow[]> {
    return (await this.tx.action.findMany({ where: { caseId, status: "open" }, orderBy: { dueDate: "asc" } })).map(toAction);
  }

  async listOpenForOwner(practitionerId: string): Promise<ActionRow[]> {
    return (await this.tx.action.findMany({ where: { ownerPractitionerId: practitionerId, status: "open" }, orderBy: [{ dueDate: "asc" }, { id: "asc" }] })).map(toAction);
  }

  async listForCase(caseId: string): Promise<ActionRow[]> {
    return (await this.tx.action.findMany({ where: { caseId }, orderBy: { dueDate: "asc" } })).map(toAction);
  }

  async findManyByIds(ids: string[]): Promise<ActionRow[]> {
    if (!ids.length) return [];
    return (await this.tx.action.findMany({ where: { id: { in: ids } } })).map(toAction);
  }

  async findById(id: string): Promise<ActionRow | null> {
    const r = await this.tx.action.findUnique({ where: { id } });
    return r ? toAction(r) : null;
  }
}
