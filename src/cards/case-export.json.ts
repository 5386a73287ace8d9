/**
 * The machine-readable case export, for importing into a local authority's case management
 * system. Stable: the same model always gives byte-identical JSON (sorted lists, sorted keys,
 * ISO instants), so two exports can be diffed and a hash of one means something.
 */
import { meetingKindTitle, type MeetingKind } from "../domain/meeting/meeting-kind";
import type { CaseExportModel } from "../app/views/case-export-view";

/** Bumped whenever a field is renamed or removed; additions keep the version. */
export const CASE_EXPORT_SCHEMA_VERSION = 1;

/** The JSON export. */
export interface CaseExportJson {
  /** Format version. */
  schemaVersion: number;
  /** ISO instant. */
  exportedAt: string;
  /** The case reference. */
  caseReference: string;
  /** Meetings, oldest first. */
  meetings: {
    id: string;
    kind: MeetingKind;
    title: string;
    status: string;
    scheduledAt: string | null;
    heldAt: string | null;
    records: { version: number; createdAt: string; authorId: string; reason: string | null; payload: unknown }[];
    /** The roster as it stands: who was invited to each row, their answer and whether they took part. Added without a bump. */
    invitees: {
      role: string; required: boolean; invitee: string; response: string; attendance: string; chased: number;
      answeredBy: string | null; respondedAt: string | null; seniorityConfirmed: boolean; reason: string | null; apologiesNote: string | null;
    }[];
    /** Why it went ahead without the statutory minimum (null unless it did). Added without a bump. */
    quorumOverrideReason: string | null;
    /** Why it was cancelled (null unless cancelled). Added without a bump. */
    cancelledReason: string | null;
    /** The times proposed to find when to hold it, with the roles that said they could or could not make each. Added without a bump. */
    proposedTimes: { startsAt: string; canMake: string[]; cannotMake: string[] }[];
  }[];
  /** Actions by due date. */
  actions: { id: string; meetingId: string | null; owner: string; description: string; dueDate: string; status: string }[];
  /** Deadlines by due date. */
  deadlines: {
    id: string;
    rule: string;
    sourceDate: string;
    dueDate: string;
    status: string;
    waivedReason: string | null;
    closedAt: string | null;
    workingDaysTaken: number | null;
    /** The event that closed it, judged on its own date (null while open, or when waived). Added without a bump. */
    closingEvent: { kind: string; label: string; on: string; by: string | null; meetingId: string | null; reason: string | null; detail: unknown } | null;
  }[];
  /** Section 47 enquiries, oldest start first. Added without a bump. */
  enquiries: {
    id: string;
    startDate: string;
    startSource: string;
    status: string;
    outcome: string | null;
    outcomeLabel: string | null;
    outcomeReason: string | null;
    outcomeDate: string | null;
    outcomeBy: string | null;
    discussions: { meetingId: string; role: string }[];
    icpcDeadlineId: string | null;
  }[];
  /** The information-sharing log, oldest first (this export included). Added in schema 1 without a bump: additions keep the version. */
  sharingLog: { at: string; kind: string; recipient: string; disclosedBy: string; what: string; why: string; lawfulBasis: string; consent: string }[];
  /** Who took the copy, by name. */
  exportedBy: string | null;
}

/** A copy with object keys sorted at every level, so key order never depends on who built the payload. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === "object" && value !== null && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Builds the JSON export from the model. */
export function buildCaseExportJson(model: CaseExportModel): CaseExportJson {
  const meetings = [...model.meetings]
    .map((m) => ({ m, when: iso(m.heldAt) ?? iso(m.scheduledAt) ?? "\uffff" }))
    .sort((a, b) => cmp(a.when, b.when) || cmp(a.m.id, b.m.id))
    .map(({ m }) => ({
      id: m.id,
      kind: m.kind,
      title: meetingKindTitle(m.kind),
      status: m.status,
      scheduledAt: iso(m.scheduledAt),
      heldAt: iso(m.heldAt),
      records: [...m.records]
        .sort((a, b) => a.version - b.version)
        .map((r) => ({
          version: r.version,
          createdAt: r.createdAt.toISOString(),
          authorId: r.authorId,
          reason: r.reason ?? null,
          payload: sortKeys(r.payload),
        })),
      invitees: (m.invitees ?? []).map((i) => ({
        role: i.role, required: i.required, invitee: i.invitee, response: i.response, attendance: i.attendance, chased: i.chased,
        answeredBy: i.answeredBy, respondedAt: iso(i.respondedAt), seniorityConfirmed: i.seniorityConfirmed, reason: i.reason, apologiesNote: i.apologiesNote,
      })),
      quorumOverrideReason: m.quorumOverrideReason ?? null,
      cancelledReason: m.cancelledReason ?? null,
      proposedTimes: (m.proposedTimes ?? []).map((t) => ({ startsAt: t.startsAt.toISOString(), canMake: t.canMake, cannotMake: t.cannotMake })),
    }));
  const actions = [...model.actions]
    .sort((a, b) => cmp(a.dueDate, b.dueDate) || cmp(a.id, b.id))
    .map((a) => ({ id: a.id, meetingId: a.meetingId, owner: a.ownerLabel, description: a.description, dueDate: a.dueDate, status: a.status }));
  const deadlines = [...model.deadlines]
    .sort((a, b) => cmp(a.dueDate, b.dueDate) || cmp(a.rule, b.rule) || cmp(a.id, b.id))
    .map((d) => ({
      id: d.id,
      rule: d.rule,
      sourceDate: d.sourceDate,
      dueDate: d.dueDate,
      status: d.status,
      waivedReason: d.waivedReason ?? null,
      closedAt: iso(d.closedAt),
      workingDaysTaken: d.workingDaysTaken ?? null,
      closingEvent: d.closing
        ? { kind: d.closing.kind, label: d.closing.kindLabel, on: d.closing.on, by: d.closing.byLabel, meetingId: d.closing.meetingId, reason: d.closing.reason, detail: sortKeys(d.closing.detail) }
        : null,
    }));
  const enquiries = [...(model.enquiries ?? [])]
    .sort((a, b) => cmp(a.startDate, b.startDate) || cmp(a.id, b.id))
    .map((e) => ({
      id: e.id, startDate: e.startDate, startSource: e.startSource, status: e.status, outcome: e.outcome, outcomeLabel: e.outcomeLabel,
      outcomeReason: e.outcomeReason, outcomeDate: e.outcomeDate, outcomeBy: e.outcomeByLabel,
      discussions: [...e.discussions].sort((a, b) => cmp(a.role, b.role) || cmp(a.meetingId, b.meetingId)), icpcDeadlineId: e.icpcDeadlineId,
    }));
  return {
    schemaVersion: CASE_EXPORT_SCHEMA_VERSION,
    exportedAt: model.exportedAt.toISOString(),
    caseReference: model.caseReference,
    exportedBy: model.exportedBy ?? null,
    meetings,
    actions,
    deadlines,
    enquiries,
    sharingLog: (model.sharingLog ?? []).map((r) => ({
      at: r.at.toISOString(), kind: r.kindLabel, recipient: r.recipient, disclosedBy: r.disclosedBy, what: r.what, why: r.why, lawfulBasis: r.lawfulBasis, consent: r.consent,
    })),
  };
}
