import { z } from "zod";
import type { WorkingDayCalendar } from "../calendar/working-day-calendar";
import { DomainError } from "../shared/domain-error";
import { addCalendarMonths } from "../deadline/statutory-rules";
import { addCalendarDays, atLondonTime, type IsoDate, isoDateInLondon, parseIsoDate } from "../shared/iso-date";

/*
 * Pure nudge scheduling for one deadline. The deadline row stores `lastStage` and the
 * `nextNudgeAt` this module returns; a scheduler pass calls evaluateNudge when that
 * moment arrives. Nothing here keeps timers, so downtime is caught up on the next pass.
 *
 * Default plan: "created"; "before-5", "before-2", "before-1" (09:00 London on the day
 * that many working days before the due date); "due-day" (09:00 on the due date); then
 * "overdue-k" at 09:00 on the k-th working day after the due date, for as long as the
 * deadline stays open. Escalation: the deadline "escalates to the team manager after
 * 1 working day overdue", i.e. from "overdue-2" onwards (overdue-1 goes to the owner
 * only, on the first morning after the deadline closed).
 */

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Validated nudge plan settings; every field has the documented default. */
export const NudgePlanConfigSchema = z.object({
  /** Send a nudge when the deadline is created (at the next working-hours moment). */
  onCreated: z.boolean().default(true),
  /** Working days before the due date on which to nudge at opening time. */
  beforeWorkingDays: z
    .array(z.int().min(1).max(260))
    .default([5, 2, 1])
    .transform((days) => [...new Set(days)].sort((a, b) => b - a)),
  /** Nudge at opening time on the due date itself. */
  onDueDay: z.boolean().default(true),
  /** Nudge at opening time on every working day while the deadline is overdue. */
  whileOverdue: z.boolean().default(true),
  /** Working hours in Europe/London, [start, end): nudges only go out inside them. */
  workingHours: z
    .object({ start: z.string().regex(HH_MM), end: z.string().regex(HH_MM) })
    .refine((h) => h.start < h.end, { message: "working hours must start before they end" })
    .default({ start: "09:00", end: "17:00" }),
  /** A nudge sent more than this long after its scheduled moment is marked late. */
  graceMinutes: z.int().min(0).default(15),
  /** Overdue nudges escalate to the team manager once this many working days overdue have passed. */
  escalateAfterWorkingDays: z.int().min(0).default(1),
});

/** Settings as a caller may write them (any field may be left out). */
export type NudgePlanConfigInput = z.input<typeof NudgePlanConfigSchema>;
/** Settings after validation and defaults. */
export type NudgePlanConfig = z.output<typeof NudgePlanConfigSchema>;

/** Stable code for invalid nudge settings. */
export const INVALID_NUDGE_CONFIG = "INVALID_NUDGE_CONFIG";
/** Stable code for a stage key that is not one this module produces. */
export const INVALID_STAGE = "INVALID_STAGE";

/** Validates settings (e.g. from config files); throws DomainError INVALID_NUDGE_CONFIG. */
export function parseNudgePlanConfig(input: unknown): NudgePlanConfig {
  const result = NudgePlanConfigSchema.safeParse(input ?? {});
  if (!result.success) {
    throw new DomainError(INVALID_NUDGE_CONFIG, `invalid nudge plan: ${z.prettifyError(result.error)}`, {
      issues: result.error.issues,
    });
  }
  return result.data;
}

/** The default plan (see the module comment). */
export const DEFAULT_NUDGE_PLAN_CONFIG: NudgePlanConfig = parseNudgePlanConfig({});

// Validating on every call would dominate a scheduler pass; configs are long-lived
// objects, so each one is validated once.
const validated = new WeakMap<object, NudgePlanConfig>();
function resolveConfig(cfg: NudgePlanConfigInput | undefined): NudgePlanConfig {
  if (cfg === undefined) return DEFAULT_NUDGE_PLAN_CONFIG;
  let parsed = validated.get(cfg);
  if (!parsed) {
    parsed = parseNudgePlanConfig(cfg);
    validated.set(cfg, parsed);
  }
  return parsed;
}

/** One point in a deadline's nudge plan. */
export type NudgeStage =
  | { kind: "created" }
  /** Planned months ahead (the review before 18: 6, 3 and 1 months before it is due). */
  | { kind: "months-before"; months: number }
  | { kind: "before"; workingDays: number }
  | { kind: "due-day" }
  | { kind: "overdue"; day: number };

/** The stable string for a stage ("before-5", "overdue-3"); used in outbox keys "deadline/<id>/<stage>". */
export function stageKey(stage: NudgeStage): string {
  switch (stage.kind) {
    case "created":
      return "created";
    case "months-before":
      return `months-before-${stage.months}`;
    case "before":
      return `before-${stage.workingDays}`;
    case "due-day":
      return "due-day";
    case "overdue":
      return `overdue-${stage.day}`;
  }
}

const STAGE_KEY = /^(?:(created)|before-([1-9]\d{0,5})|(due-day)|overdue-([1-9]\d{0,5})|months-before-([1-9]\d{0,2}))$/;

/** Parses a stage key back into a stage; throws DomainError INVALID_STAGE. */
export function parseStageKey(key: string): NudgeStage {
  const m = STAGE_KEY.exec(key);
  if (!m) throw new DomainError(INVALID_STAGE, `"${key}" is not a nudge stage`, { stage: key });
  if (m[1]) return { kind: "created" };
  if (m[2]) return { kind: "before", workingDays: Number(m[2]) };
  if (m[3]) return { kind: "due-day" };
  if (m[5]) return { kind: "months-before", months: Number(m[5]) };
  return { kind: "overdue", day: Number(m[4]) };
}

function stageRank(stage: NudgeStage): [number, number] {
  switch (stage.kind) {
    case "created":
      return [0, 0];
    case "months-before":
      return [0.5, -stage.months]; // months-before-6 comes before months-before-1, all before before-N
    case "before":
      return [1, -stage.workingDays]; // before-5 comes before before-2
    case "due-day":
      return [2, 0];
    case "overdue":
      return [3, stage.day];
  }
}

/**
 * Total order of stages, matching time order within a plan:
 * created < before-N (larger N first) < due-day < overdue-1 < overdue-2 < ...
 * Negative if a comes first, 0 if equal, positive if b comes first.
 */
export function compareStages(a: NudgeStage | string, b: NudgeStage | string): number {
  const [a0, a1] = stageRank(typeof a === "string" ? parseStageKey(a) : a);
  const [b0, b1] = stageRank(typeof b === "string" ? parseStageKey(b) : b);
  return a0 !== b0 ? a0 - b0 : a1 - b1;
}

/** What the scheduler keeps for a deadline between passes. */
export interface NudgeState {
  /** The deadline's last day (Europe/London). */
  dueDate: IsoDate;
  /** When the deadline was created. */
  createdAt: Date;
  /** Key of the last stage sent (or collapsed into a send), or null if none yet. */
  lastStage: string | null;
  /** Whole calendar months before the due date to nudge as well (planned well ahead, e.g. [6, 3, 1]); none by default. */
  monthsBefore?: readonly number[];
}

/** The outcome of one scheduler look at a deadline. */
export interface NudgeDecision {
  /** The one nudge to send now, or null. */
  send: null | {
    /** Stage key of the nudge; the new lastStage once it is enqueued. */
    stage: string;
    /** True when sent more than the grace period after its scheduled moment. */
    late: boolean;
    /** The moment this stage was planned for (what a late nudge says it is late against). */
    plannedAt: Date;
    /** Earlier stages that also fell due and are folded into this one (never sent). */
    collapsed: string[];
    /** True for overdue nudges past the escalation point: copy the team manager. */
    escalateToManager: boolean;
    /** Working days from today (London) to the due date; negative when overdue. */
    workingDaysRemaining: number;
    /** Working days since the due date (0 unless overdue). */
    overdueWorkingDays: number;
  };
  /** When the scheduler should look again, or null if the plan has no more stages. */
  nextNudgeAt: Date | null;
}

interface Scheduled {
  stage: NudgeStage;
  key: string;
  at: Date;
}

/** The plan of one deadline: a finite head, then (optionally) endless overdue stages. */
interface Plan {
  head: Scheduled[];
  /** Smallest overdue day in the plan, or null when overdue nudges are off. */
  overdueFrom: number | null;
  overdueAt(day: number): Date;
  /** How many overdue stages have their moment at or before t. */
  overdueDueBy(t: Date): number;
}

function workingHours(cal: WorkingDayCalendar, cfg: NudgePlanConfig) {
  const opening = (d: IsoDate) => atLondonTime(d, cfg.workingHours.start);
  const isOpen = (t: Date) => {
    const d = isoDateInLondon(t);
    return cal.isWorkingDay(d) && opening(d) <= t && t < atLondonTime(d, cfg.workingHours.end);
  };
  /** The first opening at or after t. */
  const nextOpening = (t: Date) => {
    const d = isoDateInLondon(t);
    if (cal.isWorkingDay(d) && t <= opening(d)) return opening(d);
    return opening(cal.addWorkingDays(d, 1));
  };
  return { opening, isOpen, nextOpening };
}

/** The n-th working day before d (d itself never counted), mirroring addWorkingDays. */
function workingDaysBefore(cal: WorkingDayCalendar, d: IsoDate, n: number): IsoDate {
  let day = d;
  for (let i = 0; i < n; i++) day = cal.onOrBeforeWorkingDay(addCalendarDays(day, -1));
  return day;
}

function buildPlan(state: Pick<NudgeState, "dueDate" | "createdAt" | "monthsBefore">, cal: WorkingDayCalendar, cfg: NudgePlanConfig): Plan {
  const due = parseIsoDate(state.dueDate);
  const hours = workingHours(cal, cfg);
  const createdAt = hours.isOpen(state.createdAt) ? state.createdAt : hours.nextOpening(state.createdAt);
  // Stages at or before the creation moment are subsumed by the "created" nudge (or,
  // with that off, already past): dropping them keeps key order equal to time order.
  const include = (at: Date) => (cfg.onCreated ? at > createdAt : at >= createdAt);
  // An action may fall due on a non-working day; its morning nudges go out on the last
  // working day by then, not after the deadline has closed.
  const anchor = cal.onOrBeforeWorkingDay(due);

  const candidates: Scheduled[] = [];
  if (cfg.onCreated) candidates.push({ stage: { kind: "created" }, key: "created", at: createdAt });
  // Months ahead (longest first), each on the last working day on or before that day of the month.
  for (const months of [...new Set(state.monthsBefore ?? [])].sort((a, b) => b - a)) {
    const stage: NudgeStage = { kind: "months-before", months };
    candidates.push({ stage, key: stageKey(stage), at: hours.opening(cal.onOrBeforeWorkingDay(addCalendarMonths(anchor, -months))) });
  }
  for (const n of cfg.beforeWorkingDays) {
    const stage: NudgeStage = { kind: "before", workingDays: n };
    candidates.push({ stage, key: stageKey(stage), at: hours.opening(workingDaysBefore(cal, anchor, n)) });
  }
  if (cfg.onDueDay) candidates.push({ stage: { kind: "due-day" }, key: "due-day", at: hours.opening(anchor) });
  const head = candidates.filter((s) => s.stage.kind === "created" || include(s.at));

  const overdueAt = (day: number) => hours.opening(cal.addWorkingDays(due, day));
  const overdueDueBy = (t: Date) => {
    const today = isoDateInLondon(t);
    const passed = cal.workingDaysBetween(due, today);
    if (passed <= 0) return 0;
    // Today is the `passed`-th working day after due; its stage fires at opening.
    return cal.isWorkingDay(today) && t < hours.opening(today) ? passed - 1 : passed;
  };
  const cutoff = cfg.onCreated ? createdAt : new Date(createdAt.getTime() - 1);
  const overdueFrom = cfg.whileOverdue ? overdueDueBy(cutoff) + 1 : null;
  return { head, overdueFrom, overdueAt, overdueDueBy };
}

/** The first stage of the plan strictly after `last` (any stage if last is null). */
function nextStage(plan: Plan, last: NudgeStage | null): Scheduled | null {
  const head = plan.head.find((s) => last === null || compareStages(s.stage, last) > 0);
  if (head) return head;
  if (plan.overdueFrom === null) return null;
  const day = Math.max(plan.overdueFrom, last?.kind === "overdue" ? last.day + 1 : 1);
  const stage: NudgeStage = { kind: "overdue", day };
  return { stage, key: stageKey(stage), at: plan.overdueAt(day) };
}

/** Every stage after `last` whose moment is at or before now, in order (last one fully scheduled). */
function dueStages(plan: Plan, last: NudgeStage | null, now: Date): { keys: string[]; latest: Scheduled | null } {
  const after = (s: NudgeStage) => last === null || compareStages(s, last) > 0;
  const head = plan.head.filter((s) => after(s.stage) && s.at <= now);
  const keys = head.map((s) => s.key);
  let latest: Scheduled | null = head.at(-1) ?? null;
  if (plan.overdueFrom !== null) {
    const first = Math.max(plan.overdueFrom, last?.kind === "overdue" ? last.day + 1 : 1);
    const upTo = plan.overdueDueBy(now);
    for (let day = first; day <= upTo; day++) keys.push(`overdue-${day}`);
    if (upTo >= first) {
      const stage: NudgeStage = { kind: "overdue", day: upTo };
      latest = { stage, key: stageKey(stage), at: plan.overdueAt(upTo) };
    }
  }
  return { keys, latest };
}

/**
 * When a new deadline should first be looked at: the "created" moment (createdAt, or the
 * next working-hours opening), or the first later stage if "created" nudges are off.
 * Null only when the settings leave the plan with no stages at all.
 */
export function firstNudgeAt(
  state: Pick<NudgeState, "dueDate" | "createdAt" | "monthsBefore">,
  cal: WorkingDayCalendar,
  cfg?: NudgePlanConfigInput,
): Date | null {
  return nextStage(buildPlan(state, cal, resolveConfig(cfg)), null)?.at ?? null;
}

/**
 * Decides what, if anything, to send for a deadline now. Catch-up rule: when several
 * stages fell due since lastStage (downtime, a missed pass), ONE nudge goes out for the
 * latest of them, the rest listed in `collapsed`; practitioners need the current
 * position, not a burst of stale reminders. Stages at or before lastStage are never
 * sent again. Outside working hours nothing is sent: the scheduler is told to come
 * back at the next opening.
 */
export function evaluateNudge(state: NudgeState, now: Date, cal: WorkingDayCalendar, cfg?: NudgePlanConfigInput): NudgeDecision {
  const config = resolveConfig(cfg);
  const plan = buildPlan(state, cal, config);
  const last = state.lastStage === null ? null : parseStageKey(state.lastStage);
  const { keys, latest } = dueStages(plan, last, now);

  if (latest === null) return { send: null, nextNudgeAt: nextStage(plan, last)?.at ?? null };
  const hours = workingHours(cal, config);
  if (!hours.isOpen(now)) return { send: null, nextNudgeAt: hours.nextOpening(now) };

  const workingDaysRemaining = cal.workingDaysBetween(isoDateInLondon(now), state.dueDate);
  const escalateToManager = latest.stage.kind === "overdue" && latest.stage.day > config.escalateAfterWorkingDays;
  return {
    send: {
      stage: latest.key,
      late: now.getTime() - latest.at.getTime() > config.graceMinutes * 60_000,
      plannedAt: latest.at,
      collapsed: keys.slice(0, -1),
      escalateToManager,
      workingDaysRemaining,
      overdueWorkingDays: Math.max(0, -workingDaysRemaining),
    },
    nextNudgeAt: nextStage(plan, latest.stage)?.at ?? null,
  };
}
