import { ROW_AGENCY } from "../../domain/agency/agency";
import { AnswerTimesSchema, type AnswerTimesCommand } from "../../domain/commands/command.schemas";
import { answerRight, type Invitation } from "../../domain/invitation/invitation";
import { DomainError } from "../../domain/shared/domain-error";
import { agencyOfPractitioner } from "../agency-of";
import type { AppDeps } from "../app-deps";
import { meetingInConversation } from "../authorisation";
import { commandKey, runOnce } from "../idempotency";
import type { Practitioner } from "../ports/practitioner";
import type { Repositories } from "../ports/unit-of-work";
import { enqueueRosterUpdate, loadRoster } from "../views/load-roster";
import type { RosterView } from "../views/view-models";
import { resolveActor } from "./resolve-actor";

/**
 * The rows someone answers times for, decided from our rows: their own, one delegated to them,
 * one they claimed, and an unclaimed agency contact row of their own agency (a police officer
 * for the police duty desk row), which they answer for without claiming it.
 */
async function rowsAnsweredBy(repos: Repositories, rows: readonly Invitation[], actor: Practitioner): Promise<Invitation[]> {
  const agency = await agencyOfPractitioner(repos, actor);
  return rows.filter((r) => {
    const right = answerRight(r, actor.id);
    if (right === "claim") return agency !== null && ROW_AGENCY[r.role] === agency;
    return right !== null;
  });
}

/**
 * An invitee marks which proposed times they can make, for every row they answer for; every
 * time not ticked is a "cannot". Answering again replaces the earlier answer. The roster's poll
 * updates in place everywhere. Refused privately for someone with no row on the roster.
 */
export async function answerMeetingTimes(deps: AppDeps, input: AnswerTimesCommand): Promise<{ roster: RosterView; rows: number }> {
  const cmd = AnswerTimesSchema.parse(input);
  return deps.uow.run((repos) =>
    runOnce(repos, commandKey(cmd.conversation, "answer-times", cmd.key), async () => {
      const now = deps.clock.now();
      const actor = await resolveActor(repos, cmd.actor);
      const { c, meeting } = await meetingInConversation(repos, cmd.conversation, cmd.meetingId, cmd.actor);
      const times = meeting.status === "proposed" ? await repos.timePolls.listForMeeting(meeting.id) : [];
      if (!times.length) throw new DomainError("NO_TIMES_PROPOSED", meeting.status === "scheduled" ? "A time has already been picked for this meeting: answer on the roster card." : "No times are proposed for this meeting.");
      const unknown = cmd.available.filter((id) => !times.some((t) => t.id === id));
      if (unknown.length) throw new DomainError("TIME_NOT_PROPOSED", "The times changed since this form was shown. Press \"Times I can make…\" again.");
      const rows = await repos.invitations.listForMeeting(meeting.id);
      const mine = await rowsAnsweredBy(repos, rows, actor);
      if (!mine.length) throw new DomainError("NOT_INVITED", "You have no row on this roster, so there are no times for you to mark. The convenor can invite you with Change invitees…");
      for (const row of mine) {
        for (const t of times) await repos.timePolls.saveAnswer({ slotId: t.id, invitationId: row.id, available: cmd.available.includes(t.id), answeredById: actor.id, answeredAt: now });
      }
      await repos.audit.append({ at: now, actorId: actor.id, action: "change", entityType: "meeting", entityId: meeting.id, caseId: c.id, detail: { timesAnswered: mine.map((r) => r.role), canMake: cmd.available.length, of: times.length } });
      // Answering times changes no meeting, case or roster row: the card is built from those in hand.
      const roster = await loadRoster(repos, meeting.id, now.getTime(), deps.calendarLinks, { meeting, c, invitations: rows });
      await enqueueRosterUpdate(repos, c.id, roster, `answer-times-${cmd.key}`, now);
      return { roster, rows: mine.length };
    }),
  );
}
