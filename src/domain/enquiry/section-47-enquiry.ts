import { DomainError } from "../shared/domain-error";
import type { IsoDate } from "../shared/iso-date";

/**
 * How a section 47 enquiry ends (DOMAIN.md): concerns substantiated and an initial
 * conference convened; substantiated but no conference, with the reason; or not substantiated.
 */
export const ENQUIRY_OUTCOMES = ["substantiated-icpc", "substantiated-no-conference", "not-substantiated"] as const;
/** One of {@link ENQUIRY_OUTCOMES}. */
export type EnquiryOutcome = (typeof ENQUIRY_OUTCOMES)[number];

/** What each outcome is called, on every form, card and export: the one table. */
export const ENQUIRY_OUTCOME_LABELS: Readonly<Record<EnquiryOutcome, string>> = {
  "substantiated-icpc": "Concerns substantiated: convene an initial child protection conference",
  "substantiated-no-conference": "Concerns substantiated: no conference (say why)",
  "not-substantiated": "Concerns not substantiated",
};

/**
 * open: enquiries under way; awaiting-conference: substantiated, the initial conference is
 * still to be held; closed: ended by an outcome or by the conference; withdrawn: the
 * discussion that started it was amended to "no section 47".
 */
export type EnquiryStatus = "open" | "awaiting-conference" | "closed" | "withdrawn";

/** A section 47 enquiry: the record the initial conference clock belongs to. */
export interface Section47Enquiry {
  /** The enquiry's id (also the initial conference clock's source id). */
  id: string;
  /** The case. */
  caseId: string;
  /** The s47 start date (CIN census N00148). */
  startDate: IsoDate;
  /** Started by a strategy discussion's decision, or on a date the social worker recorded. */
  startSource: "strategy-discussion" | "recorded";
  /** The strategy discussion that initiated it, when one did. */
  startedByMeetingId: string | null;
  /** Where it stands. */
  status: EnquiryStatus;
  /** How it ended, once it has. */
  outcome: EnquiryOutcome | null;
  /** Why there is no conference (required for substantiated-no-conference), or any note on the outcome. */
  outcomeReason: string | null;
  /** The day the outcome was reached. */
  outcomeDate: IsoDate | null;
  /** Who recorded the outcome. */
  outcomeById: string | null;
}

/** True while a new strategy discussion on the case continues this enquiry rather than starting another. */
export function isEnquiryOngoing(e: Section47Enquiry): boolean {
  return e.status === "open" || e.status === "awaiting-conference";
}

/** What the record of an initial conference clock says about an outcome being recorded. */
export interface OutcomeContext {
  /** The enquiry's initial conference clock is still open. */
  icpcClockOpen: boolean;
  /** An initial conference has already been held for it. */
  icpcHeld: boolean;
}

/**
 * Records an outcome, refusing one that contradicts the record (DomainError
 * `OUTCOME_CONTRADICTS_RECORD` with `details.field`): "substantiated, conference" needs an
 * open initial conference clock; the other two outcomes cannot follow a conference already
 * held. A reason is required for "substantiated, no conference".
 */
export function recordEnquiryOutcome(e: Section47Enquiry, outcome: EnquiryOutcome, on: IsoDate, reason: string | null, byId: string, ctx: OutcomeContext): Section47Enquiry {
  if (e.status !== "open") {
    throw new DomainError("ENQUIRY_NOT_OPEN", e.outcome ? "This enquiry's outcome is already recorded." : "This enquiry is no longer open.", { field: "outcome" });
  }
  if (on < e.startDate) throw new DomainError("CLOSED_ON_BEFORE_START", `That date is before the enquiry started (${e.startDate}). Check the date.`, { field: "date" });
  if (outcome === "substantiated-icpc" && !ctx.icpcClockOpen) {
    throw new DomainError("OUTCOME_CONTRADICTS_RECORD", "There is no open initial conference clock for this enquiry, so it cannot end with a conference to convene. Check the outcome.", { field: "outcome" });
  }
  if (outcome !== "substantiated-icpc" && ctx.icpcHeld) {
    throw new DomainError("OUTCOME_CONTRADICTS_RECORD", "An initial conference has already been held for this enquiry. Record that the concerns were substantiated with a conference.", { field: "outcome" });
  }
  const why = reason?.trim() ?? "";
  if (outcome === "substantiated-no-conference" && why.length < 10) {
    throw new DomainError("REASON_REQUIRED", "Say in a sentence why no conference will be held.", { field: "reason" });
  }
  return {
    ...e,
    status: outcome === "substantiated-icpc" ? "awaiting-conference" : "closed",
    outcome,
    outcomeReason: why || null,
    outcomeDate: on,
    outcomeById: byId,
  };
}
