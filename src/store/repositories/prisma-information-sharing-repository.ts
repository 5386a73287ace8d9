import type { InformationSharingRepository } from "../../app/ports/information-sharing";
import type { Disclosure, DisclosureKind, LawfulBasis } from "../../domain/sharing/information-sharing";
import type { Tx } from "../prisma-client";

/** The information-sharing log: rows are only ever added. */
export class PrismaInformationSharingRepository implements InformationSharingRepository {
  constructor(private readonly tx: Tx) {}

  async appendIfAbsent(d: Disclosure): Promise<void> {
    const existing = await this.tx.informationSharing.findUnique({ where: { idempotencyKey: d.idempotencyKey }, select: { id: true } });
    if (existing) return;
    await this.tx.informationSharing.create({ data: d });
  }

  async listForCase(caseId: string): Promise<Disclosure[]> {
    const rows = await this.tx.informationSharing.findMany({ where: { caseId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    return rows.map((r) => ({ ...r, kind: r.kind as DisclosureKind, lawfulBasis: r.lawfulBasis as LawfulBasis }));
  }
}
