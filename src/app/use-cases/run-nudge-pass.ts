import { DateTime } from "luxon";
import type { MentionView, NudgeView } from "../views/view-models";
import type { WorkingDayCalendar } from "../../domain/calendar/working-day-calendar";
import { runIsolatedPass } from "../scheduling/isolated-pass";
import { describeRule, getRule } from "../../domain/deadline/statutory-rules";
import { evaluateNudge, type NudgePlanConfigInput } from "../../domain/nudge/nudge-plan";
import { nudgeMonthsBefore, type LocalPolicy } from "../deadlines/local-policy";
import type { Clock } from "../../domain/shared/clock";
import { LONDON } from "../../domain/shared/iso-date";
import type { ChannelLink } from "../ports/channel-link";
import type { DeadlineRow } from "../ports/deadline";
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

/**
 * One scheduler pass: for every open deadline whose nextNudgeAt has come (read through
 * the (status, nextNudgeAt) index, so cost follows the due work, not the table), decide
 * the nudge with the pure plan, enqueue one outbox row per linked channel and move the
 * deadline's nextNudgeAt on, all in that deadline's own transaction. Outbox keys are
 * `deadline/<id>/<stage>/<channelLinkId>`, so two schedulers (or a rerun) never double up.
 */
export async function runNudgePass(deps: NudgePassDeps, opts: { limit?: number } = {}): Promise<NudgePassResult> {
  const now = deps.clock.now();
  const batch = opts.limit ?? 500;
  const result: NudgePassResult = await runIsolatedPass({
    batch,
    listDue: async () => (await deps.uow.run((repos) => repos.deadlines.listDueForNudge(now, batch))).map((d) => d.id),
    handle: (id) => deps.uow.run((repos) => nudgeOne(repos, id, now, deps)),
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

async function nudgeOne(repos: Repositories, deadlineId: string, now: Date, deps: NudgePassDeps): Promise<SentNudge | null> {
  // Re-read inside the transaction: another scheduler may have handled it since the listing.
  const d = await repos.deadlines.findById(deadlineId);
  if (!d || d.status !== "open" || !d.nextNudgeAt || d.nextNudgeAt > now) return null;

  if (d.actionId) {
    const action = await repos.actions.findById(d.actionId);
    if (action && action.status !== "open") {
      // A finished action needs no more reminders; its deadline closes with it.
      await repos.deadlines.update({ ...d, status: action.status === "done" ? "met" : "waived", waivedReason: action.status === "cancelled" ? "action cancelled" : d.waivedReason, closedAt: now, nextNudgeAt: null });
      return null;
    }
  }

  const decision = evaluateNudge({ dueDate: d.dueDate, createdAt: d.createdAt, lastStage: d.lastNudgeStage, monthsBefore: nudgeMonthsBefore(d.rule, deps.localPolicy) }, now, deps.calendar, deps.nudgePlan);
  if (!decision.send) {
    await repos.deadlines.update({ ...d, nextNudgeAt: decision.nextNudgeAt });
    return null;
  }
  const send = decision.send;
  const theCase = await repos.cases.findById(d.caseId);
  if (!theCase) throw new Error(`case ${d.caseId} not found`);
  const links = await repos.channelLinks.listForCase(d.caseId);

  // Who to mention: an action's owner, or the lead social worker for a statutory clock;
  // plus the team manager once an overdue deadline escalates.
  let title = getRule(d.rule).title;
  let ownerId: string | null = theCase.leadSocialWorkerId;
  let actionDescription: string | undefined;
  if (d.actionId) {
    const action = await repos.actions.findById(d.actionId);
    ownerId = action?.ownerPractitionerId ?? null;
    // The description and the owner label are free text and may name the child or family:
    // the title (which becomes the preview) says only what kind of deadline it is; the
    // card's body names the action, because people must know which one to do.
    if (action) {
      title = "Agreed action";
      actionDescription = action.description;
    }
  }
  const ids = [ownerId, send.escalateToManager ? theCase.teamManagerId : null].filter((x): x is string => Boolean(x));
  const found = ids.length ? await repos.practitioners.findManyByIds([...new Set(ids)]) : [];
  // Owner first, then the manager: the order people read the mentions in.
  const people = ids.map((id) => found.find((p) => p.id === id)).filter((p): p is Practitioner => Boolean(p)).filter((p, i, all) => all.indexOf(p) === i);

  const extras = { actionDescription, noTeamManager: send.escalateToManager && !theCase.teamManagerId, act: actFor(d, theCase.reference), managerId: theCase.teamManagerId };
  let escalatedAnywhere = false;
  for (const link of links) {
    const view = nudgeView(d, theCase.reference, title, send, people, link, extras);
    escalatedAnywhere ||= view.escalated;
    await repos.outbox.enqueue({
      idempotencyKey: `deadline/${d.id}/${send.stage}/${link.id}`,
      channelLinkId: link.id,
      operation: "post",
      payload: { type: "nudge", view },
      availableAt: now,
    });
  }
  await repos.deadlines.update({ ...d, lastNudgeStage: send.stage, nextNudgeAt: decision.nextNudgeAt });
  return {
    deadlineId: d.id,
    caseReference: theCase.reference,
    rule: d.rule,
    stage: send.stage,
    late: send.late,
    escalated: escalatedAnywhere,
    channelLinkIds: links.map((l) => l.id),
    mentionedPractitionerIds: people.map((p) => p.id),
  };
}

function nudgeView(
  d: DeadlineRow,
  caseReference: string,
  title: string,
  send: NonNullable<ReturnType<typeof evaluateNudge>["send"]>,
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
function actFor(d: DeadlineRow, caseReference: string): NudgeView["act"] {
  if (d.actionId) return { kind: "action-done", target: d.actionId };
  if (d.rule === "referral-decision") return { kind: "referral-decision", target: d.id };
  if (d.rule === "assessment") return { kind: "assessment", target: d.id };
  if (d.rule === "icpc") return { kind: "convene-icpc", target: caseReference };
  return undefined;
}
