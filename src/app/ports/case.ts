import type { Case } from "../../domain/case/case-reference";

/** Cases, by reference within a tenant or by id. */
export interface CaseRepository {
  /** The case with this reference in this tenant, or null. */
  findByReference(tenant: string, reference: string): Promise<Case | null>;
  /** The case with this id, or null. */
  findById(id: string): Promise<Case | null>;
  /** The cases with these ids (any order; missing ids are simply absent). */
  findManyByIds(ids: string[]): Promise<Case[]>;
  /** Inserts a case and returns it as stored. */
  create(c: Case): Promise<Case>;
  /** Every case in a tenant, by reference (the census extract walks them one at a time). */
  listForTenant(tenant: string): Promise<Case[]>;
  /** Saves a changed case. */
  update(c: Case): Promise<void>;
}
