import type { Case } from "../domain/case/case-reference";
import type { Meeting } from "../domain/meeting/meeting";
import { meetingInConversation, requireMeetingOwner } from "./authorisation";
import type { ActorIdentity } from "./ports/actor";
import type { Practitioner } from "./ports/practitioner";
import type { Repositories } from "./ports/unit-of-work";
import { resolveActor } from "./use-cases/resolve-actor";

/**
 * A meeting acted on by whoever runs it, from a conversation: the actor (from their platform
 * identity), the case this conversation is linked to (in the actor's tenant) and the meeting.
 * Refused unless the actor convened it or is the case's social worker or team manager; `what`
 * completes "Only the convenor … can …". Throws `CASE_NOT_LINKED`, `WRONG_TENANT`,
 * `MEETING_NOT_FOUND` or `NOT_AUTHORISED`.
 */
export async function meetingForOwner(
  repos: Repositories,
  cmd: { actor: ActorIdentity; conversation: { platform: "teams" | "slack"; conversationId: string }; meetingId: string },
  what: string,
): Promise<{ actor: Practitioner; c: Case; meeting: Meeting }> {
  const actor = await resolveActor(repos, cmd.actor);
  const { c, meeting } = await meetingInConversation(repos, cmd.conversation, cmd.meetingId, cmd.actor);
  requireMeetingOwner(c, meeting, actor, what);
  return { actor, c, meeting };
}
