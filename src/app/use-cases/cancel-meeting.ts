import { CancelMeetingSchema, type CancelMeetingCommand } from "../../domain/commands/command.schemas";
import { cancelMeeting as cancel } from "../../domain/meeting/meeting";
import { meetingKindTitle } from "../../domain/meeting/meeting-kind";
import type { AppDeps } from "../app-deps";
import { meetingForOwner } from "../owned-meeting";
import { commandKey, runOnce } from "../idempotency";
import { inviteeMentions } from "../views/invitee-mentions";
import { enqueueRosterUpdate, loadRoster } from "../views/load-roster";
import type { RosterView } from "../views/view-models";
import { enqueueCalendarSync } from "../online-meetings/enqueue-calendar-sync";

/**
 * Cancels an open meeting with a reason. The convenor, the case's social worker or team
 * manager may. Chasing stops, the roster updates in place, and the case channels are told,
 * mentioning everyone invited by name. The reason stays on the meeting. Audited.
 */
export async function cancelMeetingUseCase(deps: AppDeps, input: CancelMeetingCommand): Promise<{ roster: RosterView }> {
  const cmd = CancelMeetingSchema.parse(input);
  return deps.uow.run((repos) =>
    runOnce(repos, commandKey(cmd.conversation, "cancel", cmd.key), async () => {
      const now = deps.clock.now();
      const { actor, c, meeting } = await meetingForOwner(repos, cmd, "cancel the meeting");
      const cancelled = { ...cancel(meeting), cancelledReason: cmd.reason };
      await repos.meetings.update(cancelled);
      const invitations = await repos.invitations.listForMeeting(meeting.id);
      for (const i of invitations) if (i.nextChaseAt) await repos.invitations.update({ ...i, nextChaseAt: null });
      const notice = {
        title: `${meetingKindTitle(meeting.kind)} cancelled · ${c.reference}`,
        text: `Cancelled by ${actor.displayName}. Why: ${cmd.reason}`,
        mentions: await inviteeMentions(repos, invitations),
      };
      for (const link of await repos.channelLinks.listForCase(c.id)) {
        await repos.outbox.enqueue({ idempotencyKey: `meeting/${meeting.id}/cancelled/${link.id}`, channelLinkId: link.id, operation: "post", payload: { type: "notice", view: notice }, availableAt: now });
      }
      await repos.audit.append({ at: now, actorId: actor.id, action: "change", entityType: "meeting", entityId: meeting.id, caseId: c.id, detail: { status: "cancelled" } });
      const roster = await loadRoster(repos, meeting.id, now.getTime(), deps.calendarLinks);
      await enqueueRosterUpdate(repos, c.id, roster, `cancelled-${cmd.key}`, now);
      await enqueueCalendarSync(deps, repos, c.id, meeting.id, `cancelled-${cmd.key}`, now);
      return { roster };
    }),
  );
}
