/**
 * The review conference record: does the plan continue, why, and when is the next review
 * (no more than 6 months later while the plan lasts).
 */
import { z } from "zod";
import { ALWAYS, NAME_MAX, choice, isRecordLike, isoDate, optionalText, requireEscalationForDissent, requiredText } from "./record-parts.schema";

/** The review's outcome for the plan. */
export const REVIEW_OUTCOMES = ["continues", "ends"] as const;

/** The review conference record. */
export const ReviewConferenceRecordSchema = z
  .object({
    /** Whether the plan continues or ends. */
    outcome: choice(REVIEW_OUTCOMES, "Say whether the child protection plan continues or ends."),
    /** Why. */
    reason: requiredText("Explain why the plan continues or ends."),
    /** Every child in the household, each considered (Working Together: all children in the household are considered). */
    childrenConsidered: z
      .array(requiredText("Give each child's initials or reference and what was decided for them.", NAME_MAX), { error: "List every child in the household and what was decided for each." })
      .min(1, { error: "List every child in the household and what was decided for each." }),
    /** The chair confirms no child in the household was left out. */
    allChildrenConsidered: z.literal(true, { error: "Confirm that every child in the household was considered." }),
    /** The child's wishes and feelings as brought to the review. */
    childsVoice: optionalText(),
    /** Next review; required while the plan continues. */
    nextReviewDate: isoDate("the next review date").optional(),
    /** Disagreement with the decision. */
    dissent: optionalText(),
    /** To whom a disagreement was escalated, when, and the outcome. */
    escalation: optionalText(),
    /** The independent chair. */
    chair: requiredText("Give the name of the conference chair.", NAME_MAX),
    /**
     * This is the review planned before the 18th birthday. Only a review held before the
     * birthday and marked so closes that clock; an ordinary review does not.
     */
    reviewBeforeEighteen: z.boolean().optional(),
  })
  .superRefine((r, ctx) => {
    if (isRecordLike(r)) requireEscalationForDissent(r, (path, message) => ctx.addIssue({ code: "custom", path, message }));
    if (isRecordLike(r) && r.outcome === "continues" && r.nextReviewDate === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["nextReviewDate"],
        message: "The plan continues: give the date of the next review.",
      });
    }
  }, ALWAYS);

/** A valid review conference record. */
export type ReviewConferenceRecord = z.infer<typeof ReviewConferenceRecordSchema>;
