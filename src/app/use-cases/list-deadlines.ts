import { ListDeadlinesSchema, type ListDeadlinesCommand } from "../../domain/commands/command.schemas";
import { parseCaseReference } from "../../domain/case/case-reference";
import { getRule, isRuleId } from "../../domain/deadline/statutory-rules";
import { DomainError } from "../../domain/shared/domain-error";
import { isoDateInLondon } from "../../domain/shared/iso-date";
import type { DeadlineLineView, DeadlinesView } from "../views/view-models";
import type { AppDeps } from "../app-deps";
import { caseOfConversation } from "../authorisation";
import { dueDateLabel } from "../views/due-date-label";

/**
 * `deadlines [case-ref]`: the case's open deadlines and actions, soonest first. Shown only
 * in a conversation linked to that case (need-to-know).
 */
export async function listDeadlines(deps: AppDeps, input: ListDeadlinesCommand): Promise<DeadlinesView> {
  const cmd = ListDeadlinesSchema.parse(input);
  return deps.uow.run(async (repos) => {
    const c = await caseOfConversation(repos, cmd.conversation.platform, cmd.conversation.conversationId);
    if (cmd.caseRef && parseCaseReference(cmd.caseRef) !== c.reference) {
      throw new DomainError("CASE_NOT_LINKED", `This conversation is linked to ${c.reference}, not ${parseCaseReference(cmd.caseRef)}.`);
    }
    const today = isoDateInLondon(deps.clock.now());
    const lines: DeadlineLineView[] = [];
    for (const d of await repos.deadlines.listOpenForCase(c.id)) {
      if (d.actionId) continue; // shown with its action below
      lines.push({
        id: d.id,
        kind: "deadline",
        title: isRuleId(d.rule) ? getRule(d.rule).title : d.rule,
        dueDate: d.dueDate,
        dueDateLabel: dueDateLabel(d.dueDate),
        workingDaysRemaining: deps.calendar.workingDaysBetween(today, d.dueDate),
        status: d.status,
        ownerLabel: null,
      });
    }
    for (const a of await repos.actions.listOpenForCase(c.id)) {
      lines.push({
        id: a.id,
        kind: "action",
        title: a.description,
        dueDate: a.dueDate,
        dueDateLabel: dueDateLabel(a.dueDate),
        workingDaysRemaining: deps.calendar.workingDaysBetween(today, a.dueDate),
        status: a.status,
        ownerLabel: a.ownerLabel,
      });
    }
    lines.sort((x, y) => x.dueDate.localeCompare(y.dueDate));
    return { caseReference: c.reference, lines };
  });
}
