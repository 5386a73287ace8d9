import type { Case } from "../domain/case/case-reference";
import type { Meeting } from "../domain/meeting/meeting";
import { DomainError } from "../domain/shared/domain-error";
import type { ActorIdentity } from "./ports/actor";
import type { ChannelLink } from "./ports/channel-link";
import type { Practitioner } from "./ports/practitioner";
import type { Repositories } from "./ports/unit-of-work";

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

/** Who is asking, as far as the tenant check needs: the platform and tenant the platform vouched for. */
export type Asker = Pick<ActorIdentity, "platform" | "tenant">;

/** Said to someone whose organisation is not the case's: nothing about the case, not even its reference. */
export const WRONG_TENANT_MESSAGE = "This case belongs to another organisation's Convene, so nothing about it can be shown or changed from your account.";

/**
 * Throws `WRONG_TENANT` unless the asker's platform and tenant are the case's own (from our
 * Case row, set when the case was first linked). A conversation id alone is not enough: an
 * activity from another Teams tenant naming a linked conversation must not read the case.
 * Guests and shared-channel members act in the host's tenant, so they pass.
 */
export function requireSameTenant(c: Case, conversationPlatform: "teams" | "slack", asker: Asker): void {
  if (asker.platform === conversationPlatform && asker.tenant === c.tenant) return;
  throw new DomainError("WRONG_TENANT", WRONG_TENANT_MESSAGE);
}

/**
 * The case linked to the conversation a command came from. Acting on a meeting from a
 * conversation not linked to its case is refused, so a stray card in another channel
 * cannot change someone else's case. With `asker`, refused (`WRONG_TENANT`) unless they
 * belong to the case's tenant.
 */
export async function caseOfConversation(repos: Repositories, platform: "teams" | "slack", conversationId: string, asker?: Asker): Promise<Case> {
  return caseOfLink(repos, await repos.channelLinks.findByConversation(platform, conversationId), platform, asker);
}

/**
 * {@link caseOfConversation} for a conversation whose link the caller has already read (or
 * found missing), so a command reads the link row once.
 */
export async function caseOfLink(repos: Repositories, link: ChannelLink | null, platform: "teams" | "slack", asker?: Asker): Promise<Case> {
  const c = link ? await repos.cases.findById(link.caseId) : null;
  if (!c) throw new DomainError("CASE_NOT_LINKED", "This conversation is not linked to a case yet. Type: link <case reference>.");
  if (asker) requireSameTenant(c, platform, asker);
  return c;
}

/**
 * A meeting, loaded for an action from a conversation: refused unless the conversation is
 * linked to the meeting's case, and (with `asker`) the asker belongs to the case's tenant.
 * Throws `CASE_NOT_LINKED`, `WRONG_TENANT` or `MEETING_NOT_FOUND`.
 */
export async function meetingInConversation(
  repos: Repositories,
  conversation: { platform: "teams" | "slack"; conversationId: string },
  meetingId: string,
  asker?: Asker,
): Promise<{ c: Case; meeting: Meeting }> {
  const c = await caseOfConversation(repos, conversation.platform, conversation.conversationId, asker);
  const meeting = await repos.meetings.findById(meetingId);
  if (!meeting || meeting.caseId !== c.id) throw new DomainError("MEETING_NOT_FOUND", "That meeting is not part of this case.");
  return { c, meeting };
}

/** Throws `MEETING_NOT_HELD` unless decisions can be recorded for the meeting. */
export function requireHeld(meeting: Meeting): void {
  if (meeting.status !== "held" && meeting.status !== "recorded") {
    throw new DomainError("MEETING_NOT_HELD", "Mark the meeting held before recording its decisions.");
  }
}
