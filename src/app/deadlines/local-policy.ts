/**
 * The local authority's own policy on top of the statutory table (DOMAIN.md: "a local authority
 * may add ... local rules, for example core group frequency"). Statutory limits are never
 * loosened here; these only plan meetings and nudges.
 */
export interface LocalPolicy {
  /** Calendar months before the review before 18 is due on which to nudge (planned well ahead). */
  readonly reviewBefore18NudgeMonths: readonly number[];
  /** Weeks between core group meetings after the first (the local protocol). */
  readonly coreGroupCadenceWeeks: number;
  /** Per-authority cadence where one deployment serves several, by tenant. */
  readonly coreGroupCadenceWeeksByTenant: Readonly<Record<string, number>>;
}

/** The defaults: nudge 6, 3 and 1 months before the review before 18; core groups every 6 weeks. */
export const DEFAULT_LOCAL_POLICY: LocalPolicy = { reviewBefore18NudgeMonths: [6, 3, 1], coreGroupCadenceWeeks: 6, coreGroupCadenceWeeksByTenant: {} };

/** The months-ahead nudges a clock of this rule gets (only the review before 18 is planned months ahead). */
export function nudgeMonthsBefore(rule: string, policy: LocalPolicy = DEFAULT_LOCAL_POLICY): readonly number[] {
  return rule === "review-before-18" ? policy.reviewBefore18NudgeMonths : [];
}

/** Weeks between later core groups for this tenant's authority. */
export function coreGroupCadenceWeeks(tenant: string, policy: LocalPolicy = DEFAULT_LOCAL_POLICY): number {
  return policy.coreGroupCadenceWeeksByTenant[tenant] ?? policy.coreGroupCadenceWeeks;
}
