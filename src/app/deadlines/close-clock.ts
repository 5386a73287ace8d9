import { judgeClockClose, type ClockVerdict } from "../../domain/deadline/clock-closing";
import { isoDateInLondon, type IsoDate } from "../../domain/shared/iso-date";
import type { AppDeps } from "../app-deps";
import type { DeadlineRow } from "../ports/deadline";
import type { Repositories } from "../ports/unit-of-work";

/** Every event that closes a clock as met or missed (a waiver is not one: see waiveOpenDeadline). */
export type ClosingEventKind =
  | "meeting-held"
  | "referral-decision"
  | "assessment-concluded"
  | "action-done"
  | "action-cancelled"
  | "plan-ended"
  | "permanence-plan-recorded";

/** What closed a clock, on its own date. */
export interface ClosingEvent {
  /** Which kind of event. */
  kind: ClosingEventKind;
  /** The event's own date (a meeting's date, the day a decision was made), never simply the day a button was pressed. */
  on: IsoDate;
  /** Who recorded it. */
  byId: string;
  /** The held meeting, for meeting-held. */
  meetingId?: string;
  /** Why, when the event needs a reason (an overrun, a cancellation). */
  reason?: string | null;
  /** Structured detail kept with the clock (the referral response, feedback to the referrer). */
  detail?: Record<string, unknown>;
  /** The form box the date came from, for a refusal shown beside it. */
  dateField?: string;
}

/**
 * Closes an open clock on its closing event: met or missed judged on the event's own date,
 * the working days it took, who recorded it and why; nudges stop; audited. Throws a
 * DomainError with `details.field` when the date is in the future or before the clock began.
 */
export async function closeOpenDeadline(deps: Pick<AppDeps, "clock" | "calendar">, repos: Repositories, d: DeadlineRow, e: ClosingEvent): Promise<DeadlineRow & ClockVerdict> {
  const now = deps.clock.now();
  const verdict = judgeClockClose(d, e.on, isoDateInLondon(now), deps.calendar, e.dateField);
  const closed = {
    ...d,
    ...verdict,
    closedAt: now,
    closedOn: e.on,
    closedById: e.byId,
    closingEvent: e.kind,
    closeReason: e.reason ?? null,
    closeDetail: e.detail ? JSON.stringify(e.detail) : null,
    closedByMeetingId: e.meetingId ?? d.closedByMeetingId,
    nextNudgeAt: null,
  };
  await repos.deadlines.update(closed);
  await repos.audit.append({
    at: now, actorId: e.byId, action: "close", entityType: "deadline", entityId: d.id, caseId: d.caseId,
    detail: { rule: d.rule, status: verdict.status, closingEvent: e.kind, closedOn: e.on, workingDaysTaken: verdict.workingDaysTaken },
  });
  return closed;
}
