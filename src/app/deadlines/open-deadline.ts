import { randomUUID } from "node:crypto";
import type { Case } from "../../domain/case/case-reference";
import { computeDueDate, type RuleId } from "../../domain/deadline/statutory-rules";
import { firstNudgeAt } from "../../domain/nudge/nudge-plan";
import type { IsoDate } from "../../domain/shared/iso-date";
import type { AppDeps } from "../app-deps";
import { coreGroupCadenceWeeks, nudgeMonthsBefore } from "./local-policy";
import type { DeadlineRow } from "../ports/deadline";
import type { Repositories } from "../ports/unit-of-work";

/** A clock to open: which rule, counted from what. */
export interface DeadlineEvent {
  rule: RuleId;
  sourceKind: string;
  /** The meeting, action or notification the clock counts from (idempotency: one deadline per rule and source). */
  sourceId: string;
  /** The day it counts from (Europe/London). For "action", the action's own due date. */
  from: IsoDate;
  actionId?: string;
}

/**
 * Opens a deadline (once per rule and source) with its first nudge scheduled, so the
 * "deadline created" nudge goes out through the normal scheduler pass and outbox.
 */
export async function openDeadline(deps: Pick<AppDeps, "clock" | "calendar" | "localPolicy">, repos: Repositories, c: Case, e: DeadlineEvent): Promise<DeadlineRow> {
  const now = deps.clock.now();
  // Later core groups follow the authority's own cadence (local policy), not the table's default.
  const localRules = e.rule === "next-core-group" ? { "next-core-group": { unit: "calendar-weeks" as const, amount: coreGroupCadenceWeeks(c.tenant, deps.localPolicy) } } : undefined;
  const dueDate = computeDueDate(e.rule, e.from, deps.calendar, localRules ? { localRules } : {});
  return repos.deadlines.createIfAbsent({
    id: randomUUID(),
    caseId: c.id,
    rule: e.rule,
    sourceKind: e.sourceKind,
    sourceId: e.sourceId,
    sourceDate: e.from,
    dueDate,
    status: "open",
    waivedReason: null,
    closedAt: null,
    closedByMeetingId: null,
    workingDaysTaken: null,
    nextNudgeAt: firstNudgeAt({ dueDate, createdAt: now, monthsBefore: nudgeMonthsBefore(e.rule, deps.localPolicy) }, deps.calendar),
    lastNudgeStage: null,
    actionId: e.actionId ?? null,
    createdAt: now,
  });
}

/**
 * Stops an open clock with a reason, and audits it. Every waiver goes through here (a
 * manager's, an amendment's, a corrected date of birth), so each leaves the same trail.
 */
export async function waiveOpenDeadline(repos: Repositories, d: DeadlineRow, reason: string, actorId: string, now: Date): Promise<void> {
  await repos.deadlines.update({ ...d, status: "waived", waivedReason: reason, closedAt: now, nextNudgeAt: null });
  await repos.audit.append({ at: now, actorId, action: "change", entityType: "deadline", entityId: d.id, caseId: d.caseId, detail: { status: "waived", rule: d.rule } });
}
