/**
 * What a case export shows, as plain data. The app layer fills it from the store; the HTML and
 * JSON renderers only format it. It carries a case reference and never a child's name: the
 * export is for the case file, and names live in the local authority's own case system.
 */
import type { DecisionRecordPayload } from "../../domain/decision-record/decision-record.schema";
import type { DecisionRecordView } from "./view-models";
import type { MeetingKind } from "../../domain/meeting/meeting-kind";
import type { IsoDate } from "../../domain/shared/iso-date";

/** One version of a decision record. */
export interface CaseExportRecordVersion {
  /** 1 for the original record, then each amendment. */
  version: number;
  /** When this version was written. */
  createdAt: Date;
  /** The author's practitioner id. */
  authorId: string;
  /** The author's display name, when known. */
  authorLabel?: string;
  /** Why it was amended (null for the first version). */
  reason: string | null;
  /** The record itself, valid for the meeting's kind. */
  payload: DecisionRecordPayload;
  /** The version as a document: the same view model the Teams card and the Slack modal render. */
  document?: DecisionRecordView;
}

/** One meeting on the case. */
export interface CaseExportMeeting {
  /** Meeting id. */
  id: string;
  /** Which kind of meeting. */
  kind: MeetingKind;
  /** proposed | scheduled | held | recorded | cancelled. */
  status: string;
  /** When it was planned for, if known. */
  scheduledAt?: Date | null;
  /** When it was held, or null if it has not been. */
  heldAt: Date | null;
  /** The one date and time of the meeting, in words (the record's own, else the scheduled time), e.g. "Tuesday 24 November 2026 at 10:00". */
  whenLabel?: string;
  /** Every record version, in any order (renderers sort by version). */
  records: CaseExportRecordVersion[];
  /** Who was invited, row by row, as the roster stands now (changes are in the audit trail). */
  invitees?: CaseExportInvitee[];
  /** Why it was cancelled, when it was. */
  cancelledReason?: string | null;
  /** Why it went ahead without the statutory minimum, when it did. */
  quorumOverrideReason?: string | null;
  /** The times proposed to find when to hold it ("find a time"), with who said they could make each. */
  proposedTimes?: CaseExportProposedTime[];
}

/** One proposed time, as the record of how the meeting's time was found. */
export interface CaseExportProposedTime {
  /** When it would have started. */
  startsAt: Date;
  /** Roles with someone who said they could make it. */
  canMake: string[];
  /** Roles whose rows all said they could not. */
  cannotMake: string[];
}

/** One roster row of a meeting, for the export. */
export interface CaseExportInvitee {
  /** The role's id, e.g. "police". */
  role: string;
  /** The role in words, e.g. "Police". */
  roleLabel: string;
  /** Whether the role counts towards the statutory minimum. */
  required: boolean;
  /** A practitioner's name or an agency contact ("Police CAIT duty desk"); never a child's name. */
  invitee: string;
  /** invited | accepted | tentative | declined | delegated. */
  response: string;
  /** unknown | attended | apologies | absent: who actually took part, once held. */
  attendance: string;
  /** Reminders sent before they answered. */
  chased: number;
  /** Who answered for the row when not the named invitee: the delegate, or whoever claimed an agency contact's row. */
  answeredBy: string | null;
  /** When they last answered. */
  respondedAt: Date | null;
  /** Whether the answerer confirmed they can make decisions for their agency. */
  seniorityConfirmed: boolean;
  /** Why they declined or were tentative, as they wrote it. */
  reason: string | null;
  /** What someone who sent apologies contributed instead. */
  apologiesNote: string | null;
}

/** An agreed action. */
export interface CaseExportAction {
  /** Action id. */
  id: string;
  /** The meeting that agreed it, if any. */
  meetingId: string | null;
  /** Who owns it. */
  ownerLabel: string;
  /** What will be done. */
  description: string;
  /** Due date (Europe/London). */
  dueDate: IsoDate;
  /** open | done | cancelled. */
  status: string;
}

/** A statutory or agreed timescale. */
export interface CaseExportDeadline {
  /** Deadline id. */
  id: string;
  /** Rule id, e.g. "icpc". */
  rule: string;
  /** Plain-English name of the rule, e.g. "Initial conference within 15 working days". */
  ruleLabel?: string;
  /** The day the clock counts from. */
  sourceDate: IsoDate;
  /** The last day. */
  dueDate: IsoDate;
  /** open | met | missed | waived. */
  status: string;
  /** Why it was waived, when it was. */
  waivedReason?: string | null;
  /** When it was closed, when it was. */
  closedAt?: Date | null;
  /** Working days it took, when met or missed. */
  workingDaysTaken?: number | null;
  /** The event that closed it (met or missed), when one did; a waiver is `waivedReason`. */
  closing?: CaseExportClosingEvent | null;
}

/** The event that closed a clock, judged on its own date. */
export interface CaseExportClosingEvent {
  /** The event's kind, e.g. "meeting-held", "action-done", "plan-ended". */
  kind: string;
  /** The kind in words, e.g. "meeting held". */
  kindLabel: string;
  /** The event's own date (what met or missed was judged on). */
  on: IsoDate;
  /** Who recorded it, by name, when known. */
  byLabel: string | null;
  /** The meeting whose holding closed it, when one did. */
  meetingId: string | null;
  /** Why, when the event needed a reason (an overrun, a cancellation). */
  reason: string | null;
  /** Structured detail kept with it (the referral response, the feedback to the referrer, a plan end's reason). */
  detail: Record<string, unknown> | null;
}

/** A section 47 enquiry: its start (census N00148), the discussions that belong to it, and its outcome. */
export interface CaseExportEnquiry {
  /** The enquiry's id (the initial conference clock's source). */
  id: string;
  /** The s47 start date. */
  startDate: IsoDate;
  /** strategy-discussion or recorded. */
  startSource: string;
  /** open, awaiting-conference, closed or withdrawn. */
  status: string;
  /** The outcome's id, once recorded. */
  outcome: string | null;
  /** The outcome in words. */
  outcomeLabel: string | null;
  /** Why no conference, or a note on the outcome. */
  outcomeReason: string | null;
  /** The day the outcome was reached. */
  outcomeDate: IsoDate | null;
  /** Who recorded the outcome, by name. */
  outcomeByLabel: string | null;
  /** The strategy discussions that initiated or continued it. */
  discussions: { meetingId: string; role: string }[];
  /** Its initial conference clock, when it has one. */
  icpcDeadlineId: string | null;
}

/** One row of the information-sharing log, as the export and `convene sharing-log` show it (no internal ids). */
export interface CaseExportDisclosure {
  /** When it was shared. */
  at: Date;
  /** What kind of disclosure, in words. */
  kindLabel: string;
  /** Who was given it. */
  recipient: string;
  /** Who disclosed it. */
  disclosedBy: string;
  /** What was shared, in words. */
  what: string;
  /** Why. */
  why: string;
  /** The lawful basis, in words. */
  lawfulBasis: string;
  /** "Yes", "No: <why not>", or "Not recorded". */
  consent: string;
}

/** Everything a case export shows. */
export interface CaseExportModel {
  /** The case reference; the only identifier in the export. */
  caseReference: string;
  /** When the export was produced. */
  exportedAt: Date;
  /** Who produced it (display name), when known. */
  exportedBy?: string;
  /** The meetings on the case. */
  meetings: CaseExportMeeting[];
  /** Agreed actions. */
  actions: CaseExportAction[];
  /** Timescales. */
  deadlines: CaseExportDeadline[];
  /** Section 47 enquiries, oldest first. */
  enquiries?: CaseExportEnquiry[];
  /** The information-sharing log, this export included. */
  sharingLog?: CaseExportDisclosure[];
}
