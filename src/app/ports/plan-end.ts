import type { PlanEnd } from "../../domain/plan/plan-end";

/** Recorded ends of child protection plans. */
export interface PlanEndRepository {
  /** Inserts a plan end. There is no update: a plan ends once. */
  create(p: PlanEnd): Promise<void>;
  /** Every plan end on a case, earliest end first. */
  listForCase(caseId: string): Promise<PlanEnd[]>;
}
