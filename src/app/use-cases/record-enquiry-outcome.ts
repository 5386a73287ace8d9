import { z } from "zod";
import { CommandBase } from "../../domain/commands/command.schemas";
import { ENQUIRY_OUTCOMES, ENQUIRY_OUTCOME_LABELS, recordEnquiryOutcome } from "../../domain/enquiry/section-47-enquiry";
import { DomainError } from "../../domain/shared/domain-error";
import { isoDateInLondon } from "../../domain/shared/iso-date";
import type { NoticeView } from "../views/view-models";
import { caseOfConversation, requireCaseManager } from "../authorisation";
import { commandKey, runOnce } from "../idempotency";
import type { AppDeps } from "../app-deps";
import { waiveOpenDeadline } from "../deadlines/open-deadline";
import { dueDateLabel } from "../views/due-date-label";
import { resolveActor } from "./resolve-actor";

export const RecordEnquiryOutcomeSchema = CommandBase.extend({
  enquiryId: z.string().min(1),
  outcome: z.enum(ENQUIRY_OUTCOMES, { error: "Choose the enquiry's outcome." }),
  /** The day the outcome was reached. */
  outcomeOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-20."),
  /** Why there will be no conference (required for that outcome), or a note on the outcome. */
  reason: z.string().trim().max(500, "Keep the reason under 500 characters.").optional(),
});
/** Records how a section 47 enquiry ended. */
export type RecordEnquiryOutcomeCommand = z.infer<typeof RecordEnquiryOutcomeSchema>;

/**
 * Records a section 47 enquiry's outcome from chat (the case's social worker or team manager),
 * through the domain's rules: an outcome that contradicts the record is refused beside its box.
 * - Substantiated, conference: the enquiry awaits its conference; its clock stays open.
 * - Substantiated without a conference, or not substantiated: the enquiry closes and its
 *   initial conference clock stops, the waiver citing the outcome (no conference is due).
 * The case channels are told through the outbox; the reason itself stays on the record only.
 */
export async function recordEnquiryOutcomeFromChat(deps: AppDeps, input: RecordEnquiryOutcomeCommand): Promise<{ notice: NoticeView }> {
  const cmd = RecordEnquiryOutcomeSchema.parse(input);
  return deps.uow.run((repos) =>
    runOnce(repos, commandKey(cmd.conversation, "enquiry-outcome", cmd.key), async () => {
      const now = deps.clock.now();
      const actor = await resolveActor(repos, cmd.actor);
      const c = await caseOfConversation(repos, cmd.conversation.platform, cmd.conversation.conversationId, cmd.actor);
      const enquiry = await repos.enquiries.findById(cmd.enquiryId);
      if (!enquiry || enquiry.caseId !== c.id) throw new DomainError("ENQUIRY_NOT_FOUND", "That enquiry is not part of this case.");
      requireCaseManager(c, actor, "record an enquiry's outcome");
      if (cmd.outcomeOn > isoDateInLondon(now)) throw new DomainError("CLOSED_ON_IN_FUTURE", "That date is in the future. Give the day the outcome was reached.", { field: "date" });
      const clocks = (await repos.deadlines.listForCase(c.id)).filter((d) => d.rule === "icpc" && d.sourceId === enquiry.id);
      const open = clocks.filter((d) => d.status === "open");
      const ctx = {
        icpcClockOpen: open.length > 0,
        icpcHeld: clocks.some((d) => (d.status === "met" || d.status === "missed") && d.closingEvent === "meeting-held"),
      };
      const ended = recordEnquiryOutcome(enquiry, cmd.outcome, cmd.outcomeOn, cmd.reason ?? null, actor.id, ctx);
      await repos.enquiries.update(ended);
      if (ended.status === "closed") {
        const why = `Section 47 enquiry outcome: ${ENQUIRY_OUTCOME_LABELS[cmd.outcome].toLowerCase()}`;
        for (const d of open) await waiveOpenDeadline(repos, d, why, actor.id, now);
      }
      await repos.audit.append({
        at: now, actorId: actor.id, action: "change", entityType: "s47-enquiry", entityId: enquiry.id, caseId: c.id,
        detail: { outcome: cmd.outcome, outcomeDate: cmd.outcomeOn, status: ended.status },
      });
      const next = ended.status === "awaiting-conference"
        ? ` The initial conference is still due by ${dueDateLabel(open[0]!.dueDate)}.`
        : " No initial conference is due for this enquiry.";
      const notice = {
        title: `Section 47 enquiry outcome · ${c.reference}`,
        text: `${ENQUIRY_OUTCOME_LABELS[cmd.outcome]}. Reached ${dueDateLabel(cmd.outcomeOn)}, recorded by ${actor.displayName}.${next}`,
      };
      for (const link of await repos.channelLinks.listForCase(c.id)) {
        await repos.outbox.enqueue({ idempotencyKey: `enquiry/${enquiry.id}/outcome/${link.id}`, channelLinkId: link.id, operation: "post", payload: { type: "notice", view: notice }, availableAt: now });
      }
      return { notice };
    }),
  );
}
