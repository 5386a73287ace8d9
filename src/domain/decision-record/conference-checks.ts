/**
 * Checks on conference records that need facts beyond the form: who manages the case (the
 * chair must be independent of its line management) and the working-day calendar (the
 * timescales the conference sets must be within the statutory limits). Pure: the app passes
 * the names and the calendar in from its own data.
 */
import type { WorkingDayCalendar } from "../calendar/working-day-calendar";
import { computeDueDate, type RuleId } from "../deadline/statutory-rules";
import type { MeetingKind } from "../meeting/meeting-kind";
import type { IsoDate } from "../shared/iso-date";
import { hasText, isRecordLike } from "./record-parts.schema";
import { dayInWordsForChecks } from "./record-dates";

/** What the checks need to know about the case and the meeting. */
export interface ConferenceFacts {
  /** The day the conference was held (Europe/London). */
  heldOn: IsoDate;
  /** Display names of the case's lead social worker and team manager: they cannot chair. */
  lineManagement: readonly string[];
  /** The working-day calendar (bank holidays and local closure days). */
  calendar: WorkingDayCalendar;
}

/** The dates a conference sets, each with the rule that limits it. */
const LIMITED_DATES: Partial<Record<MeetingKind, { field: string; rule: RuleId; what: string }[]>> = {
  icpc: [
    { field: "firstCoreGroupDate", rule: "core-group", what: "The first core group must meet within 10 working days of the conference" },
    { field: "reviewDate", rule: "first-review", what: "The first review conference must be within 3 months of the initial conference" },
  ],
  "review-conference": [{ field: "nextReviewDate", rule: "next-review", what: "The next review must be no more than 6 months after this one" }],
  "transfer-in-conference": [{ field: "nextReviewDate", rule: "first-review", what: "The first review must be within 3 months of the transfer-in conference" }],
};

/** Kinds chaired by an independent chair. */
const CHAIRED: ReadonlySet<MeetingKind> = new Set(["icpc", "review-conference", "transfer-in-conference"]);

const norm = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/**
 * Errors by field id for a parsed conference record: a chair who is the case's social worker
 * or team manager, and dates outside the statutory limits (or before the conference).
 */
export function checkConferenceRecord(kind: MeetingKind, record: unknown, facts: ConferenceFacts): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isRecordLike(record)) return errors;
  if (CHAIRED.has(kind) && hasText(record.chair)) {
    const chair = norm(record.chair);
    if (facts.lineManagement.some((name) => hasText(name) && norm(name) === chair)) {
      errors.chair = "The chair must be independent of the case's line management: the case's social worker or team manager cannot chair.";
    }
  }
  for (const limit of LIMITED_DATES[kind] ?? []) {
    const value = record[limit.field];
    if (typeof value !== "string") continue;
    const latest = computeDueDate(limit.rule, facts.heldOn, facts.calendar);
    if (value <= facts.heldOn) errors[limit.field] = `This date must be after the conference (${dayInWordsForChecks(facts.heldOn)}).`;
    else if (value > latest) errors[limit.field] = `${limit.what}: by ${dayInWordsForChecks(latest)} at the latest.`;
  }
  return errors;
}
