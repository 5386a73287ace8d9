import { z } from "zod";
import { CommandBase } from "../../domain/commands/command.schemas";
import { DomainError } from "../../domain/shared/domain-error";
import { isoDateInLondon } from "../../domain/shared/iso-date";
import type { NoticeView } from "../views/view-models";
import { caseOfConversation } from "../authorisation";
import { commandKey, runOnce } from "../idempotency";
import type { AppDeps } from "../app-deps";
import { closeOpenDeadline } from "../deadlines/close-clock";
import { dueDateLabel } from "../views/due-date-label";
import { resolveActor } from "./resolve-actor";

export const CloseActionSchema = CommandBase.extend({
  actionId: z.string().min(1),
  outcome: z.enum(["done", "cancelled"]),
  /** Required to cancel: why the action is no longer needed. */
  reason: z.string().trim().max(500, "Keep the reason under 500 characters.").optional(),
});
/** Marks an agreed action done, or cancels it with a reason. */
export type CloseActionCommand = z.infer<typeof CloseActionSchema>;

/**
 * The action's owner, the convenor of the meeting that agreed it, or the case's social
 * worker or team manager marks an agreed action done (or cancels it with a reason). Its
 * clock closes (met or missed on today's date, the working days it took), its nudges stop,
 * it is audited, and the case channels are told without the action's words (free text
 * that may name the child).
 */
export async function closeAction(deps: AppDeps, input: CloseActionCommand): Promise<{ notice: NoticeView }> {
  const cmd = CloseActionSchema.parse(input);
  const reason = cmd.reason?.trim() ?? "";
  if (cmd.outcome === "cancelled" && reason.length < 10) {
    throw new DomainError("REASON_REQUIRED", "Say in a sentence why this action is cancelled.", { field: "reason" });
  }
  return deps.uow.run((repos) =>
    runOnce(repos, commandKey(cmd.conversation, `action-${cmd.outcome}`, cmd.key), async () => {
      const now = deps.clock.now();
      const actor = await resolveActor(repos, cmd.actor);
      const action = await repos.actions.findById(cmd.actionId);
      // From the case channel, the action must be that case's. From a personal chat or the
      // Slack App Home (the person's own list), the case is the action's own, in the actor's
      // tenant; who may close it is still decided from our rows below.
      const linked = await repos.channelLinks.findByConversation(cmd.conversation.platform, cmd.conversation.conversationId);
      const c = linked ? await caseOfConversation(repos, cmd.conversation.platform, cmd.conversation.conversationId, cmd.actor) : action ? await repos.cases.findById(action.caseId) : null;
      if (!c || !action || action.caseId !== c.id || (!linked && c.tenant !== cmd.actor.tenant)) {
        throw new DomainError("ACTION_NOT_FOUND", linked ? "That action is not part of this case." : "That action is not one Convene can find for you.");
      }
      const meeting = action.meetingId ? await repos.meetings.findById(action.meetingId) : null;
      const allowed = [action.ownerPractitionerId, meeting?.convenorId, c.leadSocialWorkerId, c.teamManagerId].includes(actor.id);
      if (!allowed) throw new DomainError("NOT_AUTHORISED", `Only the action's owner (${action.ownerLabel}), the convenor or the case's social worker can close it.`);
      if (action.status !== "open") throw new DomainError("ACTION_CLOSED", `That action is already ${action.status}.`);
      await repos.actions.update({ ...action, status: cmd.outcome });
      const today = isoDateInLondon(now);
      for (const d of await repos.deadlines.listOpenForCase(c.id)) {
        if (d.actionId !== action.id) continue;
        const closed = await closeOpenDeadline(deps, repos, d, { kind: cmd.outcome === "done" ? "action-done" : "action-cancelled", on: today, byId: actor.id, reason: reason || null });
        // A cancelled action was neither met nor missed: it is recorded as waived, with the reason.
        if (cmd.outcome === "cancelled") await repos.deadlines.update({ ...closed, status: "waived", waivedReason: reason });
      }
      await repos.audit.append({ at: now, actorId: actor.id, action: "change", entityType: "action", entityId: action.id, caseId: c.id, detail: { status: cmd.outcome } });
      const verb = cmd.outcome === "done" ? "marked done" : "cancelled";
      const notice = {
        title: `Agreed action ${verb} · ${c.reference}`,
        text: `The action for ${action.ownerLabel}, due ${dueDateLabel(action.dueDate)}, was ${verb} by ${actor.displayName}${cmd.outcome === "cancelled" ? `: ${reason}` : ""}. Its reminders stop.`,
      };
      for (const link of await repos.channelLinks.listForCase(c.id)) {
        await repos.outbox.enqueue({ idempotencyKey: `action/${action.id}/${cmd.outcome}/${link.id}`, channelLinkId: link.id, operation: "post", payload: { type: "notice", view: notice }, availableAt: now });
      }
      return { notice };
    }),
  );
}
