/**
 * Building blocks shared by every decision record schema.
 *
 * Messages are written for the social worker filling in the form, not for a developer:
 * each says what to do next, in plain English, and never names a type or a regex.
 */
import { z } from "zod";
import type { IsoDate } from "../shared/iso-date";

/** Longest free text we accept. Slack's plain_text_input caps at 3000, so a longer limit could never be typed there. */
export const LONG_TEXT_MAX = 3000;
/** Longest one-line answer (a summary of what was shared with the family, an action). */
export const SHORT_TEXT_MAX = 300;
/** Longest name, role or agency. */
export const NAME_MAX = 120;
/**
 * Longest name, role or agency of an attendee or apology. Looser than {@link NAME_MAX}
 * because these usually come from the roster (platform display names, "Alex (for Police CAIT
 * duty desk)" claims), which the recorder cannot edit.
 */
export const ATTENDEE_TEXT_MAX = SHORT_TEXT_MAX;

/** Required text: trimmed, non-empty, bounded. One message for missing and blank, because to the user they are the same mistake. */
export function requiredText(message: string, max: number = LONG_TEXT_MAX) {
  return z
    .string({ error: message })
    .trim()
    .min(1, { error: message })
    .max(max, { error: `Keep this to ${max} characters or fewer.` });
}

/** Optional text: blank is treated as not given, so an emptied box does not store "". */
export function optionalText(max: number = LONG_TEXT_MAX) {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string({ error: "This should be text." })
      .trim()
      .max(max, { error: `Keep this to ${max} characters or fewer.` })
      .optional(),
  );
}

/** True when `value` is a real calendar date written YYYY-MM-DD (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

const DATE_MESSAGE = "Enter a date as YYYY-MM-DD, for example 2025-03-14.";

/** A calendar date (see {@link IsoDate}); `what` names the date in the message, e.g. "the review date". */
export function isoDate(what = "a date") {
  const message = `Enter ${what} as YYYY-MM-DD, for example 2025-03-14.`;
  return z
    .string({ error: message })
    .trim()
    .refine((v): v is IsoDate => isIsoDate(v), { error: what === "a date" ? DATE_MESSAGE : message });
}

/** A 24-hour clock time HH:mm. */
export function clockTime() {
  const message = "Enter the time as HH:mm on the 24-hour clock, for example 14:30.";
  return z
    .string({ error: message })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: message });
}

/** One of a fixed set of answers, with a message that asks the question again. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.enum(values, { error: message });
}

/** A yes/no answer that must be given: a missing answer is not read as "no". */
export function yesNo(message: string) {
  return z.boolean({ error: message });
}

/** A person at the meeting. `seniorityConfirmed` records the statutory test that they could decide for their agency. */
export const AttendeeSchema = z.object({
  /** Full name as the roster or the recorder gives it. */
  name: requiredText("Give each person's name.", ATTENDEE_TEXT_MAX),
  /** Job role, e.g. "Named nurse for safeguarding". */
  role: requiredText("Give each person's role.", ATTENDEE_TEXT_MAX),
  /** Agency they spoke for, e.g. "Police", "Health", "Children's social care". */
  agency: requiredText("Say which agency each person spoke for.", ATTENDEE_TEXT_MAX),
  /** Confirmed as senior enough to make decisions for their agency (Working Together, chapter 1). */
  seniorityConfirmed: z.boolean({ error: "Say whether each person was senior enough to make decisions for their agency." }),
});
/** A person at the meeting. */
export type Attendee = z.infer<typeof AttendeeSchema>;

/** Someone who was invited and sent apologies. */
export const ApologySchema = z.object({
  /** Name of the person who could not attend. */
  name: requiredText("Give the name of each person who sent apologies.", ATTENDEE_TEXT_MAX),
  /** Their agency. */
  agency: requiredText("Say which agency sent apologies.", ATTENDEE_TEXT_MAX),
});
/** Someone who sent apologies. */
export type Apology = z.infer<typeof ApologySchema>;

/** "Who will do what by when": the unit that feeds the deadline engine. */
export const ActionItemSchema = z.object({
  /** Who owns it: a person or an agency label, e.g. "Health visitor" or "Police CAIT". */
  who: requiredText("Say who will do this.", NAME_MAX),
  /** What they will do. */
  what: requiredText("Say what will be done.", SHORT_TEXT_MAX),
  /** The day it must be done by (Europe/London). */
  byWhen: isoDate("the date it will be done by"),
});
/** One agreed action. */
export type ActionItem = z.infer<typeof ActionItemSchema>;

/** Child protection plan categories as the Children in Need census counts them. */
export const PLAN_CATEGORIES = ["neglect", "physical", "emotional", "sexual", "multiple"] as const;
/** One of {@link PLAN_CATEGORIES}. */
export type PlanCategory = (typeof PLAN_CATEGORIES)[number];
/** The category of abuse a plan is made under. */
export const PlanCategorySchema = choice(PLAN_CATEGORIES, "Choose the category of the child protection plan.");

/** True for a plain object (not null, not an array). Cross-field checks run on possibly invalid input, so they test shapes first. */
export function isRecordLike(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when `value` is a string with something in it. */
export function hasText(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

/**
 * Options for cross-field checks: run them even when other fields are wrong.
 * Zod skips refinements after any error by default, which would make the user fix one
 * batch of messages only to be shown a second batch; a form should show everything at once.
 */
export const ALWAYS = { when: () => true } as const;

/**
 * Dissent and its escalation, for every kind of meeting: practice principles ask that the
 * record says how decisions were not made, and where a disagreement went.
 */
export function requireEscalationForDissent(r: Record<string, unknown>, addIssue: (path: (string | number)[], message: string) => void): void {
  if (hasText(r.dissent) && !hasText(r.escalation)) {
    addIssue(["escalation"], "Someone disagreed: say to whom it was escalated, when, and the outcome (or why it was not escalated).");
  }
}
