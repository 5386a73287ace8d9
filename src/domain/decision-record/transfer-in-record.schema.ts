/**
 * The transfer-in conference record: the receiving authority decides whether its own plan
 * starts (only then does the original plan end), so it reuses the ICPC's plan fields.
 */
import { z } from "zod";
import { requirePlanDetails } from "./icpc-record.schema";
import {
  ALWAYS,
  NAME_MAX,
  PlanCategorySchema,
  isRecordLike,
  isoDate,
  optionalText,
  requireEscalationForDissent,
  requiredText,
  yesNo,
} from "./record-parts.schema";

/** The transfer-in conference record. */
export const TransferInRecordSchema = z
  .object({
    /** Whether the child has a child protection plan in this authority. */
    plan: yesNo("Say whether the child will have a child protection plan here."),
    /** Category; required with a plan. */
    category: PlanCategorySchema.optional(),
    /** How the decision was reached. */
    decisionReason: requiredText("Explain how the conference reached its decision."),
    /** Lead social worker in the receiving authority; required with a plan. */
    leadSocialWorker: optionalText(NAME_MAX),
    /** Next review; required with a plan. */
    nextReviewDate: isoDate("the next review date").optional(),
    /** The child's wishes and feelings. */
    childsVoice: optionalText(),
    /** Disagreement with the decision. */
    dissent: optionalText(),
    /** To whom a disagreement was escalated, when, and the outcome. */
    escalation: optionalText(),
    /** The independent chair. */
    chair: requiredText("Give the name of the conference chair.", NAME_MAX),
  })
  .superRefine((r, ctx) => {
    if (!isRecordLike(r)) return;
    const add = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    requirePlanDetails(r, add, "nextReviewDate");
    requireEscalationForDissent(r, add);
  }, ALWAYS);

/** A valid transfer-in conference record. */
export type TransferInRecord = z.infer<typeof TransferInRecordSchema>;
