import { PickTimeSchema, type PickTimeCommand } from "../../domain/commands/command.schemas";
import { requiredRoles } from "../../domain/meeting/meeting";
import { meetingKindTitle } from "../../domain/meeting/meeting-kind";
import { nextChaseAt } from "../../domain/chase/chase-plan";
import { answeredInChat } from "../../domain/invitation/invitation";
import { roleList, tallyTimes } from "../../domain/meeting/time-poll";
import { DomainError } from "../../domain/shared/domain-error";
import type { AppDeps } from "../app-deps";
import { enqueueCalendarSync } from "../online-meetings/enqueue-calendar-sync";
import { meetingForOwner } from "../owned-meeting";
import { commandKey, runOnce } from "../idempotency";
import { inviteeMentions } from "../views/invitee-mentions";
import { enqueueRosterUpdate, loadRoster } from "../views/load-roster";
import { londonLabel } from "../views/roster-view";
import type { RosterView } from "../views/view-models";

/**
 * The convenor picks one of the proposed times: the meeting is scheduled for it, the roster
 * shows the time and its calendar invite, and the case channels are told, mentioning everyone
 * invited, with which required roles said they can make it. A time already past is refused.
 * Audited.
 */
export async function pickMeetingTime(deps: AppDeps, input: PickTimeCommand): Promise<{ roster: RosterView }> {
  const cmd = PickTimeSchema.parse(input);
  return deps.uow.run((repos) =>
    runOnce(repos, commandKey(cmd.conversation, "pick-time", cmd.key), async () => {
      const now = deps.clock.now();
      const { actor, c, meeting } = await meetingForOwner(repos, cmd, "pick the time");
      if (meeting.status !== "proposed") throw new DomainError("MEETING_HAS_TIME", "This meeting already has a time. To move it, use Reschedule…");
      const times = await repos.timePolls.listForMeeting(meeting.id);
      const picked = times.find((t) => t.id === cmd.slotId);
      if (!picked) throw new DomainError("TIME_NOT_PROPOSED", "That time is not one of those proposed. Press \"Pick a time…\" again.", { field: "slotId" });
      if (picked.startsAt.getTime() <= now.getTime()) throw new DomainError("DATE_IN_PAST", `${londonLabel(picked.startsAt)} has passed. Pick a later time, or propose new ones.`, { field: "slotId" });
      const invitations = await repos.invitations.listForMeeting(meeting.id);
      const tally = tallyTimes(times, invitations, await repos.timePolls.listAnswers(meeting.id), requiredRoles(meeting.kind)).tallies.find((t) => t.slotId === picked.id)!;
      await repos.meetings.update({ ...meeting, scheduledAt: picked.startsAt, status: "scheduled" });
      // Now there is a time to accept: required rows that have not accepted are chased for it.
      for (const i of invitations) {
        if (i.required && answeredInChat(i) && i.response === "invited") await repos.invitations.update({ ...i, chaseCount: 0, nextChaseAt: nextChaseAt(meeting.urgency, now, deps.calendar) });
      }
      const missing = requiredRoles(meeting.kind).filter((r) => !tally.canMake.includes(r));
      const notice = {
        title: `Time picked · ${meetingKindTitle(meeting.kind)} · ${c.reference}`,
        text: `${actor.displayName} picked ${londonLabel(picked.startsAt)}. ${missing.length ? `Not yet able to make it: ${roleList(missing)}.` : `${roleList(requiredRoles(meeting.kind))} can all make it.`} Please answer on the roster card; the calendar invite is there.`,
        mentions: await inviteeMentions(repos, invitations),
      };
      for (const link of await repos.channelLinks.listForCase(c.id)) {
        await repos.outbox.enqueue({ idempotencyKey: `meeting/${meeting.id}/time-picked/${link.id}`, channelLinkId: link.id, operation: "post", payload: { type: "notice", view: notice }, availableAt: now });
      }
      await repos.audit.append({ at: now, actorId: actor.id, action: "change", entityType: "meeting", entityId: meeting.id, caseId: c.id, detail: { timePicked: picked.startsAt.toISOString(), requiredCanMake: missing.length === 0 } });
      const roster = await loadRoster(repos, meeting.id, now.getTime(), deps.calendarLinks);
      await enqueueRosterUpdate(repos, c.id, roster, `pick-time-${cmd.key}`, now);
      // The Teams meeting (when Graph is configured) follows: its attendees or its new time.
      await enqueueCalendarSync(deps, repos, c.id, meeting.id, `pick-time-${cmd.key}`, now);
      return { roster };
    }),
  );
}
