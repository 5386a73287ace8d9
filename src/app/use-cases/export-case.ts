import { randomUUID } from "node:crypto";
import { parseCaseReference } from "../../domain/case/case-reference";
import type { DecisionRecordPayload } from "../../domain/decision-record/decision-record.schema";
import { getRule, isRuleId } from "../../domain/deadline/statutory-rules";
import { DomainError } from "../../domain/shared/domain-error";
import type { CaseExportInvitee, CaseExportModel, CaseExportProposedTime } from "../views/case-export-view";
import { tallyTimes } from "../../domain/meeting/time-poll";
import { requiredRoles, type Meeting } from "../../domain/meeting/meeting";
import { INVITEE_ROLE_LABELS } from "../../domain/invitation/invitation";
import type { Clock } from "../../domain/shared/clock";
import type { Repositories, UnitOfWork } from "../ports/unit-of-work";
import { buildDecisionRecordView, dayInWords, meetingWhen } from "../views/decision-record-view";
import { loadDecisionRecord } from "../views/load-decision-record";
import { disclosureView } from "../views/sharing-log-view";
import { CLOSING_EVENT_WORDS } from "../views/closing-event-words";
import { ENQUIRY_OUTCOME_LABELS } from "../../domain/enquiry/section-47-enquiry";

/** Who is exporting, and why: both go into the information-sharing log and the audit trail. */
export interface ExportRequest {
  tenant: string;
  caseRef: string;
  /** The person taking the copy, by name (e.g. "Sam Okafor"), never the machine account. */
  exportedBy: string;
  /** Why they are taking it, e.g. "Case file for the conference report". */
  reason: string;
  /** The format, named in the log ("HTML" or "JSON"). */
  format: string;
  /** The operator account on the machine, kept in the audit trail, e.g. "cli:alice". */
  operator: string;
}

/**
 * Gathers a case's meetings, every record version (each as the same document the Teams card
 * and Slack modal show), actions, deadlines and the information-sharing log for the case file.
 * The export is itself a disclosure: it is logged (who, why, lawful basis) before the log is
 * read, so the copy lists itself, and it is audited.
 */
export async function exportCase(deps: { uow: UnitOfWork; clock: Clock }, req: ExportRequest): Promise<CaseExportModel> {
  const reference = parseCaseReference(req.caseRef);
  const exportedBy = req.exportedBy.trim();
  const reason = req.reason.trim();
  if (exportedBy.length < 2) throw new DomainError("EXPORTER_REQUIRED", "Say who is taking the copy, by name: --by \"Sam Okafor\".");
  if (reason.length < 5) throw new DomainError("EXPORT_REASON_REQUIRED", "Say why the copy is needed: --reason \"Case file for the conference report\".");
  return deps.uow.run(async (repos) => {
    const c = await repos.cases.findByReference(req.tenant, reference);
    if (!c) throw new DomainError("CASE_NOT_FOUND", `No case ${reference} in tenant ${req.tenant}.`);
    const now = deps.clock.now();
    const records = await repos.records.listForCase(c.id);
    const authors = new Map((await repos.practitioners.findManyByIds([...new Set(records.map((r) => r.authorId))])).map((p) => [p.id, p.displayName]));
    const meetings = [];
    for (const m of await repos.meetings.listForCase(c.id)) {
      const versions = records.filter((r) => r.meetingId === m.id);
      const loaded = versions.length ? await loadDecisionRecord(repos, c, m) : null;
      const when = meetingWhen(m, loaded?.latest.payload);
      meetings.push({
        id: m.id,
        kind: m.kind,
        status: m.status,
        scheduledAt: m.scheduledAt,
        heldAt: m.heldAt,
        ...(when.date ? { whenLabel: `${dayInWords(when.date)}${when.time ? ` at ${when.time}` : ""}` } : {}),
        cancelledReason: m.cancelledReason ?? null,
        proposedTimes: await proposedTimesOf(repos, m),
        quorumOverrideReason: m.quorumOverrideReason ?? null,
        invitees: await exportedRoster(repos, m.id),
        records: versions.map((r) => ({
          version: r.version, createdAt: r.createdAt, authorId: r.authorId, authorLabel: authors.get(r.authorId), reason: r.reason, payload: r.payload as DecisionRecordPayload,
          ...(loaded
            ? { document: buildDecisionRecordView({ ...loaded.input, record: { version: r.version, payload: r.payload, reason: r.reason, createdAt: r.createdAt, authorLabel: authors.get(r.authorId) ?? "Unknown" } }) }
            : {}),
        })),
      });
    }
    const actions = (await repos.actions.listForCase(c.id)).map((a) => ({ id: a.id, meetingId: a.meetingId, ownerLabel: a.ownerLabel, description: a.description, dueDate: a.dueDate, status: a.status }));
    const clockRows = await repos.deadlines.listForCase(c.id);
    const enquiryRows = await repos.enquiries.listForCase(c.id);
    const people = new Map(
      (await repos.practitioners.findManyByIds([...new Set([...clockRows.map((d) => d.closedById), ...enquiryRows.map((e) => e.outcomeById)].filter((x): x is string => !!x))]))
        .map((p) => [p.id, p.displayName]),
    );
    const deadlines = clockRows.map((d) => ({
      id: d.id, rule: d.rule, ruleLabel: isRuleId(d.rule) ? getRule(d.rule).title : undefined, sourceDate: d.sourceDate, dueDate: d.dueDate,
      status: d.status, waivedReason: d.waivedReason, closedAt: d.closedAt, workingDaysTaken: d.workingDaysTaken,
      closing: d.closingEvent && d.closedOn
        ? {
            kind: d.closingEvent, kindLabel: CLOSING_EVENT_WORDS[d.closingEvent] ?? d.closingEvent, on: d.closedOn,
            byLabel: d.closedById ? (people.get(d.closedById) ?? null) : null, meetingId: d.closedByMeetingId, reason: d.closeReason ?? null,
            detail: d.closeDetail ? (JSON.parse(d.closeDetail) as Record<string, unknown>) : null,
          }
        : null,
    }));
    const enquiries = [];
    for (const e of enquiryRows) {
      enquiries.push({
        id: e.id, startDate: e.startDate, startSource: e.startSource, status: e.status, outcome: e.outcome,
        outcomeLabel: e.outcome ? ENQUIRY_OUTCOME_LABELS[e.outcome] : null, outcomeReason: e.outcomeReason, outcomeDate: e.outcomeDate,
        outcomeByLabel: e.outcomeById ? (people.get(e.outcomeById) ?? null) : null,
        discussions: (await repos.enquiries.listDiscussions(e.id)).map((x) => ({ meetingId: x.meetingId, role: x.role })),
        icpcDeadlineId: clockRows.find((d) => d.rule === "icpc" && d.sourceId === e.id)?.id ?? null,
      });
    }
    const exportId = randomUUID();
    await repos.sharing.appendIfAbsent({
      id: exportId, idempotencyKey: `export/${exportId}`, caseId: c.id, meetingId: null, recordId: null, at: now, kind: "export",
      recipientLabel: exportedBy, recipientId: null, disclosedBy: `Convene, run by ${req.operator}`,
      what: `Case file export (${req.format}): every meeting and decision record version, actions, section 47 enquiries, timescales and how each closed, and this log`,
      why: reason, lawfulBasis: "safeguarding", consentSought: null, noConsentReason: null,
    });
    await repos.audit.append({ at: now, actorId: req.operator, action: "export", entityType: "case", entityId: c.id, caseId: c.id, detail: { meetings: meetings.length, exportedBy, format: req.format } });
    const sharingLog = (await repos.sharing.listForCase(c.id)).map(disclosureView);
    return { caseReference: c.reference, exportedAt: now, exportedBy, meetings, actions, deadlines, enquiries, sharingLog };
  });
}

/** The times proposed for a meeting and who said they could make each (roles as people read them). */
async function proposedTimesOf(repos: Repositories, m: Meeting): Promise<CaseExportProposedTime[]> {
  const times = await repos.timePolls.listForMeeting(m.id);
  if (!times.length) return [];
  const { tallies } = tallyTimes(times, await repos.invitations.listForMeeting(m.id), await repos.timePolls.listAnswers(m.id), requiredRoles(m.kind));
  return tallies.map((t) => ({ startsAt: t.startsAt, canMake: t.canMake.map((r) => INVITEE_ROLE_LABELS[r]), cannotMake: t.cannotMake.map((r) => INVITEE_ROLE_LABELS[r]) }));
}

/** A meeting's roster for the case file: each row's invitee, answer (by whom, when, why), and whether they took part. */
async function exportedRoster(repos: Repositories, meetingId: string): Promise<CaseExportInvitee[]> {
  const rows = await repos.invitations.listForMeeting(meetingId);
  const ids = [...new Set(rows.flatMap((i) => [i.delegateId, i.claimedById]).filter((x): x is string => Boolean(x)))];
  const names = new Map((ids.length ? await repos.practitioners.findManyByIds(ids) : []).map((p) => [p.id, p.displayName]));
  return rows.map((i) => ({
    role: i.role, roleLabel: INVITEE_ROLE_LABELS[i.role], required: i.required, invitee: i.inviteeLabel, response: i.response, attendance: i.attendance, chased: i.chaseCount ?? 0,
    answeredBy: names.get(i.delegateId ?? i.claimedById ?? "") ?? null,
    respondedAt: i.respondedAt, seniorityConfirmed: i.seniorityConfirmed, reason: i.responseReason, apologiesNote: i.apologiesNote ?? null,
  }));
}
