import { DateTime } from "luxon";
import type { MentionView, NudgeView } from "../views/view-models";
import type { WorkingDayCalendar } from "../../domain/calendar/working-day-calendar";
import { runBatchedIsolatedPass } from "../scheduling/isolated-pass";
import { describeRule, getRule } from "../../domain/deadline/statutory-rules";
import { evaluateNudge, type NudgePlanConfigInput } from "../../domain/nudge/nudge-plan";
import { nudgeMonthsBefore, type LocalPolicy } from "../deadlines/local-policy";
import type { Clock } from "../../domain/shared/clock";
import { LONDON } from "../../domain/shared/iso-date";
import type { ChannelLink } from "../ports/channel-link";
import type { DeadlineColumn, DeadlineRow } from "../ports/deadline";
import type { NewOutboxMessage } from "../ports/outbox";
import type { Practitioner } from "../ports/practitioner";
import type { Repositories, UnitOfWork } from "../ports/unit-of-work";

/** Logger shape the pass needs (pino's). Ids only: never case content. */
export interface PassLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Dependencies of {@link runNudgePass}. */
export interface NudgePassDeps {
  uow: UnitOfWork;
  clock: Clock;
  calendar: WorkingDayCalendar;
  logger: PassLogger;
  /** Nudge plan settings; the documented default when absent. */
  nudgePlan?: NudgePlanConfigInput;
  /** Local policy (months-ahead nudges for the review before 18); the default when absent. */
  localPolicy?: LocalPolicy;
}

/** One nudge the pass enqueued. */
export interface SentNudge {
  deadlineId: string;
  caseReference: string;
  rule: string;
  stage: string;
  late: boolean;
  escalated: boolean;
  /** Channel links it was enqueued for (one outbox row each). */
  channelLinkIds: string[];
  /** Practitioner ids mentioned (owner, and manager when escalated). */
  mentionedPractitionerIds: string[];
}

/** What a pass did. */
export interface NudgePassResult {
  sent: SentNudge[];
  /** Deadlines looked at (due ones only: the pass never scans the table). */
  considered: number;
  /** Deadlines whose processing threw (logged; retried on a later pass). */
  failed: number;
}

/** "Thu 7 Jan 2027": the date as practitioners read it. */
export function dueDateLabel(d: string): string {
  return DateTime.fromISO(d, { zone: LONDON }).toFormat("ccc d LLL yyyy");
}

/** Why the deadline exists, e.g. "within 15 working days of the strategy discussion that initiated section 47 enquiries". */
export function ruleSummary(rule: string): string {
  return describeRule(rule);
}

const FAILED_RETRY_MS = 15 * 60_000;

/** Deadlines handled in one transaction: enough to spread a transaction's fixed cost, few enough that the writer is never held long. */
export const NUDGE_CHUNK = 100;

/**
 * One scheduler pass: for every open deadline whose nextNudgeAt has come (read through
 * the (status, nextNudgeAt) index, so cost follows the due work, not the table), decide
 * the nudge with the pure plan, enqueue one outbox row per linked channel and move the
 * deadline's nextNudgeAt on. Up to {@link NUDGE_CHUNK} deadlines share a transaction and
 * its reads (deadlines, actions, cases, links, people and existing outbox keys, once per
 * chunk); if a chunk fails, its deadlines are redone one per transaction so one bad row
 * never holds back the others. Outbox keys are `deadline/<id>/<stage>/<channelLinkId>`,
 * so two schedulers (or a rerun after a crash) never double up.
 */
export async function runNudgePass(deps: NudgePassDeps, opts: { limit?: number; chunk?: number } = {}): Promise<NudgePassResult> {
  const now = deps.clock.now();
  const batch = opts.limit ?? 500;
  const result: NudgePassResult = await runBatchedIsolatedPass({
    batch,
    chunk: opts.chunk ?? NUDGE_CHUNK,
    listDue: async () => (await deps.uow.run((repos) => repos.deadlines.listDueForNudge(now, batch))).map((d) => d.id),
    handleMany: (ids) => deps.uow.run((repos) => nudgeMany(repos, ids, now, deps)),
    handle: (id) => deps.uow.run(async (repos) => (await nudgeMany(repos, [id], now, deps))[0] ?? null),
    onChunkFailure: (ids, err) => deps.logger.warn({ deadlines: ids.length, err: (err as Error).message }, "a batch of nudges failed; retrying its deadlines one at a time"),
    onFailure: (id, err) => deps.logger.error({ deadlineId: id, err: (err as Error).message }, "nudge failed for a deadline; other deadlines continue"),
    pushBack: (id) =>
      deps.uow.run(async (repos) => {
        const row = await repos.deadlines.findById(id);
        if (row && row.status === "open") await repos.deadlines.update({ ...row, nextNudgeAt: new Date(now.getTime() + FAILED_RETRY_MS) });
      }),
  });
  if (result.sent.length) deps.logger.info({ sent: result.sent.length, considered: result.considered }, "nudge pass");
  return result;
}

/** The only columns a pass changes: closing a finished action's deadline, or moving its nudges on. */
const PASS_COLUMNS: DeadlineColumn[] = ["status", "waivedReason", "closedAt", "nextNudgeAt", "lastNudgeStage"];

type NudgeDecision = ReturnType<typeof evaluateNudge>;
type Send = NonNullable<NudgeDecision["send"]>;

/**
 * Nudges the given deadlines in the caller's transaction, reading each table once for all of
 * them and writing the outbox rows in one insert. Throws if any deadline cannot be handled,
 * so the caller's transaction commits all of them or none.
 */
async function nudgeMany(repos: Repositories, ids: string[], now: Date, deps: NudgePassDeps): Promise<SentNudge[]> {
  // Re-read inside the transaction: another scheduler may have handled some since the listing.
  const byId = new Map((await repos.deadlines.findManyByIds(ids)).map((d) => [d.id, d]));
  const due = ids.map((id) => byId.get(id)).filter((d): d is DeadlineRow => Boolean(d && d.status === "open" && d.nextNudgeAt && d.nextNudgeAt <= now));
  if (!due.length) return [];
  const actionIds = [...new Set(due.map((d) => d.actionId).filter((x): x is string => Boolean(x)))];
  const actions = new Map((await repos.actions.findManyByIds(actionIds)).map((a) => [a.id, a]));

  const updates: DeadlineRow[] = [];
  const sending: { d: DeadlineRow; send: Send; nextNudgeAt: Date | null }[] = [];
  for (const d of due) {
    const action = d.actionId ? actions.get(d.actionId) : undefined;
    if (action && action.status !== "open") {
      // A finished action needs no more reminders; its deadline closes with it.
      updates.push({ ...d, status: action.status === "done" ? "met" : "waived", waivedReason: action.status === "cancelled" ? "action cancelled" : d.waivedReason, closedAt: now, nextNudgeAt: null });
      continue;
    }
    const decision = evaluateNudge({ dueDate: d.dueDate, createdAt: d.createdAt, lastStage: d.lastNudgeStage, monthsBefore: nudgeMonthsBefore(d.rule, deps.localPolicy) }, now, deps.calendar, deps.nudgePlan);
    if (!decision.send) updates.push({ ...d, nextNudgeAt: decision.nextNudgeAt });
    else sending.push({ d, send: decision.send, nextNudgeAt: decision.nextNudgeAt });
  }

  const caseIds = [...new Set(sending.map((s) => s.d.caseId))];
  const cases = new Map((await repos.cases.findManyByIds(caseIds)).map((c) => [c.id, c]));
  const links = await repos.channelLinks.listForCases(caseIds);
  // Who to mention: an action's owner, or the lead social worker for a statutory clock;
  // plus the team manager once an overdue deadline escalates.
  const plans = sending.map(({ d, send, nextNudgeAt }) => {
    const theCase = cases.get(d.caseId);
    if (!theCase) throw new Error(`case ${d.caseId} not found`);
    const action = d.actionId ? actions.get(d.actionId) : undefined;
    const ownerId = d.actionId ? (action?.ownerPractitionerId ?? null) : theCase.leadSocialWorkerId;
    const ids = [ownerId, send.escalateToManager ? theCase.teamManagerId : null].filter((x): x is string => Boolean(x));
    return { d, send, nextNudgeAt, theCase, action, ids };
  });
  const personIds = [...new Set(plans.flatMap((p) => p.ids))];
  const found = personIds.length ? await repos.practitioners.findManyByIds(personIds) : [];

  const messages: NewOutboxMessage[] = [];
  const sent: SentNudge[] = [];
  for (const { d, send, nextNudgeAt, theCase, action, ids } of plans) {
    const caseLinks = links.filter((l) => l.caseId === d.caseId);
    // The description and the owner label are free text and may name the child or family:
    // the title (which becomes the preview) says only what kind of deadline it is; the
    // card's body names the action, because people must know which one to do.
    const ruleTitle = getRule(d.rule).title;
    const title = action ? "Agreed action" : ruleTitle;
    const actionDescription = action ? action.description : undefined;
    // Owner first, then the manager: the order people read the mentions in.
    const people = ids.map((id) => found.find((p) => p.id === id)).filter((p): p is Practitioner => Boolean(p)).filter((p, i, all) => all.indexOf(p) === i);
    const extras = { actionDescription, noTeamManager: send.escalateToManager && !theCase.teamManagerId, act: actFor(d, theCase.reference), managerId: theCase.teamManagerId };
    let escalatedAnywhere = false;
    for (const link of caseLinks) {
      const view = nudgeView(d, theCase.reference, title, send, people, link, extras);
      escalatedAnywhere ||= view.escalated;
      messages.push({ idempotencyKey: `deadline/${d.id}/${send.stage}/${link.id}`, channelLinkId: link.id, operation: "post", payload: { type: "nudge", view }, availableAt: now });
    }
    updates.push({ ...d, lastNudgeStage: send.stage, nextNudgeAt });
    sent.push({
      deadlineId: d.id,
      caseReference: theCase.reference,
      rule: d.rule,
      stage: send.stage,
      late: send.late,
      escalated: escalatedAnywhere,
      channelLinkIds: caseLinks.map((l) => l.id),
      mentionedPractitionerIds: people.map((p) => p.id),
    });
  }
  await repos.outbox.enqueueMany(messages);
  await repos.deadlines.updateMany(updates, PASS_COLUMNS);
  return sent;
}

/** The card a nudge posts in one channel (exported for the benchmark's raw-SQL anchor, which must build the same). */
export function nudgeView(
  d: DeadlineRow,
  caseReference: string,
  title: string,
  send: Send,
  people: Practitioner[],
  link: ChannelLink,
  extras: { actionDescription: string | undefined; noTeamManager: boolean; act: NudgeView["act"]; managerId: string | null },
): NudgeView {
  // A Slack user id means nothing in Teams (and vice versa): mention only same-platform people.
  const here = people.filter((p) => p.platform === link.platform);
  const mentions: MentionView[] = here.map((p) => ({ platformUserId: p.platformUserId, displayName: p.displayName }));
  // "Escalated" only when the manager really is mentioned in this message.
  const escalated = send.escalateToManager && extras.managerId !== null && here.some((p) => p.id === extras.managerId);
  return {
    deadlineId: d.id,
    caseReference,
    title,
    ruleSummary: ruleSummary(d.rule),
    dueDate: d.dueDate,
    dueDateLabel: dueDateLabel(d.dueDate),
    workingDaysRemaining: send.workingDaysRemaining,
    stage: send.stage,
    late: send.late,
    ...(send.late ? { plannedLabel: DateTime.fromJSDate(send.plannedAt, { zone: LONDON }).toFormat("ccc d LLL yyyy, HH:mm") } : {}),
    overdue: send.workingDaysRemaining < 0,
    escalated,
    ...(extras.noTeamManager ? { noTeamManager: true } : {}),
    ...(extras.actionDescription ? { actionDescription: extras.actionDescription } : {}),
    ...(extras.act ? { act: extras.act } : {}),
    mentions,
    actionCommand: `deadlines ${caseReference}`,
  };
}

/** The button a nudge carries for its clock: the thing that meets it. */
export function actFor(d: DeadlineRow, caseReference: string): NudgeView["act"] {
  if (d.actionId) return { kind: "action-done", target: d.actionId };
  if (d.rule === "referral-decision") return { kind: "referral-decision", target: d.id };
  if (d.rule === "assessment") return { kind: "assessment", target: d.id };
  if (d.rule === "icpc") return { kind: "convene-icpc", target: caseReference };
  return undefined;
}
