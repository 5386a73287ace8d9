import { agencyOfRole, type Agency } from "../domain/agency/agency";
import { agencyFromDirectory } from "../domain/agency/agency-directory";
import type { Practitioner } from "./ports/practitioner";
import type { Repositories } from "./ports/unit-of-work";

/**
 * The agency a practitioner belongs to, from identity alone: the role an administrator
 * recorded for them, else the agency directory's match on their tenant, Slack team or email
 * domain. Null when Convene cannot tell. Nothing typed into a card is ever consulted.
 */
export async function agencyOfPractitioner(repos: Repositories, p: Practitioner): Promise<Agency | null> {
  const fromRole = agencyOfRole(p.role);
  if (fromRole) return fromRole;
  return agencyFromDirectory(await repos.agencyDirectory.list(), { platform: p.platform, homeTenant: p.homeTenant ?? null, email: p.email });
}
