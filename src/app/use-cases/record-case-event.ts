import { z } from "zod";
import { CommandBase } from "../../domain/commands/command.schemas";
import { parseCaseReference } from "../../domain/case/case-reference";
import { getRule } from "../../domain/deadline/statutory-rules";
import { DomainError } from "../../domain/shared/domain-error";
import { isoDateInLondon, parseIsoDate } from "../../domain/shared/iso-date";
import type { NoticeView } from "../views/view-models";
import { caseOfConversation, requireCaseManager } from "../authorisation";
import { commandKey, runOnce } from "../idempotency";
import type { AppDeps } from "../app-deps";
import { createDeadlines, type DeadlineTrigger } from "../deadlines/plan-deadlines";
import { waiveOpenDeadline } from "../deadlines/deadline-events";
import { dueDateLabel } from "../views/due-date-label";
import { resolveActor } from "./resolve-actor";
import { ongoingEnquiry, startEnquiry } from "../deadlines/section-47-enquiry";

/** Events that start statutory clocks without a meeting. */
export const CASE_EVENTS = ["referral", "transfer-in", "date-of-birth", "s47-enquiry", "looked-after"] as const;

export const RecordCaseEventSchema = CommandBase.extend({
  caseRef: z.string().min(1),
  event: z.enum(CASE_EVENTS),
  /** The referral's receipt, the notification of the move, the child's date of birth, the day a section 47 enquiry started, or the day the child became looked after (YYYY-MM-DD). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-20."),
});
/** Records a referral, a transfer-in notification, the child's date of birth, the start of a section 47 enquiry, or the day the child became looked after. */
export type RecordCaseEventCommand = z.infer<typeof RecordCaseEventSchema>;

/**
 * Starts the clocks of DOMAIN.md's table that no meeting starts: a referral (decision in 1
 * working day, assessment in 45), a transfer-in notification (conference in 15 working
 * days), the child's date of birth (a review planned before the 18th birthday) and the day a
 * section 47 enquiry started when no strategy discussion record says so (the census s47
 * start; its one initial conference clock counts from it), and the day the child became looked
 * after (the local permanence plan rule: 4 months). The
 * case's social worker or manager records them from the case channel; each opens once.
 */
export async function recordCaseEvent(deps: AppDeps, input: RecordCaseEventCommand): Promise<{ notice: NoticeView }> {
  const cmd = RecordCaseEventSchema.parse(input);
  const reference = parseCaseReference(cmd.caseRef);
  const date = parseIsoDate(cmd.date);
  // A referral or notification cannot come from the future; a date of birth can (an unborn baby's due date).
  if (cmd.event !== "date-of-birth" && date > isoDateInLondon(deps.clock.now())) {
    throw new DomainError("DATE_IN_FUTURE", "That date is in the future. Give the day it happened.");
  }
  return deps.uow.run((repos) =>
    runOnce(repos, commandKey(cmd.conversation, "case-event", cmd.key), async () => {
      const now = deps.clock.now();
      const actor = await resolveActor(repos, cmd.actor);
      const c = await caseOfConversation(repos, cmd.conversation.platform, cmd.conversation.conversationId, cmd.actor);
      if (c.reference !== reference) throw new DomainError("CASE_NOT_LINKED", `This conversation is linked to ${c.reference}, not ${reference}.`);
      requireCaseManager(c, actor, "record case events");
      if (cmd.event === "s47-enquiry") {
        // One enquiry at a time: a second start would open a second initial conference clock.
        const ongoing = await ongoingEnquiry(repos, c.id);
        if (ongoing) {
          throw new DomainError("ENQUIRY_ALREADY_OPEN", `A section 47 enquiry started on ${dueDateLabel(ongoing.startDate)} is still under way on ${c.reference}. Record its outcome before starting another.`);
        }
        const { enquiry, icpc } = await startEnquiry(deps, repos, c, { startDate: date, startSource: "recorded", meetingId: null, actorId: actor.id });
        await repos.audit.append({ at: now, actorId: actor.id, action: "create", entityType: "case-event", entityId: c.id, caseId: c.id, detail: { event: cmd.event, enquiryId: enquiry.id, deadlines: [icpc.id] } });
        return {
          notice: {
            title: `${c.reference}: section 47 enquiry started`,
            text: `Started ${dueDateLabel(date)}, recorded by ${actor.displayName}.\n${getRule("icpc").title}: due ${dueDateLabel(icpc.dueDate)}`,
          },
        };
      }
      let trigger: DeadlineTrigger;
      if (cmd.event === "referral") trigger = { kind: "referral-received", sourceId: `referral:${date}`, receivedOn: date };
      else if (cmd.event === "transfer-in") trigger = { kind: "transfer-in-notified", sourceId: `transfer-in:${date}`, notifiedOn: date };
      else if (cmd.event === "looked-after") trigger = { kind: "looked-after", sourceId: `looked-after:${date}`, lookedAfterOn: date };
      else {
        if (c.childDateOfBirth && c.childDateOfBirth !== date) {
          // A corrected date of birth moves the 18th birthday: the old clock must not keep nudging.
          for (const d of await repos.deadlines.listOpenForCase(c.id)) {
            if (d.rule !== "review-before-18") continue;
            await waiveOpenDeadline(repos, d, "Date of birth corrected", actor.id, now);
          }
        }
        await repos.cases.update({ ...c, childDateOfBirth: date });
        trigger = { kind: "date-of-birth-known", dateOfBirth: date };
      }
      const rows = await createDeadlines(repos, c, trigger, deps);
      await repos.audit.append({ at: now, actorId: actor.id, action: "create", entityType: "case-event", entityId: c.id, caseId: c.id, detail: { event: cmd.event, deadlines: rows.map((r) => r.id) } });
      const lines = rows.map((r) => `${getRule(r.rule).title}: due ${dueDateLabel(r.dueDate)}`);
      return { notice: { title: `${c.reference}: clocks started`, text: lines.join("\n") } };
    }),
  );
}
