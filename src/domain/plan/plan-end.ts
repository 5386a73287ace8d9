import type { IsoDate } from "../shared/iso-date";

/**
 * Why a child protection plan ends (Working Together ch. 1; DOMAIN.md "A plan ends"): no longer
 * at risk of significant harm, a permanent move to another authority (only after the receiving
 * authority's transfer-in conference), turning 18, death, or leaving the UK.
 */
export const PLAN_END_REASONS = ["no-longer-at-risk", "moved-to-another-authority", "turned-18", "died", "left-the-uk"] as const;
/** One of {@link PLAN_END_REASONS}. */
export type PlanEndReason = (typeof PLAN_END_REASONS)[number];

/** What each reason is called, on every form, card, notice and export: the one table. */
export const PLAN_END_REASON_LABELS: Readonly<Record<PlanEndReason, string>> = {
  "no-longer-at-risk": "No longer at risk of significant harm",
  "moved-to-another-authority": "Moved permanently to another local authority (after its transfer-in conference)",
  "turned-18": "Turned 18",
  died: "Died",
  "left-the-uk": "Left the UK",
};

/** A recorded plan end. */
export interface PlanEnd {
  /** Its id. */
  id: string;
  /** The case. */
  caseId: string;
  /** Why the plan ended. */
  reason: PlanEndReason;
  /** The day it ended (the census plan end date); for a move, the receiving authority's transfer-in conference. */
  endedOn: IsoDate;
  /** The day the initial conference started the plan that ended. */
  planStartedOn: IsoDate;
  /** For a move: the day the family moved. */
  movedOn: IsoDate | null;
  /** Who recorded it. */
  recordedById: string;
}
