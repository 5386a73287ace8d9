/**
 * The initial child protection conference record (Working Together, chapter 1, step 5):
 * whether there is a plan, under which category, who leads it, who is in the core group,
 * the outline plan and when it is reviewed.
 */
import { z } from "zod";
import {
  ALWAYS,
  ActionItemSchema,
  NAME_MAX,
  PlanCategorySchema,
  hasText,
  isRecordLike,
  isoDate,
  optionalText,
  requireEscalationForDissent,
  requiredText,
  yesNo,
} from "./record-parts.schema";

/**
 * Shared rule for conferences that can start a plan (ICPC, transfer-in): with a plan, the
 * category, lead social worker and review date are what the census and the deadline engine
 * need, so they are required; without one they would be meaningless and are not asked for.
 */
export function requirePlanDetails(
  r: Record<string, unknown>,
  addIssue: (path: (string | number)[], message: string) => void,
  reviewField: string,
): void {
  if (r.plan !== true) return;
  if (r.category === undefined) addIssue(["category"], "The child has a plan: choose its category.");
  if (!hasText(r.leadSocialWorker)) addIssue(["leadSocialWorker"], "The child has a plan: name the lead social worker.");
  if (r[reviewField] === undefined) addIssue([reviewField], "The child has a plan: give the date of the review conference.");
}

/** The ICPC record. */
export const IcpcRecordSchema = z
  .object({
    /** Whether the child becomes subject to a child protection plan. */
    plan: yesNo("Say whether the child will have a child protection plan."),
    /** Category of the plan; required with a plan. */
    category: PlanCategorySchema.optional(),
    /** How the decision was reached, including any views that differed. */
    decisionReason: requiredText("Explain how the conference reached its decision."),
    /** The child's wishes and feelings as brought to the conference. */
    childsVoice: optionalText(),
    /** Lead social worker; required with a plan. */
    leadSocialWorker: optionalText(NAME_MAX),
    /** The lead statutory body the conference appoints (Working Together, chapter 1), e.g. the local authority's children's services. */
    leadStatutoryBody: optionalText(NAME_MAX),
    /** The chair confirms they are independent of operational and line management of the case. */
    chairIndependent: z.literal(true, { error: "The chair must confirm they are independent of the case's line management: the case's team manager or social worker cannot chair." }),
    /** When the first core group meets: within 10 working days of the conference. Required with a plan. */
    firstCoreGroupDate: isoDate("the first core group date").optional(),
    /** The written views of those invited who could not attend. */
    absentViews: optionalText(),
    /** Core group: practitioners and family members. Required with a plan. */
    coreGroupMembers: z.array(requiredText("Give each core group member's name and role.", NAME_MAX)).default([]),
    /** Outline plan actions; at least one with a plan. */
    actions: z.array(ActionItemSchema).default([]),
    /** First review conference; required with a plan (no later than 3 months after the ICPC). */
    reviewDate: isoDate("the review conference date").optional(),
    /** Disagreement with the decision, and by whom. */
    dissent: optionalText(),
    /** To whom a disagreement was escalated, when, and the outcome. */
    escalation: optionalText(),
    /** The independent chair. */
    chair: requiredText("Give the name of the conference chair.", NAME_MAX),
  })
  .superRefine((r, ctx) => {
    if (!isRecordLike(r)) return;
    const add = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    requirePlanDetails(r, add, "reviewDate");
    requireEscalationForDissent(r, add);
    if (r.plan === true) {
      if (!hasText(r.leadStatutoryBody)) add(["leadStatutoryBody"], "The child has a plan: name the lead statutory body.");
      if (r.firstCoreGroupDate === undefined) add(["firstCoreGroupDate"], "The child has a plan: give the date of the first core group (within 10 working days).");
      if (!Array.isArray(r.coreGroupMembers) || r.coreGroupMembers.length === 0) {
        add(["coreGroupMembers"], "The child has a plan: list the core group members.");
      }
      if (!Array.isArray(r.actions) || r.actions.length === 0) {
        add(["actions"], "The child has a plan: agree at least one outline plan action, with who and by when.");
      }
    }
  }, ALWAYS);

/** A valid ICPC record. */
export type IcpcRecord = z.infer<typeof IcpcRecordSchema>;
