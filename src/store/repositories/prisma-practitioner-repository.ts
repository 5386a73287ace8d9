import type { Practitioner, PractitionerRepository } from "../../app/ports/practitioner";
import type { Platform } from "../../app/ports/actor";
import type { Tx } from "../prisma-client";

const toPractitioner = (r: {
  id: string; platform: string; platformTenant: string; platformUserId: string; displayName: string; email: string | null; agency: string; role: string; homeTenant: string | null;
}): Practitioner => ({ id: r.id, platform: r.platform as Platform, platformTenant: r.platformTenant, platformUserId: r.platformUserId, displayName: r.displayName, email: r.email, agency: r.agency, role: r.role, homeTenant: r.homeTenant });

/** Practitioners by platform identity. */
export class PrismaPractitionerRepository implements PractitionerRepository {
  constructor(private readonly tx: Tx) {}

  async findByIdentity(i: { platform: Platform; tenant: string; userId: string }): Promise<Practitioner | null> {
    const r = await this.tx.practitioner.findUnique({
      where: { platform_platformTenant_platformUserId: { platform: i.platform, platformTenant: i.tenant, platformUserId: i.userId } },
    });
    return r ? toPractitioner(r) : null;
  }

  async findById(id: string): Promise<Practitioner | null> {
    const r = await this.tx.practitioner.findUnique({ where: { id } });
    return r ? toPractitioner(r) : null;
  }

  async findManyByIds(ids: string[]): Promise<Practitioner[]> {
    if (ids.length === 0) return [];
    return (await this.tx.practitioner.findMany({ where: { id: { in: ids } } })).map(toPractitioner);
  }

  async upsert(p: Practitioner): Promise<Practitioner> {
    const r = await this.tx.practitioner.upsert({
      where: { platform_platformTenant_platformUserId: { platform: p.platform, platformTenant: p.platformTenant, platformUserId: p.platformUserId } },
      create: p,
      update: { displayName: p.displayName, ...(p.email ? { email: p.email } : {}), ...(p.homeTenant ? { homeTenant: p.homeTenant } : {}) },
    });
    return toPractitioner(r);
  }

  async setRole(id: string, agency: string, role: string): Promise<void> {
    await this.tx.practitioner.update({ where: { id }, data: { agency, role } });
  }
}
