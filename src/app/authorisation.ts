import type { Case } from "../domain/case/case-reference";
import type { Meeting } from "../domain/meeting/meeting";
import { DomainError } from "../domain/shared/domain-error";
import type { Practitioner, Repositories } from "./ports";

const LA_ROLES = new Set(["social-worker", "team-manager"]);

/** True for the case's lead social worker or team manager, or a local authority social worker/manager of the same tenant. */
export function canManageCase(c: Case, p: Practitioner): boolean {
  if (c.leadSocialWorkerId === p.id || c.teamManagerId === p.id) return true;
  return LA_ROLES.has(p.role) && p.platformTenant === c.tenant;
}

/** Throws `NOT_AUTHORISED` unless {@link canManageCase}. */
export function requireCaseManager(c: Case, p: Practitioner, what: string): void {
  if (!canManageCase(c, p)) {
    throw new DomainError("NOT_AUTHORISED", `Only the case's social worker or team manager can ${what}.`);
  }
}

/** Throws `NOT_AUTHORISED` unless the actor convened the meeting or manages the case. */
export function requireMeetingOwner(c: Case, m: Meeting, p: Practitioner, what: string): void {
  if (m.convenorId === p.id || canManageCase(c, p)) return;
  throw new DomainError("NOT_AUTHORISED", `Only the convenor or the case's social worker or team manager can ${what}.`);
}

/** Throws `NOT_AUTHORISED` unless the actor manages the team (waivers are a manager's decision). */
export function requireTeamManager(c: Case, p: Practitioner): void {
  if (c.teamManagerId === p.id || (p.role === "team-manager" && p.platformTenant === c.tenant)) return;
  throw new DomainError("NOT_AUTHORISED", "Only a team manager can waive a deadline.");
}

/**
 * The case linked to the conversation a command came from. Acting on a meeting from a
 * conversation not linked to its case is refused, so a stray card in another channel
 * cannot change someone else's case.
 */
export async function caseOfConversation(repos: Repositories, platform: "teams" | "slack", conversationId: string): Promise<Case> {
  const link = await repos.channelLinks.findByConversation(platform, conversationId);
  const c = link ? await repos.cases.findById(link.caseId) : null;
  if (!c) throw new DomainError("CASE_NOT_LINKED", "This conversation is not linked to a case yet. Type: link <case reference>.");
  return c;
}
