/** The responses to a referral Working Together names (DOMAIN.md "When each clock closes"). */
export const REFERRAL_RESPONSES = ["no-further-action", "child-in-need-assessment", "strategy-discussion", "immediate-protection"] as const;
/** One of {@link REFERRAL_RESPONSES}. */
export type ReferralResponse = (typeof REFERRAL_RESPONSES)[number];

/** What each referral response is called, on every form, card and export: the one table. */
export const REFERRAL_RESPONSE_LABELS: Readonly<Record<ReferralResponse, string>> = {
  "no-further-action": "No further action",
  "child-in-need-assessment": "Child in need assessment (section 17)",
  "strategy-discussion": "Strategy discussion",
  "immediate-protection": "Immediate protection",
};
