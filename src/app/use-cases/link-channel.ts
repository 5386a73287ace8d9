import { randomUUID } from "node:crypto";
import { LinkChannelSchema, type LinkChannelCommand } from "../../domain/commands/command.schemas";
import { CASE_REF_IDENTIFIES_CHILD, identifyingReason, parseCaseReference } from "../../domain/case/case-reference";
import { DomainError } from "../../domain/shared/domain-error";
import { getRule, isRuleId } from "../../domain/deadline/statutory-rules";
import { meetingKindTitle } from "../../domain/meeting/meeting-kind";
import { dueDateLabel } from "../views/due-date-label";
import { londonLabel } from "../views/roster-view";
import type { NoticeView } from "../views/view-models";
import { canManageCase } from "../authorisation";
import { commandKey, runOnce } from "../idempotency";
import type { AppDeps } from "../app-deps";
import { resolveActor } from "./resolve-actor";

/**
 * `link <case-ref>`: links this conversation to a case, creating the case if it is new (the
 * linker becomes its lead social worker), and stores the conversation reference for
 * proactive posts. Re-linking an existing case needs its social worker or manager.
 */
export async function linkChannel(deps: AppDeps, input: LinkChannelCommand): Promise<{ caseReference: string; created: boolean; notice: NoticeView }> {
  const cmd = LinkChannelSchema.parse(input);
  const reference = parseCaseReference(cmd.caseRef);
  return deps.uow.run((repos) =>
    runOnce(repos, commandKey(cmd.conversation, "link", cmd.key), async () => {
      const now = deps.clock.now();
      const actor = await resolveActor(repos, cmd.actor);
      let c = await repos.cases.findByReference(cmd.actor.tenant, reference);
      // Only a new reference is judged (refusing one already in use would strand its case), and
      // before anything else: a reference that identifies a child is refused whatever else holds.
      if (!c) {
        const identifying = identifyingReason(reference);
        if (identifying) throw new DomainError(CASE_REF_IDENTIFIES_CHILD, identifying, { field: "caseRef" });
      }
      const existing = await repos.channelLinks.findByConversation(cmd.conversation.platform, cmd.conversation.conversationId);
      if (existing && existing.caseId !== c?.id) {
        // Re-pointing a case channel silences the old case's nudges there: only someone who
        // manages that case may do it.
        const current = await repos.cases.findById(existing.caseId);
        if (current && !canManageCase(current, actor)) {
          throw new DomainError("ALREADY_LINKED", `This conversation is the case channel for ${current.reference}. Only that case's social worker or team manager can link it elsewhere.`);
        }
        if (current && !cmd.confirmMove) {
          // Nothing moves silently: say what this channel would stop receiving, and ask.
          const open = (await repos.meetings.listForCase(current.id)).filter((m) => m.status === "proposed" || m.status === "scheduled");
          const clocks = await repos.deadlines.listOpenForCase(current.id);
          const meetings = open.map((m) => `${meetingKindTitle(m.kind)}${m.scheduledAt ? ` (${londonLabel(m.scheduledAt)})` : ""}`);
          const due = clocks.map((d) => `${isRuleId(d.rule) ? getRule(d.rule).title : "Agreed action"} (due ${dueDateLabel(d.dueDate)})`);
          const list = (items: string[]) => (items.length > 5 ? `${items.slice(0, 5).join("; ")}; and ${items.length - 5} more` : items.join("; "));
          throw new DomainError(
            "RELINK_NEEDS_CONFIRMATION",
            `This conversation is the case channel for ${current.reference}. Linking it to ${reference} moves its cards and nudges here to ${reference}; ${current.reference} would post here no more.` +
              (meetings.length ? ` Open meetings of ${current.reference}: ${list(meetings)}.` : ` ${current.reference} has no open meetings.`) +
              (due.length ? ` Open clocks: ${list(due)}.` : " It has no open clocks.") +
              ` Link ${current.reference} to another channel first if it still needs one.`,
            { confirm: "move", from: current.reference },
          );
        }
      }
      const created = !c;
      if (!c) {
        c = await repos.cases.create({ id: randomUUID(), tenant: cmd.actor.tenant, reference, leadSocialWorkerId: actor.id, teamManagerId: null, childDateOfBirth: null });
      } else if (!canManageCase(c, actor)) {
        throw new DomainError("NOT_AUTHORISED", `Only the social worker or team manager for ${reference} can link it to another conversation.`);
      }
      const link = await repos.channelLinks.upsert({
        id: existing?.id ?? randomUUID(),
        caseId: c.id,
        platform: cmd.conversation.platform,
        conversationId: cmd.conversation.conversationId,
        conversationRef: cmd.conversationRef,
      });
      await repos.audit.append({ at: now, actorId: actor.id, action: created ? "create" : "change", entityType: "channel-link", entityId: link.id, caseId: c.id, detail: { reference, created } });
      const notice: NoticeView = {
        title: `Linked to case ${reference}`,
        text: created
          ? `This conversation is now the case channel for ${reference}. You are now the lead social worker for ${reference}; an administrator can change this. To convene a strategy discussion, type: strategy ${reference}`
          : `This conversation is now linked to ${reference}. Deadline nudges for the case will be posted here.`,
      };
      deps.logger.info({ caseId: c.id, linkId: link.id, created }, "channel linked");
      return { caseReference: reference, created, notice };
    }),
  );
}
