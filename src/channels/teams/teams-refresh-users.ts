import type { ConversationMember } from "./teams-identity";

/**
 * The Teams user ids whose copy of a roster card refreshes itself: the meeting's participants
 * (Entra object ids, from the app) who are members of this conversation. Teams caps the list
 * at 60; the card keeps everyone else current through in-place updates.
 */
export function refreshUserIdsFor(participantAadIds: string[], members: ConversationMember[]): string[] {
  const aads = new Set(participantAadIds);
  return members.filter((m) => m.aadObjectId && aads.has(m.aadObjectId)).map((m) => m.teamsUserId).slice(0, 60);
}
