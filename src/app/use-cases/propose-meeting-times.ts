import { randomUUID } from "node:crypto";
import { ProposeTimesSchema, type ProposeTimesCommand } from "../../domain/commands/command.schemas";
import { meetingKindTitle } from "../../domain/meeting/meeting-kind";
import { nextChaseAt } from "../../domain/chase/chase-plan";
import { answeredInChat } from "../../domain/invitation/invitation";
import { checkProposedTimes, type ProposedTime } from "../../domain/meeting/time-poll";
import { DomainError } from "../../domain/shared/domain-error";
import type { AppDeps } from "../app-deps";
import { meetingForOwner } from "../owned-meeting";
import { commandKey, runOnce } from "../idempotency";
import { inviteeMentions } from "../views/invitee-mentions";
import { enqueueRosterUpdate, loadRoster } from "../views/load-roster";
import { enqueueFreeBusyCheck } from "../online-meetings/enqueue-free-busy-check";
import type { RosterView } from "../views/view-models";

/**
 * "Find a time": the convenor (or the case's social worker or team manager) proposes two to
 * five times for a meeting that has none yet. Each must be in the future, between 07:00 and
 * 20:00 UK time, and not a repeat. Proposing again replaces the earlier times and their
 * answers. The roster shows the poll in place, and the case channels are asked to mark the
 * times they can make, mentioning the named invitees. Audited.
 */
export async function proposeMeetingTimes(deps: AppDeps, input: ProposeTimesCommand): Promise<{ roster: RosterView }> {
  const cmd = ProposeTimesSchema.parse(input);
  return deps.uow.run((repos) =>
    runOnce(repos, commandKey(cmd.conversation, "propose-times", cmd.key), async () => {
      const now = deps.clock.now();
      const { actor, c, meeting } = await meetingForOwner(repos, cmd, "propose times");
      if (meeting.status !== "proposed") {
        throw new DomainError("MEETING_HAS_TIME", meeting.status === "scheduled" ? "This meeting already has a time. To move it, use Reschedule…" : `This meeting is ${meeting.status}; times can no longer be proposed.`);
      }
      const times: ProposedTime[] = checkProposedTimes(cmd.times, now).map((startsAt, i) => ({ id: randomUUID(), meetingId: meeting.id, ordinal: i + 1, startsAt }));
      await repos.timePolls.replaceForMeeting(meeting.id, times);
      // A new question: every required row is chased until it marks its times.
      for (const i of await repos.invitations.listForMeeting(meeting.id)) {
        if (i.required && answeredInChat(i)) await repos.invitations.update({ ...i, chaseCount: 0, nextChaseAt: nextChaseAt(meeting.urgency, now, deps.calendar) });
      }
      const roster = await loadRoster(repos, meeting.id, now.getTime(), deps.calendarLinks);
      const notice = {
        title: `Find a time · ${meetingKindTitle(meeting.kind)} · ${c.reference}`,
        text: `${actor.displayName} proposed ${times.length} times: ${roster.timePoll!.options.map((o) => o.label).join("; ")}. On the roster card, press "Times I can make…" and tick the times you can attend.`,
        mentions: await inviteeMentions(repos, await repos.invitations.listForMeeting(meeting.id)),
      };
      for (const link of await repos.channelLinks.listForCase(c.id)) {
        await repos.outbox.enqueue({ idempotencyKey: `meeting/${meeting.id}/times/${cmd.key}/${link.id}`, channelLinkId: link.id, operation: "post", payload: { type: "notice", view: notice }, availableAt: now });
      }
      await repos.audit.append({ at: now, actorId: actor.id, action: "change", entityType: "meeting", entityId: meeting.id, caseId: c.id, detail: { proposedTimes: times.map((t) => t.startsAt.toISOString()) } });
      await enqueueRosterUpdate(repos, c.id, roster, `times-${cmd.key}`, now);
      // With Graph configured, the invitees' Outlook free/busy at these times follows on the card (advisory).
      await enqueueFreeBusyCheck(deps, repos, c.id, meeting.id, `times-${cmd.key}`, now);
      return { roster };
    }),
  );
}
