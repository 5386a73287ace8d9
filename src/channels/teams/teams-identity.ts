import type { TurnContext } from "botbuilder";
import type { ActorIdentity } from "../../app/ports/actor";
import { DomainError } from "../../domain/shared/domain-error";
import type { MemberChoice } from "../../cards/form.card";
import type { TeamsMemberCache } from "./teams-member-cache";

/** The tenant of the activity: Teams puts it on the conversation and in channelData. */
export function tenantOf(context: TurnContext): string {
  const a = context.activity;
  const channelData = (a.channelData ?? {}) as { tenant?: { id?: string } };
  return a.conversation?.tenantId ?? channelData.tenant?.id ?? "local";
}

/**
 * The acting user, from the activity's authenticated sender (JWT-validated when
 * credentials are set) and the connector's member record — never from card data. The record
 * comes from the conversation's member list when that is already cached (a roster press
 * fetched it for the card), else from getMember; both are reused for a minute.
 */
export async function actorOf(context: TurnContext, cache: TeamsMemberCache): Promise<ActorIdentity> {
  const from = context.activity.from;
  if (!from?.id) throw new DomainError("UNKNOWN_SENDER", "Convene could not tell who sent this.");
  let email: string | null = null;
  let name = from.name ?? "";
  let aad = from.aadObjectId ?? "";
  let homeTenant: string | null = null;
  try {
    const member = (await cache.knownMember(context, from.id)) ?? (await cache.member(context, from.id));
    email = member.email ?? member.userPrincipalName ?? null;
    name = member.name || name;
    aad = member.aadObjectId || aad;
    // A guest or shared-channel member from another organisation keeps their own tenant here.
    homeTenant = member.tenantId ?? null;
  } catch {
    // The member lookup only adds an email; the sender id is already authenticated.
  }
  if (!aad) throw new DomainError("UNKNOWN_SENDER", "Convene works with Microsoft Entra accounts only; this sender has none.");
  return { platform: "teams", tenant: tenantOf(context), userId: aad, displayName: name || "Unknown user", email: email && /@/.test(email) ? email : null, homeTenant: homeTenant ?? tenantOf(context) };
}

/**
 * Resolves a user chosen in a card (a Teams user id or an Entra object id) through the
 * connector. A name typed into a card is never taken as an identity.
 */
export async function resolvePerson(context: TurnContext, userId: string, cache: TeamsMemberCache): Promise<ActorIdentity> {
  let member;
  try {
    member = await cache.member(context, userId);
  } catch {
    throw new DomainError("UNKNOWN_PERSON", "That person is not a member of this conversation. Add them first, or name an agency contact instead.");
  }
  const aad = member.aadObjectId ?? (member as { objectId?: string }).objectId;
  if (!aad) throw new DomainError("UNKNOWN_PERSON", "That person has no Microsoft Entra account Convene can use.");
  const email = member.email ?? member.userPrincipalName ?? null;
  return { platform: "teams", tenant: tenantOf(context), userId: aad, displayName: member.name || "Unknown user", email: email && /@/.test(email) ? email : null, homeTenant: member.tenantId ?? tenantOf(context) };
}

/** A conversation member, as the connector reports it. */
export interface ConversationMember extends MemberChoice {
  aadObjectId: string | null;
  /** The Teams user id (29:…), which refresh lists use. */
  teamsUserId: string;
}

/** The conversation's members (for pickers and refresh lists); empty when the connector will not say. */
export async function membersOf(context: TurnContext, cache: TeamsMemberCache): Promise<ConversationMember[]> {
  try {
    const members = await cache.members(context);
    return members
      .filter((m) => m.id && m.id !== context.activity.recipient?.id)
      .map((m) => ({ id: m.aadObjectId || m.id, name: m.name || "Unknown user", aadObjectId: m.aadObjectId ?? null, teamsUserId: m.id }));
  } catch {
    return [];
  }
}
