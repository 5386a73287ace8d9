import { parseCaseReference } from "../../domain/case/case-reference";
import { DomainError } from "../../domain/shared/domain-error";
import type { UnitOfWork } from "../ports/unit-of-work";
import type { CaseExportDisclosure } from "../views/case-export-view";
import { disclosureView } from "../views/sharing-log-view";

/** A case's information-sharing log, as people read it. */
export interface SharingLogView {
  /** The case reference. */
  caseReference: string;
  /** Every disclosure, oldest first. */
  rows: CaseExportDisclosure[];
}

/** Reads a case's information-sharing log, oldest first, for `convene sharing-log`. Read-only. */
export async function listSharingLog(deps: { uow: UnitOfWork }, req: { tenant: string; caseRef: string }): Promise<SharingLogView> {
  const reference = parseCaseReference(req.caseRef);
  return deps.uow.run(async (repos) => {
    const c = await repos.cases.findByReference(req.tenant, reference);
    if (!c) throw new DomainError("CASE_NOT_FOUND", `No case ${reference} in tenant ${req.tenant}.`);
    return { caseReference: c.reference, rows: (await repos.sharing.listForCase(c.id)).map(disclosureView) };
  });
}
