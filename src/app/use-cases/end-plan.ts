import { randomUUID } from "node:crypto";
import { z } from "zod";
import { CommandBase } from "../../domain/commands/command.schemas";
import { parseCaseReference } from "../../domain/case/case-reference";
import { CLOSED_ON_BEFORE_START } from "../../domain/deadline/clock-closing";
import { addCalendarMonths, getRule, type RuleId } from "../../domain/deadline/statutory-rules";
import { PLAN_END_REASONS, PLAN_END_REASON_LABELS } from "../../domain/plan/plan-end";
import { DomainError } from "../../domain/shared/domain-error";
import { isoDateInLondon, parseIsoDate } from "../../domain/shared/iso-date";
import type { NoticeView } from "../views/view-models";
import { caseOfConversation, requireCaseManager } from "../authorisation";
import { commandKey, runOnce } from "../idempotency";
import type { AppDeps } from "../app-deps";
import { closeOpenDeadline } from "../deadlines/close-clock";
import { waiveOpenDeadline } from "../deadlines/open-deadline";
import { planInForce } from "../deadlines/child-protection-plan";
import { dueDateLabel } from "../views/due-date-label";
import { inviteeMentions } from "../views/invitee-mentions";
import { resolveActor } from "./resolve-actor";

const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-20.");

export const EndPlanSchema = CommandBase.extend({
  caseRef: z.string().min(1),
  /** Why the plan ends. */
  reason: z.enum(PLAN_END_REASONS, { error: "Choose why the plan ends." }),
  /** The day it ended; for a move, the day the family moved. */
  endedOn: DATE,
  /** For a move: the day the receiving authority held its transfer-in conference (the plan ends then). */
  transferInOn: DATE.optional(),
});
/** Ends a case's child protection plan with its reason. */
export type EndPlanCommand = z.infer<typeof EndPlanSchema>;

/** The clocks that belong to a plan: a plan that ends needs no more core groups or reviews. */
const PLAN_CLOCKS: ReadonlySet<RuleId> = new Set<RuleId>(["core-group", "next-core-group", "first-review", "next-review", "review-before-18"]);

/**
 * Ends the case's child protection plan for a reason (DOMAIN.md "A plan ends"). The plan's
 * clocks (core groups, reviews, the review before 18) close on the end's own date as met or
 * missed, each audited; the end feeds the census plan end date; and the case channels are told
 * in a notice that mentions every agency representative invited to the initial conference. A
 * move to another authority is refused until the receiving authority's transfer-in conference
 * date is given: the original plan ends only then. The case's social worker or team manager.
 */
export async function endPlan(deps: AppDeps, input: EndPlanCommand): Promise<{ notice: NoticeView }> {
  const cmd = EndPlanSchema.parse(input);
  const reference = parseCaseReference(cmd.caseRef);
  return deps.uow.run((repos) =>
    runOnce(repos, commandKey(cmd.conversation, "plan-end", cmd.key), async () => {
      const now = deps.clock.now();
      const today = isoDateInLondon(now);
      const actor = await resolveActor(repos, cmd.actor);
      const c = await caseOfConversation(repos, cmd.conversation.platform, cmd.conversation.conversationId);
      if (c.reference !== reference) throw new DomainError("CASE_NOT_LINKED", `This conversation is linked to ${c.reference}, not ${reference}.`);
      requireCaseManager(c, actor, "end the plan");
      const plan = await planInForce(repos, c.id);
      if (!plan) throw new DomainError("NO_PLAN", `${c.reference} has no child protection plan in force: no initial conference recorded a plan, or it has already ended.`);

      const given = parseIsoDate(cmd.endedOn);
      if (given > today) throw new DomainError("DATE_IN_FUTURE", "That date is in the future. Give the day it happened.", { field: "endedOn" });
      let endedOn = given;
      let movedOn: string | null = null;
      if (cmd.reason === "moved-to-another-authority") {
        // Working Together: the receiving authority holds a transfer-in conference, and only then does the original plan end.
        if (!cmd.transferInOn) {
          throw new DomainError("TRANSFER_IN_NOT_HELD", "The plan stays open until the receiving authority has held its transfer-in conference (within 15 working days of being told of the move). End it then, giving that date.", { field: "transferInOn" });
        }
        const held = parseIsoDate(cmd.transferInOn);
        if (held > today) throw new DomainError("DATE_IN_FUTURE", "That date is in the future. End the plan once the transfer-in conference has been held.", { field: "transferInOn" });
        if (held < given) throw new DomainError("TRANSFER_IN_BEFORE_MOVE", "The transfer-in conference cannot be before the move. Check the dates.", { field: "transferInOn" });
        movedOn = given;
        endedOn = held;
      } else if (cmd.reason === "turned-18" && c.childDateOfBirth) {
        const birthday = addCalendarMonths(c.childDateOfBirth, 18 * 12);
        if (given !== birthday) throw new DomainError("NOT_18TH_BIRTHDAY", `The child's 18th birthday is ${dueDateLabel(birthday)}. Give that date, or choose another reason.`, { field: "endedOn" });
      }
      if (endedOn < plan.startedOn) {
        throw new DomainError("ENDED_BEFORE_PLAN", `The plan started on ${dueDateLabel(plan.startedOn)}; it cannot end before that. Check the date.`, { field: movedOn ? "transferInOn" : "endedOn" });
      }

      const id = randomUUID();
      await repos.planEnds.create({ id, caseId: c.id, reason: cmd.reason, endedOn, planStartedOn: plan.startedOn, movedOn, recordedById: actor.id });
      const closed: string[] = [];
      for (const d of await repos.deadlines.listOpenForCase(c.id)) {
        if (!PLAN_CLOCKS.has(d.rule as RuleId)) continue;
        try {
          const shut = await closeOpenDeadline(deps, repos, d, { kind: "plan-ended", on: endedOn, byId: actor.id, reason: PLAN_END_REASON_LABELS[cmd.reason], detail: { planEndId: id, reason: cmd.reason }, dateField: movedOn ? "transferInOn" : "endedOn" });
          closed.push(`${getRule(d.rule).title} (${shut.status})`);
        } catch (err) {
          // A clock opened after the end date (say a review planned later) cannot be met by it: it simply stops.
          if (!(err instanceof DomainError && err.code === CLOSED_ON_BEFORE_START)) throw err;
          await waiveOpenDeadline(repos, d, `Plan ended ${endedOn}: ${PLAN_END_REASON_LABELS[cmd.reason]}`, actor.id, now);
          closed.push(`${getRule(d.rule).title} (stopped)`);
        }
      }
      await repos.audit.append({ at: now, actorId: actor.id, action: "create", entityType: "plan-end", entityId: id, caseId: c.id, detail: { reason: cmd.reason, endedOn, planStartedOn: plan.startedOn, movedOn } });

      // Every agency representative invited to the initial conference is told (at least); the
      // notice names the reason and date, never the child.
      const icpcs = (await repos.meetings.listForCase(c.id)).filter((m) => m.kind === "icpc" || m.id === plan.conference.id);
      const invited = (await Promise.all(icpcs.map((m) => repos.invitations.listForMeeting(m.id)))).flat();
      const mentions = await inviteeMentions(repos, invited);
      const told = new Set(mentions.map((m) => m.displayName));
      const unnamed = [...new Set(invited.map((i) => i.inviteeLabel))].filter((label) => !told.has(label));
      const notice: NoticeView = {
        title: `${c.reference}: child protection plan ended`,
        text: [
          `${PLAN_END_REASON_LABELS[cmd.reason]}. The plan ended ${dueDateLabel(endedOn)}${movedOn ? ` (moved ${dueDateLabel(movedOn)}; the receiving authority's transfer-in conference was held that day)` : ""}; recorded by ${actor.displayName}.`,
          closed.length ? `Clocks closed: ${closed.join("; ")}.` : "No plan clocks were open.",
          `For everyone invited to the initial conference${unnamed.length ? `, including ${unnamed.join(", ")}` : ""}: no more core groups or reviews will be convened under this plan.`,
        ].join("\n"),
        mentions,
      };
      const links = await repos.channelLinks.listForCase(c.id);
      for (const link of links) {
        await repos.outbox.enqueue({ idempotencyKey: `plan-end/${id}/${link.id}`, channelLinkId: link.id, operation: "post", payload: { type: "notice", view: notice }, availableAt: now });
      }
      // And each of them personally (a Teams personal chat, a Slack DM), through a case channel of their platform.
      for (const m of mentions) {
        const link = links.find((l) => l.platform === m.platform);
        // The person who ended it needs no message about it.
        if (!link || (m.platform === actor.platform && m.platformUserId === actor.platformUserId)) continue;
        await repos.outbox.enqueue({ idempotencyKey: `plan-end/${id}/direct/${m.platform}:${m.platformUserId}`, channelLinkId: link.id, operation: "post", payload: { type: "notice", view: { ...notice, mentions: [] } }, availableAt: now, directTo: m.platformUserId });
      }
      return { notice };
    }),
  );
}
