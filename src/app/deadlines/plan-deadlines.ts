import type { Case } from "../../domain/case/case-reference";
import type { WorkingDayCalendar } from "../../domain/calendar/working-day-calendar";
import { addCalendarMonths } from "../../domain/deadline/statutory-rules";
import type { Clock } from "../../domain/shared/clock";
import { type IsoDate, parseIsoDate } from "../../domain/shared/iso-date";
import type { DeadlineRow } from "../ports/deadline";
import type { Repositories } from "../ports/unit-of-work";
import { type DeadlineEvent, openDeadline } from "./deadline-events";

/**
 * Clocks started by events that are not a meeting's record (records and held meetings are
 * handled by deadline-events.ts: createDeadlinesForRecord / closeDeadlinesForHeldMeeting).
 */
export type DeadlineTrigger =
  /** A referral arrived: decide within 1 working day, assess within 45. */
  | { kind: "referral-received"; sourceId: string; receivedOn: IsoDate }
  /** The family moved in: transfer-in conference within 15 working days of notification. */
  | { kind: "transfer-in-notified"; sourceId: string; notifiedOn: IsoDate }
  /** The child became looked after: a permanence plan within 4 months (local policy). */
  | { kind: "looked-after"; sourceId: string; lookedAfterOn: IsoDate }
  /** The child's date of birth is known: a review before the 18th birthday. */
  | { kind: "date-of-birth-known"; dateOfBirth: IsoDate };

/** The clocks a trigger starts (pure). */
export function planDeadlineEvents(t: DeadlineTrigger): DeadlineEvent[] {
  switch (t.kind) {
    case "referral-received":
      return [
        { rule: "referral-decision", sourceKind: "referral", sourceId: t.sourceId, from: parseIsoDate(t.receivedOn) },
        { rule: "assessment", sourceKind: "referral", sourceId: t.sourceId, from: parseIsoDate(t.receivedOn) },
      ];
    case "transfer-in-notified":
      return [{ rule: "transfer-in", sourceKind: "transfer-in-notification", sourceId: t.sourceId, from: parseIsoDate(t.notifiedOn) }];
    case "looked-after":
      return [{ rule: "permanence-plan", sourceKind: "looked-after", sourceId: t.sourceId, from: parseIsoDate(t.lookedAfterOn) }];
    case "date-of-birth-known": {
      // The rule counts from the 18th birthday itself; one deadline per birthday.
      const birthday = addCalendarMonths(parseIsoDate(t.dateOfBirth), 18 * 12);
      return [{ rule: "review-before-18", sourceKind: "date-of-birth", sourceId: birthday, from: birthday }];
    }
  }
}

/** What {@link createDeadlines} needs: time and the working-day calendar. */
export interface DeadlineContext {
  clock: Clock;
  calendar: WorkingDayCalendar;
}

/**
 * Opens the deadlines a trigger starts, inside the caller's transaction (idempotent per
 * rule and source). Each gets nextNudgeAt = firstNudgeAt, so the "created" nudge goes out
 * through the normal scheduler pass and outbox, never directly.
 */
export async function createDeadlines(repos: Repositories, theCase: Case, trigger: DeadlineTrigger | DeadlineEvent[], ctx: DeadlineContext): Promise<DeadlineRow[]> {
  const events = Array.isArray(trigger) ? trigger : planDeadlineEvents(trigger);
  const rows: DeadlineRow[] = [];
  for (const e of events) rows.push(await openDeadline(ctx, repos, theCase, e));
  return rows;
}
