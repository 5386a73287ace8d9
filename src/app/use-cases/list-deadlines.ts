import { ListDeadlinesSchema, type ListDeadlinesCommand } from "../../domain/commands/command.schemas";
import { parseCaseReference } from "../../domain/case/case-reference";
import { getRule, isRuleId } from "../../domain/deadline/statutory-rules";
import { DomainError } from "../../domain/shared/domain-error";
import { isoDateInLondon } from "../../domain/shared/iso-date";
import type { ClosedLineView, DeadlineLineView, DeadlinesView } from "../views/view-models";
import type { AppDeps } from "../app-deps";
import { caseOfConversation } from "../authorisation";
import { dueDateLabel } from "../views/due-date-label";
import { CLOSING_EVENT_WORDS } from "../views/closing-event-words";
import { planInForce } from "../deadlines/child-protection-plan";


/**
 * `deadlines [case-ref]`: the case's open deadlines and actions, soonest first, then
 * the clocks already closed (met, missed or waived). Shown only
 * in a conversation linked to that case (need-to-know).
 */
export async function listDeadlines(deps: AppDeps, input: ListDeadlinesCommand): Promise<DeadlinesView> {
  const cmd = ListDeadlinesSchema.parse(input);
  return deps.uow.run(async (repos) => {
    const c = await caseOfConversation(repos, cmd.conversation.platform, cmd.conversation.conversationId, cmd.actor);
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
        ...(d.rule === "referral-decision" || d.rule === "assessment" || d.rule === "permanence-plan" ? { closeWith: d.rule } : {}),
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
    const closed: ClosedLineView[] = (await repos.deadlines.listForCase(c.id))
      .filter((d) => d.status !== "open")
      .sort((x, y) => (y.closedAt?.getTime() ?? 0) - (x.closedAt?.getTime() ?? 0))
      .map((d) => ({
        id: d.id,
        title: d.actionId ? "Agreed action" : isRuleId(d.rule) ? getRule(d.rule).title : d.rule,
        status: d.status as ClosedLineView["status"],
        dueDateLabel: dueDateLabel(d.dueDate),
        closedOnLabel: d.closedOn ? dueDateLabel(d.closedOn) : null,
        workingDaysTaken: d.status === "waived" ? null : d.workingDaysTaken,
        how: d.status === "waived" ? `waived: ${d.waivedReason ?? "no reason given"}` : CLOSING_EVENT_WORDS[d.closingEvent ?? ""] ?? "closed",
      }));
    const enquiry = (await repos.enquiries.listForCase(c.id)).find((e) => e.status === "open");
    const openEnquiry = enquiry ? { id: enquiry.id, startDateLabel: dueDateLabel(enquiry.startDate), startedBy: enquiry.startSource } : undefined;
    const plan = await planInForce(repos, c.id);
    return { caseReference: c.reference, lines, closed, ...(openEnquiry ? { openEnquiry } : {}), ...(plan ? { planInForce: { startedOnLabel: dueDateLabel(plan.startedOn) } } : {}) };
  });
}
