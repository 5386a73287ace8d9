import { PLAN_END_REASONS, PLAN_END_REASON_LABELS } from "../../../domain/plan/plan-end";
import { ActionId, actionData } from "../action-id";
import type { FormDescriptor } from "../form-descriptor";

/** The form's boxes; the use case's refusals name the same ids, so each comes back beside its box. */
export const PlanEndField = {
  /** Why the plan ended. */
  reason: "planEndReason",
  /** The day it ended (for a move: the day the family moved). */
  date: "endedOn",
  /** For a move: the day the receiving authority held its transfer-in conference. */
  transferInOn: "transferInOn",
} as const;

/**
 * Ends the case's child protection plan with its reason (Working Together ch. 1). A move to
 * another authority needs the receiving authority's transfer-in conference date: until it has
 * been held the plan stays open. Every agency invited to the initial conference is told.
 */
export function planEndForm(caseReference: string): FormDescriptor {
  return {
    action: ActionId.EndPlan,
    title: `End the child protection plan · ${caseReference}`,
    shortTitle: "End the plan",
    intro: "The review clocks close and every agency invited to the initial conference is told in the case channel. A move to another authority ends the plan only once the receiving authority has held its transfer-in conference.",
    submitLabel: "End the plan",
    tone: "destructive",
    fields: [
      { id: PlanEndField.reason, label: "Why the plan ends", type: "choice", required: true, maxLength: 60, section: "", choices: PLAN_END_REASONS.map((value) => ({ value, label: PLAN_END_REASON_LABELS[value] })) },
      { id: PlanEndField.date, label: "Date the plan ended (for a move: the day the family moved)", type: "date", required: true, maxLength: 10, section: "" },
      { id: PlanEndField.transferInOn, label: "For a move: date the receiving authority held its transfer-in conference", type: "date", required: false, maxLength: 10, section: "" },
    ],
    data: actionData(ActionId.EndPlan, caseReference),
  };
}
