import { randomUUID } from "node:crypto";
import type { AgencyDirectoryRepository } from "../../app/ports/agency-directory";
import type { AgencyDirectoryEntry } from "../../domain/agency/agency-directory";
import { byteOrder } from "../byte-order";
import type { Tx } from "../prisma-client";

const toEntry = (r: { match: string; value: string; agency: string; dutyContact: string | null }): AgencyDirectoryEntry => ({
  match: r.match as AgencyDirectoryEntry["match"],
  value: r.value,
  agency: r.agency as AgencyDirectoryEntry["agency"],
  dutyContact: r.dutyContact,
});

/** The agency directory. */
export class PrismaAgencyDirectoryRepository implements AgencyDirectoryRepository {
  constructor(private readonly tx: Tx) {}

  async list(): Promise<AgencyDirectoryEntry[]> {
    // Sorted here in byte order, not by the database: the first entry naming an agency gives its
    // duty contact (dutyContactFor), and PostgreSQL's collation would pick another than SQLite.
    const rows = await this.tx.agencyDirectoryEntry.findMany();
    return rows.sort((x, y) => byteOrder(x.agency, y.agency) || byteOrder(x.match, y.match) || byteOrder(x.value, y.value)).map(toEntry);
  }

  async put(e: AgencyDirectoryEntry): Promise<void> {
    await this.tx.agencyDirectoryEntry.upsert({
      where: { match_value: { match: e.match, value: e.value } },
      create: { id: randomUUID(), match: e.match, value: e.value, agency: e.agency, dutyContact: e.dutyContact },
      update: { agency: e.agency, dutyContact: e.dutyContact },
    });
  }

  async remove(match: AgencyDirectoryEntry["match"], value: string): Promise<boolean> {
    const r = await this.tx.agencyDirectoryEntry.deleteMany({ where: { match, value } });
    return r.count > 0;
  }
}
