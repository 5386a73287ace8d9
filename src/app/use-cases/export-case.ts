import { parseCaseReference } from "../../domain/case/case-reference";
import type { DecisionRecordPayload } from "../../domain/decision-record/decision-record.schema";
import { getRule, isRuleId } from "../../domain/deadline/statutory-rules";
import { DomainError } from "../../domain/shared/domain-error";
import type { CaseExportModel } from "../views/case-export-view";
import type { Clock } from "../../domain/shared/clock";
import type { UnitOfWork } from "../ports/unit-of-work";

/** Who is exporting: an operator at the CLI (the audit trail records it). */
export interface ExportRequest {
  tenant: string;
  caseRef: string;
  /** Recorded in the audit trail, e.g. "cli:alice". */
  operator: string;
}

/**
 * Gathers a case's meetings, every record version, actions and deadlines for the case file,
 * and records the export in the audit trail (who took a copy, and when).
 */
export async function exportCase(deps: { uow: UnitOfWork; clock: Clock }, req: ExportRequest): Promise<CaseExportModel> {
  const reference = parseCaseReference(req.caseRef);
  return deps.uow.run(async (repos) => {
    const c = await repos.cases.findByReference(req.tenant, reference);
    if (!c) throw new DomainError("CASE_NOT_FOUND", `No case ${reference} in tenant ${req.tenant}.`);
    const now = deps.clock.now();
    const records = await repos.records.listForCase(c.id);
    const authors = new Map((await repos.practitioners.findManyByIds([...new Set(records.map((r) => r.authorId))])).map((p) => [p.id, p.displayName]));
    const meetings = (await repos.meetings.listForCase(c.id)).map((m) => ({
      id: m.id,
      kind: m.kind,
      status: m.status,
      scheduledAt: m.scheduledAt,
      heldAt: m.heldAt,
      records: records
        .filter((r) => r.meetingId === m.id)
        .map((r) => ({ version: r.version, createdAt: r.createdAt, authorId: r.authorId, authorLabel: authors.get(r.authorId), reason: r.reason, payload: r.payload as DecisionRecordPayload })),
    }));
    const actions = (await repos.actions.listForCase(c.id)).map((a) => ({ id: a.id, meetingId: a.meetingId, ownerLabel: a.ownerLabel, description: a.description, dueDate: a.dueDate, status: a.status }));
    const deadlines = (await repos.deadlines.listForCase(c.id)).map((d) => ({
      id: d.id, rule: d.rule, ruleLabel: isRuleId(d.rule) ? getRule(d.rule).title : undefined, sourceDate: d.sourceDate, dueDate: d.dueDate,
      status: d.status, waivedReason: d.waivedReason, closedAt: d.closedAt, workingDaysTaken: d.workingDaysTaken,
    }));
    await repos.audit.append({ at: now, actorId: req.operator, action: "export", entityType: "case", entityId: c.id, caseId: c.id, detail: { meetings: meetings.length } });
    return { caseReference: c.reference, exportedAt: now, exportedBy: req.operator, meetings, actions, deadlines };
  });
}
