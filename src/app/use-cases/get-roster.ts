import { requireRowAgency } from "../../domain/agency/agency";
import { answerRight } from "../../domain/invitation/invitation";
import type { ActorIdentity } from "../ports/actor";
import type { Repositories } from "../ports/unit-of-work";
import type { Practitioner } from "../ports/practitioner";
import type { Case } from "../../domain/case/case-reference";
import type { Invitation } from "../../domain/invitation/invitation";
import type { Meeting } from "../../domain/meeting/meeting";
import type { RosterView, RosterViewerView } from "../views/view-models";
import type { AppDeps } from "../app-deps";
import { agencyOfPractitioner } from "../agency-of";
import { canManageCase, meetingInConversation } from "../authorisation";
import { loadRoster } from "../views/load-roster";

/**
 * What `viewer` may press on a meeting's roster, by the same rules the use cases enforce:
 * a row they could answer (respondToInvitation: invitee, delegate, claimant, or a first
 * claim of an agency row their agency fits) and the convenor's buttons (markMeetingHeld,
 * recordDecision: the convenor or the case's social worker or manager). Null for a person
 * Convene has not met: they get the shared copy, with its private refusals.
 */
async function viewerRights(repos: Repositories, meetingId: string, viewer: ActorIdentity): Promise<RosterViewerView | null> {
  const person = await repos.practitioners.findByIdentity(viewer);
  const meeting = await repos.meetings.findById(meetingId);
  const c = meeting ? await repos.cases.findById(meeting.caseId) : null;
  if (!person || !meeting || !c) return null;
  return rosterRightsOf(repos, person, meeting, c);
}

/**
 * {@link viewerRights} from rows the caller already holds: a command that has just changed
 * the roster (an answer) says what the presser may press from the same transaction's rows,
 * instead of a second transaction reading them all again. `invitations`, when given, are
 * the meeting's rows as saved.
 */
export async function rosterRightsOf(repos: Repositories, person: Practitioner, meeting: Meeting, c: Case, invitations?: Invitation[]): Promise<RosterViewerView> {
  const meetingId = meeting.id;
  const open = meeting.status === "proposed" || meeting.status === "scheduled";
  const answerable: string[] = [];
  if (open) {
    const agency = await agencyOfPractitioner(repos, person);
    for (const inv of invitations ?? (await repos.invitations.listForMeeting(meetingId))) {
      const right = answerRight(inv, person.id);
      if (!right) continue;
      if (right === "claim") {
        try {
          requireRowAgency(inv, agency);
        } catch {
          continue;
        }
      }
      answerable.push(inv.id);
    }
  }
  return { answerableInvitationIds: answerable, canManageMeeting: meeting.convenorId === person.id || canManageCase(c, person) };
}

/**
 * The current roster card of a meeting, e.g. for Teams' card refresh. Read-only. Edges pass
 * the conversation asking: a meeting is shown only in a conversation linked to its case
 * (compared by case id, since references repeat across tenants). With `viewer`, only to a
 * person of the case's tenant (`WRONG_TENANT` otherwise: a Teams user of another tenant must
 * not refresh the roster into view), and the roster says what that person may press, for a
 * copy only they see.
 */
export async function getRoster(deps: AppDeps, meetingId: string, conversation?: { platform: "teams" | "slack"; conversationId: string }, viewer?: ActorIdentity): Promise<RosterView> {
  return deps.uow.run(async (repos) => {
    if (conversation) await meetingInConversation(repos, conversation, meetingId, viewer);
    const roster = await loadRoster(repos, meetingId, deps.clock.now().getTime(), deps.calendarLinks);
    const rights = viewer ? await viewerRights(repos, meetingId, viewer) : null;
    return rights ? { ...roster, viewer: rights } : roster;
  });
}
