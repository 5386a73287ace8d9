import { MarkMeetingHeldSchema, type MarkMeetingHeldCommand } from "../../domain/commands/command.schemas";
import { markHeld, requireMeetingDayReached } from "../../domain/meeting/meeting";
import { heldAtForClocks } from "../../domain/meeting/held-date";
import type { RosterView } from "../views/view-models";
import { meetingForOwner } from "../owned-meeting";
import { commandKey, runOnce } from "../idempotency";
import type { AppDeps } from "../app-deps";
import { enqueueRosterUpdate, loadRoster } from "../views/load-roster";
import { closeDeadlinesForHeldMeeting } from "../deadlines/deadline-events";

/**
 * The convenor marks the meeting held, saying who actually took part (accepting is not
 * attending), on or after the meeting's day. The quorum rule (social worker, health, police for a strategy discussion)
 * applies; an override must say why, and that reason stays on the record.
 */
export async function markMeetingHeld(deps: AppDeps, input: MarkMeetingHeldCommand): Promise<{ roster: RosterView }> {
  const cmd = MarkMeetingHeldSchema.parse(input);
  return deps.uow.run((repos) =>
    runOnce(repos, commandKey(cmd.conversation, "held", cmd.key), async () => {
      const now = deps.clock.now();
      const { actor, c, meeting } = await meetingForOwner(repos, cmd, "mark the meeting held");
      requireMeetingDayReached(meeting, now);
      const apologies = new Set(cmd.apologies ?? []);
      const said = new Map((cmd.attendance ?? []).map((a) => [a.invitationId, a]));
      // Who took part, as the convenor said row by row; a row not mentioned takes part only if it accepted.
      const invitations = (await repos.invitations.listForMeeting(meeting.id)).map((i) => {
        const a = said.get(i.id);
        const attendance = a?.attendance ?? (apologies.has(i.id) ? "apologies" : i.response === "accepted" ? "attended" : "absent");
        return { ...i, attendance, apologiesNote: attendance === "apologies" ? a?.note || null : null };
      });
      // Clocks are judged on the meeting's own date, not the day the button was pressed.
      const held = { ...markHeld(meeting, invitations, now, cmd.overrideReason), heldAt: heldAtForClocks(meeting, now) };
      await repos.meetings.update(held);
      for (const i of invitations) await repos.invitations.update(i);
      await closeDeadlinesForHeldMeeting(deps, repos, c, held, actor.id);
      await repos.audit.append({
        at: now, actorId: actor.id, action: "change", entityType: "meeting", entityId: meeting.id, caseId: c.id,
        detail: { status: "held", quorumOverride: held.quorumOverrideReason !== null, attended: invitations.filter((i) => i.attendance === "attended").map((i) => i.role) },
      });
      const roster = await loadRoster(repos, meeting.id, now.getTime(), deps.calendarLinks);
      await enqueueRosterUpdate(repos, c.id, roster, `held-${cmd.key}`, now);
      return { roster };
    }),
  );
}
