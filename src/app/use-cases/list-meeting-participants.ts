import type { AppDeps } from "../app-deps";
import type { Platform } from "../ports/actor";

/**
 * The platform user ids of everyone a roster concerns: the convenor and every invitee,
 * claimant and delegate with an identity on `platform`. Teams refreshes these people's
 * copies of the card, so each sees their own view. Only people of the case's tenant (from our
 * own Case and Practitioner rows) are listed. Read-only.
 */
export async function listMeetingParticipants(deps: AppDeps, meetingId: string, platform: Platform): Promise<string[]> {
  return deps.uow.run(async (repos) => {
    const meeting = await repos.meetings.findById(meetingId);
    const c = meeting ? await repos.cases.findById(meeting.caseId) : null;
    if (!meeting || !c) return [];
    const invitations = await repos.invitations.listForMeeting(meetingId);
    const ids = new Set<string>([meeting.convenorId]);
    for (const inv of invitations) for (const id of [inv.inviteePractitionerId, inv.claimedById, inv.delegateId]) if (id) ids.add(id);
    const people = await repos.practitioners.findManyByIds([...ids]);
    // Only people of the case's own tenant get a copy: a practitioner row from another tenant never does.
    return people.filter((p) => p.platform === platform && p.platformTenant === c.tenant).map((p) => p.platformUserId);
  });
}
