import { DateTime } from "luxon";
import { nextChaseAt } from "../../domain/chase/chase-plan";
import { RescheduleMeetingSchema, type RescheduleMeetingCommand } from "../../domain/commands/command.schemas";
import { parseLondonTime, requireSensibleMeetingDate } from "../../domain/meeting/meeting-date";
import { meetingKindTitle } from "../../domain/meeting/meeting-kind";
import { DomainError } from "../../domain/shared/domain-error";
import { LONDON } from "../../domain/shared/iso-date";
import type { AppDeps } from "../app-deps";
import { meetingForOwner } from "../owned-meeting";
import { commandKey, runOnce } from "../idempotency";
import { inviteeMentions } from "../views/invitee-mentions";
import { enqueueRosterUpdate, loadRoster } from "../views/load-roster";
import type { RosterView } from "../views/view-models";
import { enqueueCalendarSync } from "../online-meetings/enqueue-calendar-sync";

/**
 * Moves an open meeting to a new time. The convenor, the case's social worker or team manager
 * may; the date must make sense, as when convening. Everyone who had answered is asked again
 * (an answer for Tuesday is not one for Thursday), required rows are chased again, the roster
 * updates in place, and the case channels are told, mentioning those who had answered. Audited.
 */
export async function rescheduleMeeting(deps: AppDeps, input: RescheduleMeetingCommand): Promise<{ roster: RosterView }> {
  const cmd = RescheduleMeetingSchema.parse(input);
  const scheduledAt = parseLondonTime(cmd.scheduledLocal);
  return deps.uow.run((repos) =>
    runOnce(repos, commandKey(cmd.conversation, "reschedule", cmd.key), async () => {
      const now = deps.clock.now();
      const { actor, c, meeting } = await meetingForOwner(repos, cmd, "move the meeting");
      if (meeting.status !== "proposed" && meeting.status !== "scheduled") throw new DomainError("MEETING_NOT_OPEN", `This meeting is ${meeting.status}; it can no longer be moved.`);
      requireSensibleMeetingDate(deps.calendar, cmd.scheduledLocal, now, cmd.confirm?.nonWorkingDay === true);
      if (meeting.scheduledAt && meeting.scheduledAt.getTime() === scheduledAt.getTime()) {
        throw new DomainError("SAME_TIME", "That is the time the meeting already has.", { field: "scheduledLocal" });
      }
      const invitations = await repos.invitations.listForMeeting(meeting.id);
      const answered = invitations.filter((i) => i.response !== "invited");
      await repos.meetings.update({ ...meeting, scheduledAt, status: "scheduled", sequence: (meeting.sequence ?? 0) + 1 });
      for (const i of invitations) {
        // A delegation stands (the person was chosen); every other answer is asked again.
        const reset = i.response === "delegated" ? i : { ...i, response: "invited" as const, responseReason: null, seniorityConfirmed: false, respondedAt: null };
        await repos.invitations.update({ ...reset, chaseCount: 0, nextChaseAt: i.required ? nextChaseAt(meeting.urgency, now, deps.calendar) : null });
      }
      const when = DateTime.fromJSDate(scheduledAt, { zone: LONDON }).toFormat("cccc d LLLL yyyy, HH:mm");
      const mentions = await inviteeMentions(repos, answered);
      const notice = {
        title: `${meetingKindTitle(meeting.kind)} moved · ${c.reference}`,
        text: `It is now on ${when} (UK time).${cmd.reason ? ` Why: ${cmd.reason}` : ""} Everyone who had answered, please answer again on the roster card.`,
        mentions,
      };
      for (const link of await repos.channelLinks.listForCase(c.id)) {
        await repos.outbox.enqueue({ idempotencyKey: `meeting/${meeting.id}/moved/${(meeting.sequence ?? 0) + 1}/${link.id}`, channelLinkId: link.id, operation: "post", payload: { type: "notice", view: notice }, availableAt: now });
      }
      await repos.audit.append({
        at: now, actorId: actor.id, action: "change", entityType: "meeting", entityId: meeting.id, caseId: c.id,
        detail: { rescheduled: true, from: meeting.scheduledAt?.toISOString() ?? null, to: scheduledAt.toISOString(), answersReset: answered.length },
      });
      const roster = await loadRoster(repos, meeting.id, now.getTime(), deps.calendarLinks);
      await enqueueRosterUpdate(repos, c.id, roster, `moved-${cmd.key}`, now);
      await enqueueCalendarSync(deps, repos, c.id, meeting.id, `moved-${cmd.key}`, now);
      return { roster };
    }),
  );
}
