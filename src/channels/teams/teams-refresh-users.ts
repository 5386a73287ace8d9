import type { UnitOfWork } from "../../app/ports/unit-of-work";
import type { ConversationMember } from "./teams-identity";

/**
 * The Teams user ids whose copy of a roster card refreshes itself: the convenor and every
 * invitee, claimant and delegate who is a member of the conversation. Teams caps the list
 * at 60; the card keeps everyone else current through in-place updates.
 */
export async function refreshUserIdsFor(uow: UnitOfWork, meetingId: string, members: ConversationMember[]): Promise<string[]> {
  if (!members.length) return [];
  const practitionerIds = await uow.run(async (repos) => {
    const meeting = await repos.meetings.findById(meetingId);
    const invitations = await repos.invitations.listForMeeting(meetingId);
    const ids = new Set<string>();
    if (meeting) ids.add(meeting.convenorId);
    for (const inv of invitations) for (const id of [inv.inviteePractitionerId, inv.claimedById, inv.delegateId]) if (id) ids.add(id);
    return repos.practitioners.findManyByIds([...ids]);
  });
  const aads = new Set(practitionerIds.filter((p) => p.platform === "teams").map((p) => p.platformUserId));
  return members.filter((m) => m.aadObjectId && aads.has(m.aadObjectId)).map((m) => m.teamsUserId).slice(0, 60);
}
