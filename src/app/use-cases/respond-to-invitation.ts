import { RespondToInvitationSchema, type RespondToInvitationCommand } from "../../domain/commands/command.schemas";
import { requireRowAgency } from "../../domain/agency/agency";
import { answerInvitation, answerRight, type InvitationAnswer } from "../../domain/invitation/invitation";
import { agencyOfPractitioner } from "../agency-of";
import { DomainError } from "../../domain/shared/domain-error";
import type { RosterView, RosterViewerView } from "../views/view-models";
import { rosterRightsOf } from "./get-roster";
import { caseOfLink } from "../authorisation";
import { commandKey, runOnce } from "../idempotency";
import type { AppDeps } from "../app-deps";
import { enqueueRosterUpdate, loadRoster } from "../views/load-roster";
import { enqueueCalendarSync } from "../online-meetings/enqueue-calendar-sync";
import { enqueueFreeBusyCheck } from "../online-meetings/enqueue-free-busy-check";
import { resolveActor } from "./resolve-actor";

/**
 * An invitee answers from the card: accept (confirming seniority), tentative, decline with
 * a reason, or delegate. Only the invitee, their delegate, or the first claimant of an
 * agency invitation may answer; the card then updates in place everywhere.
 */
export async function respondToInvitation(deps: AppDeps, input: RespondToInvitationCommand): Promise<{ roster: RosterView; viewer?: RosterViewerView }> {
  const cmd = RespondToInvitationSchema.parse(input);
  return deps.uow.run((repos) =>
    runOnce(repos, commandKey(cmd.conversation, "respond", cmd.key), async () => {
      const now = deps.clock.now();
      const actor = await resolveActor(repos, cmd.actor);
      // The row with the rest of its roster, and the case's links, each read once: the roster
      // update below is built from them.
      const rows = await repos.invitations.listWithSiblings(cmd.invitationId);
      const inv = rows.find((r) => r.id === cmd.invitationId);
      if (!inv) throw new DomainError("INVITATION_NOT_FOUND", "That invitation no longer exists.");
      const meeting = await repos.meetings.findById(inv.meetingId);
      const caseLinks = meeting ? await repos.channelLinks.listForCase(meeting.caseId) : [];
      // From the case channel, the meeting must be that case's. From a personal chat with the
      // bot (the invitation Convene sent the invitee), the case is the meeting's own, in the
      // actor's tenant; who may answer is still decided from our rows below. A conversation
      // not among the meeting's case's links may be linked to another case: look it up.
      const here = (l: { platform: string; conversationId: string }) => l.platform === cmd.conversation.platform && l.conversationId === cmd.conversation.conversationId;
      const linked = caseLinks.find(here) ?? (await repos.channelLinks.findByConversation(cmd.conversation.platform, cmd.conversation.conversationId));
      const c = linked ? await caseOfLink(repos, linked, cmd.conversation.platform, cmd.actor) : meeting ? await repos.cases.findById(meeting.caseId) : null;
      if (!c || (!linked && c.tenant !== cmd.actor.tenant)) throw new DomainError("CASE_NOT_LINKED", "This conversation is not linked to that meeting's case.");
      if (!meeting || meeting.caseId !== c.id) throw new DomainError("CASE_NOT_LINKED", "That meeting belongs to another case.");
      if (meeting.status === "cancelled" || meeting.status === "recorded") {
        throw new DomainError("MEETING_CLOSED", `This meeting is ${meeting.status}; answers can no longer change.`);
      }
      let answer: InvitationAnswer;
      if (cmd.answer.kind === "delegate") {
        const delegate = await resolveActor(repos, cmd.answer.delegate);
        // A row for police or health stays with that agency, whoever passes it on.
        requireRowAgency(inv, await agencyOfPractitioner(repos, delegate), delegate.displayName);
        answer = { kind: "delegate", delegateId: delegate.id, delegateLabel: delegate.displayName };
      } else {
        answer = cmd.answer;
      }
      const right = answerRight(inv, actor.id);
      // Claiming an agency's row (the first to answer a duty desk invitation) needs someone of that agency.
      if (right === "claim") requireRowAgency(inv, await agencyOfPractitioner(repos, actor));
      const updated = answerInvitation(inv, actor.id, actor.displayName, answer, now);
      await repos.invitations.update(updated);
      await repos.audit.append({
        at: now, actorId: actor.id, action: "change", entityType: "invitation", entityId: inv.id, caseId: c.id,
        detail: { response: updated.response, role: inv.role, claimed: updated.claimedById !== inv.claimedById },
      });
      // The meeting and case are as read above (an answer changes neither), the rows as saved.
      const invitations = rows.map((r) => (r.id === updated.id ? updated : r));
      const roster = await loadRoster(repos, meeting.id, now.getTime(), deps.calendarLinks, { meeting, c, invitations });
      await enqueueRosterUpdate(repos, c.id, roster, cmd.key, now, caseLinks);
      // A delegate or a claimant is now the one who attends for the row: their calendar needs the meeting.
      if (updated.delegateId !== inv.delegateId || updated.claimedById !== inv.claimedById) {
        await enqueueCalendarSync(deps, repos, c.id, meeting.id, `respond-${cmd.key}`, now);
        // While times are being found, the new person's free/busy replaces the old person's (whose advice the card already hides).
        if (roster.timePoll) await enqueueFreeBusyCheck(deps, repos, c.id, meeting.id, `respond-${cmd.key}`, now);
      }
      // What the presser may now press, from these same rows: the reply to their button is
      // their own copy of the card. Only from the case's own conversation, as getRoster
      // would give it; from a personal chat the reply stays the shared copy.
      if (!linked) return { roster };
      return { roster, viewer: await rosterRightsOf(repos, actor, meeting, c, invitations) };
    }),
  );
}
