import type { WorkingDayCalendar } from "../calendar/working-day-calendar";
import { DomainError } from "../shared/domain-error";
import { addCalendarDays, daysInMonth, formatIsoDate, type IsoDate, parseIsoDate, parseIsoDateParts } from "../shared/iso-date";

/** How a rule's limit is measured. */
export type RuleLimit =
  /** N working days after the start, the start itself not counted. */
  | { unit: "working-days"; amount: number }
  /** N calendar months, clamped to month end, then back to a working day. */
  | { unit: "calendar-months"; amount: number }
  /** N weeks (7N days), then back to a working day: local cadences such as "core groups every 6 weeks". */
  | { unit: "calendar-weeks"; amount: number }
  /** The deadline is the date given (an agreed action's own date). */
  | { unit: "own-date" }
  /** The deadline is the last working day strictly before the date given. */
  | { unit: "before-date" };

/** The limits a local rule may set: only measured ones can be compared and tightened. */
export type LocalRuleLimit = Extract<RuleLimit, { unit: "working-days" | "calendar-months" | "calendar-weeks" }>;

/** One row of the timescale table in DOMAIN.md. */
export interface RuleDefinition {
  /** Stable id, used in storage, the CLI and idempotency keys. */
  readonly id: RuleId;
  /** Plain-English name of what must happen, for practitioners. */
  readonly title: string;
  /**
   * The event the clock starts from (the `from` date of computeDueDate), as a noun phrase
   * that reads after "of": "the initial child protection conference".
   */
  readonly countsFrom: string;
  /** How far from that event the deadline lies. */
  readonly limit: RuleLimit;
  /** False for local policy (a local authority may replace it, even with a longer one). */
  readonly statutory: boolean;
  /** Short phrase for messages, e.g. "within 15 working days". */
  readonly summary: string;
}

/** Every timescale the deadline engine knows. */
export type RuleId =
  | "referral-decision"
  | "assessment"
  | "icpc"
  | "core-group"
  | "next-core-group"
  | "first-review"
  | "next-review"
  | "transfer-in"
  | "permanence-plan"
  | "review-before-18"
  | "action";

/**
 * The rule table (Working Together to Safeguard Children, chapter 1, and the local
 * permanence policy). Order follows the child's journey.
 */
export const STATUTORY_RULES = [
  {
    id: "referral-decision",
    title: "Decision on a referral",
    countsFrom: "the referral being received",
    limit: { unit: "working-days", amount: 1 },
    statutory: true,
    summary: "within 1 working day",
  },
  {
    id: "assessment",
    title: "Assessment concluded",
    countsFrom: "the referral being received",
    limit: { unit: "working-days", amount: 45 },
    statutory: true,
    summary: "within 45 working days",
  },
  {
    id: "icpc",
    title: "Initial child protection conference",
    countsFrom: "the strategy discussion that initiated section 47 enquiries",
    limit: { unit: "working-days", amount: 15 },
    statutory: true,
    summary: "within 15 working days",
  },
  {
    id: "core-group",
    title: "First core group meeting",
    countsFrom: "the initial child protection conference",
    limit: { unit: "working-days", amount: 10 },
    statutory: true,
    summary: "within 10 working days",
  },
  {
    id: "next-core-group",
    title: "Next core group meeting",
    countsFrom: "the previous core group meeting",
    limit: { unit: "calendar-weeks", amount: 6 },
    statutory: false,
    summary: "within 6 weeks (local protocol)",
  },
  {
    id: "first-review",
    title: "First review child protection conference",
    countsFrom: "the initial child protection conference",
    limit: { unit: "calendar-months", amount: 3 },
    statutory: true,
    summary: "within 3 months",
  },
  {
    id: "next-review",
    title: "Next review child protection conference",
    countsFrom: "the previous review conference",
    limit: { unit: "calendar-months", amount: 6 },
    statutory: true,
    summary: "within 6 months",
  },
  {
    id: "transfer-in",
    title: "Transfer-in child protection conference",
    countsFrom: "notification that the family has moved into the area",
    limit: { unit: "working-days", amount: 15 },
    statutory: true,
    summary: "within 15 working days",
  },
  {
    id: "permanence-plan",
    title: "Permanence plan",
    countsFrom: "the child becoming looked after",
    limit: { unit: "calendar-months", amount: 4 },
    statutory: false,
    summary: "within 4 months (local policy)",
  },
  {
    id: "review-before-18",
    title: "Review conference before the 18th birthday",
    countsFrom: "the 18th birthday",
    limit: { unit: "before-date" },
    statutory: true,
    summary: "before the 18th birthday",
  },
  {
    id: "action",
    title: "Agreed action",
    countsFrom: "the meeting that agreed it",
    limit: { unit: "own-date" },
    statutory: false,
    summary: "by its agreed date",
  },
] as const satisfies readonly RuleDefinition[];

/** Stable code for a rule id that is not in the table. */
export const UNKNOWN_RULE = "UNKNOWN_RULE";
/** Stable code for a local rule that would give more time than the statutory one. */
export const RULE_LOOSENED = "RULE_LOOSENED";
/** Stable code for a malformed local rule (wrong unit, bad amount, not localisable). */
export const INVALID_LOCAL_RULE = "INVALID_LOCAL_RULE";

/** Local authority overrides, by rule. Only measured rules can be overridden. */
export type LocalRules = Partial<Record<RuleId, LocalRuleLimit>>;

/** Options for {@link computeDueDate}. */
export interface ComputeDueDateOptions {
  /** Local overrides; a statutory rule may only be tightened. */
  localRules?: LocalRules;
}

const RULES_BY_ID: ReadonlyMap<string, RuleDefinition> = new Map(STATUTORY_RULES.map((r) => [r.id, r]));

/** True if s names a rule in the table (type guard for edges parsing user input). */
export function isRuleId(s: string): s is RuleId {
  return RULES_BY_ID.has(s);
}

/** The definition of a rule; throws DomainError UNKNOWN_RULE listing the valid ids. */
export function getRule(id: string): RuleDefinition {
  const rule = RULES_BY_ID.get(id);
  if (!rule) {
    throw new DomainError(UNKNOWN_RULE, `unknown rule "${id}"; valid rules: ${[...RULES_BY_ID.keys()].join(", ")}`, {
      rule: id,
    });
  }
  return rule;
}

/**
 * Why a deadline exists, as one English phrase for messages and help: "within 15 working
 * days of the strategy discussion that initiated section 47 enquiries". Rules whose summary
 * already names their anchor ("before the 18th birthday", "by its agreed date") are not
 * followed by "of ...", which would say the anchor twice.
 */
export function describeRule(id: string): string {
  const rule = getRule(id);
  return rule.limit.unit === "working-days" || rule.limit.unit === "calendar-months" || rule.limit.unit === "calendar-weeks" ? `${rule.summary} of ${rule.countsFrom}` : rule.summary;
}

/**
 * `from` plus whole calendar months, the day clamped to the month's end
 * (31 Jan + 1 month = 28 or 29 Feb). Clamping, not overflow into March, because
 * "within a month" of 31 January cannot mean 2 or 3 March.
 */
export function addCalendarMonths(from: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDateParts(from);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** Due date for a measured limit (working days or calendar months). */
function dueForLimit(limit: RuleLimit, from: IsoDate, cal: WorkingDayCalendar): IsoDate {
  switch (limit.unit) {
    case "working-days":
      return cal.addWorkingDays(from, limit.amount);
    case "calendar-months":
      // "Within 3 months" means no later: a non-working landing day moves BACK.
      return cal.onOrBeforeWorkingDay(addCalendarMonths(from, limit.amount));
    case "calendar-weeks":
      return cal.onOrBeforeWorkingDay(addCalendarDays(from, 7 * limit.amount));
    case "own-date":
      return from;
    case "before-date":
      // Reading of "a review held before [the 18th birthday]": the plan ends on the
      // birthday, so the review must be held on a working day strictly before it; the
      // latest such day is the deadline. Planning "months ahead" is the nudges' job.
      return cal.onOrBeforeWorkingDay(addCalendarDays(from, -1));
  }
}

function requireValidLocalLimit(rule: RuleDefinition, local: LocalRuleLimit): void {
  const measured = rule.limit.unit === "working-days" || rule.limit.unit === "calendar-months" || rule.limit.unit === "calendar-weeks";
  const unitOk = local.unit === "working-days" || local.unit === "calendar-months" || local.unit === "calendar-weeks";
  if (!measured || !unitOk || !Number.isInteger(local.amount) || local.amount < 1) {
    throw new DomainError(INVALID_LOCAL_RULE, `a local rule for "${rule.id}" must be a whole number (1 or more) of working days, calendar weeks or calendar months`, {
      rule: rule.id,
      local,
    });
  }
  // Same unit: reject a longer limit up front, whatever the start date.
  if (rule.statutory && rule.limit.unit === local.unit && local.amount > rule.limit.amount) {
    throw loosened(rule, local);
  }
}

function loosened(rule: RuleDefinition, local: LocalRuleLimit, details: Record<string, unknown> = {}): DomainError {
  return new DomainError(RULE_LOOSENED, `a local rule cannot loosen "${rule.id}" (statutory: ${rule.summary})`, {
    rule: rule.id,
    local,
    ...details,
  });
}

/**
 * Checks local rules when they are loaded (config time), so a loosening rule is refused
 * before it can ever produce a late deadline. Mixed units (e.g. months for a working-day
 * rule) can only be compared per start date, which {@link applyLocalRule} does.
 */
export function validateLocalRules(localRules: LocalRules): void {
  for (const [id, local] of Object.entries(localRules)) {
    if (local !== undefined) requireValidLocalLimit(getRule(id), local);
  }
}

/**
 * The due date under a local rule: the earlier of local and statutory (a local rule
 * can only tighten). Throws RULE_LOOSENED if the local rule would be later than the
 * statutory due date for this start. Non-statutory rules (local policy) are replaced.
 */
export function applyLocalRule(rule: RuleId, local: LocalRuleLimit, from: IsoDate, cal: WorkingDayCalendar): IsoDate {
  const def = getRule(rule);
  requireValidLocalLimit(def, local);
  const localDue = dueForLimit(local, parseIsoDate(from), cal);
  if (!def.statutory) return localDue;
  const statutoryDue = dueForLimit(def.limit, from, cal);
  if (localDue > statutoryDue) throw loosened(def, local, { from, localDue, statutoryDue });
  return localDue; // <= statutoryDue: the earlier of the two (ISO strings sort as dates)
}

/**
 * The last day (Europe/London) by which the rule's event must happen, counted from
 * `from` (the event named in the rule's countsFrom; for review-before-18, the 18th
 * birthday; for an action, its agreed date).
 */
export function computeDueDate(rule: RuleId, from: IsoDate, cal: WorkingDayCalendar, opts: ComputeDueDateOptions = {}): IsoDate {
  const def = getRule(rule);
  parseIsoDate(from);
  const local = opts.localRules?.[rule];
  if (local !== undefined) return applyLocalRule(rule, local, from, cal);
  return dueForLimit(def.limit, from, cal);
}
