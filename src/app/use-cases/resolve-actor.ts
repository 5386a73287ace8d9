import { randomUUID } from "node:crypto";
import type { ActorIdentity } from "../ports/actor";
import type { Practitioner } from "../ports/practitioner";
import type { Repositories } from "../ports/unit-of-work";

/**
 * The practitioner behind a platform identity, created on first sight with no role. Roles
 * and agencies come only from our own data (seeded, or set by an administrator), never from
 * what a user types into a card.
 */
export async function resolveActor(repos: Repositories, actor: ActorIdentity, agencyHint?: string): Promise<Practitioner> {
  const existing = await repos.practitioners.findByIdentity(actor);
  if (existing && existing.displayName === actor.displayName && (!actor.email || existing.email === actor.email) && (!actor.homeTenant || existing.homeTenant === actor.homeTenant)) return existing;
  return repos.practitioners.upsert({
    id: existing?.id ?? randomUUID(),
    platform: actor.platform,
    platformTenant: actor.tenant,
    platformUserId: actor.userId,
    displayName: actor.displayName,
    email: actor.email ?? null,
    agency: existing?.agency ?? agencyHint ?? "unknown",
    role: existing?.role ?? "member",
    homeTenant: actor.homeTenant ?? existing?.homeTenant ?? null,
  });
}
