import { WaiveDeadlineSchema, type WaiveDeadlineCommand } from "../../domain/commands/command.schemas";
import { DomainError } from "../../domain/shared/domain-error";
import type { NoticeView } from "../views/view-models";
import { caseOfConversation, requireTeamManager } from "../authorisation";
import { commandKey, runOnce } from "../idempotency";
import type { AppDeps } from "../app-deps";
import { resolveActor } from "./resolve-actor";
import { waiveOpenDeadline } from "../deadlines/deadline-events";
import { getRule, isRuleId } from "../../domain/deadline/statutory-rules";
import { dueDateLabel } from "../views/due-date-label";

/** A team manager waives an open deadline, with a reason that stays on the record; nudges stop. */
export async function waiveDeadline(deps: AppDeps, input: WaiveDeadlineCommand): Promise<{ notice: NoticeView }> {
  const cmd = WaiveDeadlineSchema.parse(input);
  return deps.uow.run((repos) =>
    runOnce(repos, commandKey(cmd.conversation, "waive", cmd.key), async () => {
      const now = deps.clock.now();
      const actor = await resolveActor(repos, cmd.actor);
      const c = await caseOfConversation(repos, cmd.conversation.platform, cmd.conversation.conversationId, cmd.actor);
      const d = await repos.deadlines.findById(cmd.deadlineId);
      if (!d || d.caseId !== c.id) throw new DomainError("DEADLINE_NOT_FOUND", "That deadline is not part of this case.");
      requireTeamManager(c, actor);
      if (d.status !== "open") throw new DomainError("DEADLINE_CLOSED", `That deadline is already ${d.status}.`);
      await waiveOpenDeadline(repos, d, cmd.reason, actor.id, now);
      const title = isRuleId(d.rule) ? getRule(d.rule).title : d.rule;
      const notice = { title: `Deadline waived for ${c.reference}`, text: `${title} (due ${dueDateLabel(d.dueDate)}) waived by ${actor.displayName}: ${cmd.reason}` };
      // Everyone in the case channels sees that a clock stopped, and why: a waiver is a decision.
      for (const link of await repos.channelLinks.listForCase(c.id)) {
        await repos.outbox.enqueue({ idempotencyKey: `deadline/${d.id}/waived/${link.id}`, channelLinkId: link.id, operation: "post", payload: { type: "notice", view: notice }, availableAt: now });
      }
      return { notice };
    }),
  );
}
