import { z } from "zod";
import { CommandBase } from "../../domain/commands/command.schemas";
import { REFERRAL_RESPONSES, REFERRAL_RESPONSE_LABELS } from "../../domain/deadline/closing-events";
import { getRule } from "../../domain/deadline/statutory-rules";
import { DomainError } from "../../domain/shared/domain-error";
import { isoDateInLondon } from "../../domain/shared/iso-date";
import type { NoticeView } from "../views/view-models";
import { caseOfConversation, requireCaseManager } from "../authorisation";
import { commandKey, runOnce } from "../idempotency";
import type { AppDeps } from "../app-deps";
import { closeOpenDeadline } from "../deadlines/close-clock";
import { dueDateLabel } from "../views/due-date-label";
import { resolveActor } from "./resolve-actor";
import { workingDays } from "../../domain/language/plural";

const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-20.");

export const RecordClosingEventSchema = CommandBase.extend({
  deadlineId: z.string().min(1),
  /** The day it happened: the decision, or the assessment's conclusion. */
  closedOn: DATE,
  event: z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("referral-decision"),
      response: z.enum(REFERRAL_RESPONSES, { error: "Choose the response decided." }),
      /** The day the referrer was told. */
      feedbackOn: DATE,
      /** How the referrer was told. */
      feedbackHow: z.string().trim().max(200, "Keep this under 200 characters.").optional(),
    }),
    z.object({
      kind: z.literal("assessment-concluded"),
      /** Required when the assessment concluded after its due date. */
      overrunReason: z.string().trim().max(500, "Keep the reason under 500 characters.").optional(),
    }),
    z.object({
      /** A looked-after child's permanence plan was recorded (local rule: within 4 months). */
      kind: z.literal("permanence-plan-recorded"),
    }),
  ]),
});
/** Records the event that closes a referral-decision, assessment or permanence-plan clock. */
export type RecordClosingEventCommand = z.infer<typeof RecordClosingEventSchema>;

const RULE_OF = { "referral-decision": "referral-decision", "assessment-concluded": "assessment", "permanence-plan-recorded": "permanence-plan" } as const;

/**
 * Closes the referral-decision clock (the response decided, with the feedback to the referrer
 * as a recorded step) or the assessment clock (concluded; an overrun needs its reason, which is
 * kept). Judged on the event's own date; a date in the future or before the clock began is
 * refused beside its box. The permanence plan of a looked-after child closes its clock (local
 * rule, 4 months) the same way. The case's social worker or team manager records it.
 */
export async function recordClosingEvent(deps: AppDeps, input: RecordClosingEventCommand): Promise<{ notice: NoticeView }> {
  const cmd = RecordClosingEventSchema.parse(input);
  return deps.uow.run((repos) =>
    runOnce(repos, commandKey(cmd.conversation, cmd.event.kind, cmd.key), async () => {
      const now = deps.clock.now();
      const actor = await resolveActor(repos, cmd.actor);
      const c = await caseOfConversation(repos, cmd.conversation.platform, cmd.conversation.conversationId, cmd.actor);
      const d = await repos.deadlines.findById(cmd.deadlineId);
      if (!d || d.caseId !== c.id) throw new DomainError("DEADLINE_NOT_FOUND", "That deadline is not part of this case.");
      requireCaseManager(c, actor, "record this");
      if (d.rule !== RULE_OF[cmd.event.kind]) throw new DomainError("WRONG_CLOSING_EVENT", `That deadline is the ${getRule(d.rule).title.toLowerCase()}, which this does not close.`);
      if (d.status !== "open") throw new DomainError("DEADLINE_CLOSED", `That deadline is already ${d.status}.`);
      let reason: string | null = null;
      let detail: Record<string, unknown> | undefined;
      const e = cmd.event;
      if (e.kind === "referral-decision") {
        if (e.feedbackOn > isoDateInLondon(now)) throw new DomainError("CLOSED_ON_IN_FUTURE", "That date is in the future. Give the day the referrer was told.", { field: "feedbackOn" });
        if (e.feedbackOn < d.sourceDate) throw new DomainError("CLOSED_ON_BEFORE_START", "That date is before the referral arrived. Check the date.", { field: "feedbackOn" });
        detail = { response: e.response, feedbackOn: e.feedbackOn, ...(e.feedbackHow ? { feedbackHow: e.feedbackHow } : {}) };
      } else if (e.kind === "assessment-concluded") {
        reason = e.overrunReason?.trim() || null;
        if (cmd.closedOn > d.dueDate && (!reason || reason.length < 10)) {
          throw new DomainError("REASON_REQUIRED", `The assessment concluded after it was due (${dueDateLabel(d.dueDate)}): say in a sentence why.`, { field: "reason" });
        }
      }
      const closed = await closeOpenDeadline(deps, repos, d, { kind: e.kind, on: cmd.closedOn, byId: actor.id, reason, dateField: "closedOn", ...(detail ? { detail } : {}) });
      const what = e.kind === "referral-decision" ? `Referral decision: ${REFERRAL_RESPONSE_LABELS[e.response]}` : e.kind === "assessment-concluded" ? "Assessment concluded" : "Permanence plan recorded";
      const notice = {
        title: `${what} · ${c.reference}`,
        text: `Recorded by ${actor.displayName} for ${dueDateLabel(cmd.closedOn)}: ${closed.status === "met" ? "within" : "outside"} timescale (${workingDays(closed.workingDaysTaken)}).`,
      };
      for (const link of await repos.channelLinks.listForCase(c.id)) {
        await repos.outbox.enqueue({ idempotencyKey: `deadline/${d.id}/closed/${link.id}`, channelLinkId: link.id, operation: "post", payload: { type: "notice", view: notice }, availableAt: now });
      }
      return { notice };
    }),
  );
}
