import { DateTime } from "luxon";
import type {
  AttendanceByAgencyView,
  DecisionRecordSummaryView,
  DecisionRecordView,
  RecordBlockView,
  RecordFieldView,
  RecordSectionView,
} from "./view-models";
import { PROTECTIVE_MARKING } from "./view-models";
import type { RecordFor } from "../../domain/decision-record/decision-record.schema";
import { formFor, recordToFormValues, type FormField } from "../../domain/decision-record/record-form";
import { extractActions } from "../../domain/decision-record/record-versioning";
import { getRule, isRuleId } from "../../domain/deadline/statutory-rules";
import { answeredInChat, INVITEE_ROLE_LABELS, type Invitation } from "../../domain/invitation/invitation";
import { MODE_LABELS, type Meeting } from "../../domain/meeting/meeting";
import type { MeetingKind } from "../../domain/meeting/meeting-kind";
import { meetingKindTitle } from "../../domain/meeting/meeting-kind";
import { LONDON } from "../../domain/shared/iso-date";

/** What building a record's views needs, all from Convene's own rows. */
export interface RecordViewInput {
  /** The case reference. */
  caseReference: string;
  /** The meeting recorded. */
  meeting: Meeting;
  /** The record version to show. */
  record: { version: number; payload: unknown; reason: string | null; createdAt: Date; authorLabel: string };
  /** The meeting's roster rows. */
  invitations: readonly Invitation[];
  /** Display names of practitioners, by id (convenor, claimants, delegates). */
  names: ReadonlyMap<string, string>;
  /** Clocks this meeting opened (not action deadlines): rule id, due date, status. */
  clocks: readonly { rule: string; dueDate: string; status: string }[];
}

/** A day in words: "Tuesday 24 November 2026" (a court reads words, not ISO dates). */
export function dayInWords(iso: string): string {
  const dt = DateTime.fromISO(iso, { zone: LONDON });
  return dt.isValid ? dt.toFormat("cccc d LLLL yyyy") : iso;
}

/** An instant in words, in UK time: "Tuesday 24 November 2026 at 10:00". */
export function instantInWords(at: Date): string {
  return DateTime.fromJSDate(at, { zone: LONDON }).toFormat("cccc d LLLL yyyy 'at' HH:mm");
}

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const text = (v: unknown): string => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));

/**
 * The one date and time of the meeting: the record's own (a strategy discussion records when
 * it was held), else when it was scheduled, else when it was marked held. Every rendering of
 * the record and the export uses this, so the meeting has one time everywhere.
 */
export function meetingWhen(meeting: Meeting, payload: unknown): { date: string; time: string } {
  const recorded = asRecord(asRecord(payload).meeting);
  const at = meeting.scheduledAt ?? meeting.heldAt;
  const fallback = at ? DateTime.fromJSDate(at, { zone: LONDON }) : null;
  return {
    date: text(recorded.date) || fallback?.toISODate() || "",
    time: text(recorded.time) || fallback?.toFormat("HH:mm") || "",
  };
}

/** What a stored value reads as: the choice's label, Yes/No, a date in words, or the text itself. */
export function displayValue(field: Pick<FormField, "choices" | "type">, raw: string): string {
  if (field.choices) return field.choices.find((c) => c.value === raw)?.label ?? raw;
  if (field.type === "toggle") return raw === "true" ? "Yes" : "No";
  if (field.type === "date") return dayInWords(raw);
  return raw;
}

/** The person who actually took a roster row: the delegate, else the claimant, else the invitee. */
function personOf(i: Invitation, names: ReadonlyMap<string, string>): string {
  const id = i.delegateId ?? i.claimedById ?? i.inviteePractitionerId;
  return (id ? names.get(id) : undefined) ?? i.inviteeLabel;
}

const ANSWER_LABELS: Record<Invitation["response"], string> = {
  invited: "No answer",
  accepted: "Accepted",
  tentative: "Tentative",
  declined: "Declined",
  delegated: "Delegated",
};

// Fields that the document places outside their form section.
const HEADER_IDS = new Set(["meeting.date", "meeting.time", "meeting.mode", "chair", "recorder"]);
const ATTENDANCE_IDS = new Set(["attendees", "attendeesSenior", "apologies", "absentContributions"]);
const CHILD_IDS = new Set(["child.livedExperience", "child.voice", "childsVoice"]);
const DISSENT_IDS = new Set(["dissent", "escalation"]);
const CHILD_SECTION = "The child's lived experience and voice";
const DISSENT_SECTION = "Disagreement and escalation";
const SECTION_TITLES: Record<string, string> = { "What was shared": "Information shared by agencies", "The child": CHILD_SECTION };

/** The attendance section: the roster (invited, answered, attended) and the record's own lists. */
function attendanceSection(input: RecordViewInput, payload: Record<string, unknown>, values: Record<string, string>): RecordSectionView {
  const blocks: RecordBlockView[] = [];
  if (input.invitations.length) {
    blocks.push({
      kind: "table",
      caption: "Invited",
      columns: ["Role", "Invited", "Answer", "Attended"],
      rows: input.invitations.map((i) => [
        INVITEE_ROLE_LABELS[i.role],
        i.inviteeLabel,
        i.response === "declined" && i.responseReason
          ? `Declined: ${i.responseReason}`
          : // A family row described on the roster is never asked in chat: "No answer" would read as a failure to reply.
            i.response === "invited" && !answeredInChat(i) ? "Invited" : ANSWER_LABELS[i.response],
        i.attendance === "attended" ? `Yes: ${personOf(i, input.names)}` : i.attendance === "apologies" ? "Sent apologies" : "No",
      ]),
    });
  }
  const attendees = Array.isArray(payload.attendees) ? payload.attendees.map(asRecord) : [];
  if (attendees.length) {
    blocks.push({
      kind: "table",
      caption: "Who took part",
      columns: ["Name", "Role", "Agency", "Senior enough to decide for their agency"],
      rows: attendees.map((a) => [text(a.name), text(a.role), text(a.agency), a.seniorityConfirmed === true ? "Yes" : "Not confirmed"]),
    });
  }
  const apologies = Array.isArray(payload.apologies) ? payload.apologies.map(asRecord) : [];
  if (apologies.length) {
    blocks.push({ kind: "table", caption: "Apologies", columns: ["Name", "Agency"], rows: apologies.map((a) => [text(a.name), text(a.agency)]) });
  }
  if (values.absentContributions) {
    blocks.push({ kind: "fields", fields: [{ label: "How agencies who could not attend contributed", value: values.absentContributions }] });
  }
  return { title: "Attendance", blocks };
}

/**
 * The full record as a document, from the same form descriptor the recorder filled in:
 * a header, the attendance, then each section in the form's order, with every list as a
 * table (no "Agency 1:" labels), the child's lived experience and voice in their own section,
 * dates in words, and finally the clocks the meeting started.
 */
export function buildDecisionRecordView(input: RecordViewInput): DecisionRecordView {
  const { meeting } = input;
  const kind = meeting.kind;
  const payload = asRecord(input.record.payload);
  const values = recordToFormValues(kind, input.record.payload as RecordFor<MeetingKind>);
  const when = meetingWhen(meeting, payload);
  const modeValue = values["meeting.mode"] ?? meeting.mode;
  const header: RecordFieldView[] = [
    { label: "Meeting", value: meetingKindTitle(kind) },
    { label: "Case reference", value: input.caseReference },
    { label: "Date", value: when.date ? dayInWords(when.date) : "Not recorded" },
    { label: "Time", value: when.time ? `${when.time} (UK time)` : "Not recorded" },
    { label: "How it was held", value: MODE_LABELS[modeValue as keyof typeof MODE_LABELS] ?? modeValue },
    { label: "Chair", value: values.chair ?? "Not recorded" },
    { label: "Recorded by", value: values.recorder ?? input.record.authorLabel },
    { label: "Version", value: `${input.record.version}, saved ${instantInWords(input.record.createdAt)} by ${input.record.authorLabel}` },
  ];
  if (input.record.reason) header.push({ label: "Reason for amendment", value: input.record.reason });

  const sections: RecordSectionView[] = [attendanceSection(input, payload, values)];
  const sectionNamed = (title: string): RecordSectionView => {
    let s = sections.find((x) => x.title === title);
    if (!s) sections.push((s = { title, blocks: [] }));
    return s;
  };
  const addField = (title: string, field: RecordFieldView) => {
    const s = sectionNamed(title);
    const last = s.blocks[s.blocks.length - 1];
    if (last?.kind === "fields") last.fields.push(field);
    else s.blocks.push({ kind: "fields", fields: [field] });
  };

  const fields = formFor(kind, values);
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (HEADER_IDS.has(field.id) || ATTENDANCE_IDS.has(field.id)) continue;
    if (field.repeat) {
      // A list becomes one table, its columns named without row numbers.
      const group = field.repeat.group;
      const rowsOf: FormField[] = [];
      while (i < fields.length && fields[i]!.repeat?.group === group) rowsOf.push(fields[i++]!);
      i--;
      const columns = rowsOf.filter((f) => f.repeat?.index === 0);
      const rows: string[][] = [];
      const rowCount = Math.max(...rowsOf.map((f) => (f.repeat?.index ?? 0) + 1));
      for (let r = 0; r < rowCount; r++) {
        const ids = columns.map((c) => `${group}.${r}.${c.id.split(".").pop()}`);
        if (ids.every((id) => values[id] === undefined)) continue;
        rows.push(ids.map((id, c) => (values[id] === undefined ? "" : displayValue(columns[c]!, values[id]!))));
      }
      if (rows.length) sectionNamed(SECTION_TITLES[field.section] ?? field.section).blocks.push({ kind: "table", columns: columns.map((c) => c.repeat?.fieldLabel ?? c.label), rows });
      continue;
    }
    const raw = values[field.id];
    if (raw === undefined || raw === "") continue;
    const title = CHILD_IDS.has(field.id) ? CHILD_SECTION : DISSENT_IDS.has(field.id) ? DISSENT_SECTION : (SECTION_TITLES[field.section] ?? field.section);
    addField(title, { label: field.label, value: displayValue(field, raw) });
  }
  if (!sections.some((s) => s.title === DISSENT_SECTION)) sections.push({ title: DISSENT_SECTION, blocks: [{ kind: "text", text: "No disagreement was recorded." }] });
  if (input.clocks.length) {
    sections.push({
      title: "Clocks started",
      blocks: [{ kind: "table", columns: ["Timescale", "Due by", "Status"], rows: input.clocks.map((c) => [ruleTitle(c.rule), dayInWords(c.dueDate), STATUS_WORDS[c.status] ?? c.status]) }],
    });
  }
  return {
    meetingId: meeting.id,
    caseReference: input.caseReference,
    kindTitle: meetingKindTitle(kind),
    marking: PROTECTIVE_MARKING,
    version: input.record.version,
    amendmentReason: input.record.reason,
    header,
    sections: sections.filter((s) => s.blocks.length > 0),
  };
}

const STATUS_WORDS: Record<string, string> = { open: "Open", met: "Met", missed: "Missed", waived: "Waived" };
const ruleTitle = (rule: string) => (isRuleId(rule) ? getRule(rule).title : rule);

/** The decisions each kind's summary shows: the outcome, never the confidential detail behind it. */
const SUMMARY_DECISIONS: Record<MeetingKind, { id: string; label: string }[]> = {
  "strategy-discussion": [
    { id: "decision.s47", label: "Section 47 enquiries" },
    { id: "nextStep.kind", label: "Next step" },
  ],
  icpc: [
    { id: "plan", label: "Child protection plan" },
    { id: "leadSocialWorker", label: "Lead social worker" },
    { id: "reviewDate", label: "Review conference" },
  ],
  "core-group": [],
  "review-conference": [
    { id: "outcome", label: "Child protection plan continues" },
    { id: "nextReviewDate", label: "Next review" },
  ],
  "transfer-in-conference": [
    { id: "plan", label: "Child protection plan" },
    { id: "leadSocialWorker", label: "Lead social worker" },
    { id: "nextReviewDate", label: "Next review" },
  ],
};

/** Who attended, grouped by agency: the record's own list when it has one, else the roster's attended rows. */
function attendanceByAgency(input: RecordViewInput, payload: Record<string, unknown>): AttendanceByAgencyView[] {
  const people: { agency: string; name: string }[] = Array.isArray(payload.attendees)
    ? payload.attendees.map(asRecord).map((a) => ({ agency: text(a.agency), name: text(a.name) }))
    : input.invitations.filter((i) => i.attendance === "attended").map((i) => ({ agency: i.agency, name: personOf(i, input.names) }));
  const out: AttendanceByAgencyView[] = [];
  for (const p of people) {
    let row = out.find((r) => r.agency.toLowerCase() === p.agency.toLowerCase());
    if (!row) out.push((row = { agency: p.agency, names: [] }));
    if (!row.names.includes(p.name)) row.names.push(p.name);
  }
  return out;
}

/**
 * The channel's summary of a record: the meeting, who attended by agency, the decisions, the
 * actions and the clocks. Built from a whitelist, so nothing confidential can leak into it by
 * a form gaining a field.
 */
export function buildDecisionRecordSummary(input: RecordViewInput): DecisionRecordSummaryView {
  const kind = input.meeting.kind;
  const payload = asRecord(input.record.payload);
  const values = recordToFormValues(kind, input.record.payload as RecordFor<MeetingKind>);
  const byId = new Map(formFor(kind, values).map((f) => [f.id, f]));
  const decisions: RecordFieldView[] = [];
  for (const d of SUMMARY_DECISIONS[kind]) {
    const raw = values[d.id];
    const field = byId.get(d.id);
    if (raw && field) decisions.push({ label: d.label, value: displayValue(field, raw) });
  }
  const when = meetingWhen(input.meeting, payload);
  return {
    meetingId: input.meeting.id,
    caseReference: input.caseReference,
    kindTitle: meetingKindTitle(kind),
    dateLabel: when.date ? dayInWords(when.date) : "Date not recorded",
    version: input.record.version,
    attendance: attendanceByAgency(input, payload),
    decisions,
    actions: extractActions(kind, input.record.payload as RecordFor<MeetingKind>).map((a) => ({ who: a.owner, what: a.description, byWhenLabel: dayInWords(a.dueDate) })),
    clocks: input.clocks.filter((c) => c.status === "open").map((c) => ({ title: ruleTitle(c.rule), dueDateLabel: dayInWords(c.dueDate) })),
  };
}
