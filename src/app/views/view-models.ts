// Channel-neutral view models. The app builds these; cards/*.card.ts and cards/slack/*.blocks.ts
// render them as an Adaptive Card (Teams, playground) or Block Kit (Slack). They live in the
// app, not in cards/, because dependencies point inward: cards depend on the app's views,
// never the reverse. Outbound ones are stored in the outbox as JSON, so they hold only
// plain data: no functions, no Dates (use ISO strings and labels).

/** A person to @mention in a message (a nudge's owner or manager). */
export interface MentionView {
  /** The platform the id belongs to, where a view goes to both (a roster); a renderer mentions only its own platform's people. */
  platform?: "teams" | "slack";
  /** Teams aadObjectId or Slack user id. */
  platformUserId: string;
  /** The name shown where the platform cannot render the mention. */
  displayName: string;
}

/** One roster row: a role and who fills it. */
export interface RosterRowView {
  /** The invitation this row shows; buttons on the row act on it. */
  invitationId: string;
  /** The role's id, e.g. "police". */
  role: string;
  /** The role as people read it, e.g. "School or nursery". */
  roleLabel: string;
  /** A required role counts towards quorum. */
  required: boolean;
  /** Who is invited: a person's name or an agency contact. */
  inviteeLabel: string;
  /** The invitee's latest answer. */
  response: "invited" | "accepted" | "tentative" | "declined" | "delegated";
  /** e.g. "Accepted · senior enough to decide", "Declined: on leave". */
  responseLabel: string;
  /** Whether they attended, once the meeting is held. */
  attendance: "unknown" | "attended" | "apologies" | "absent";
  /** Once held, who took part in words ("Took part", "Sent apologies: written report"); null before. */
  attendanceLabel: string | null;
  /** The person who now answers for the row (invitee, claimant or delegate), to @mention; null for an unclaimed agency contact. */
  mention?: MentionView | null;
  /** False for a parent, family member or the child described on the roster: nobody answers for them in chat (no Respond button). */
  answeredInChat?: boolean;
}

/** The convening card: the meeting, its roster and the actions on it. */
export interface RosterView {
  /** The meeting's id. */
  meetingId: string;
  /** The case reference; never a child's name. */
  caseReference: string;
  /** The meeting kind's id, e.g. "strategy-discussion". */
  kind: string;
  /** The meeting kind as a title, e.g. "Strategy discussion". */
  kindTitle: string;
  /** Where the meeting is in its life. */
  status: "proposed" | "scheduled" | "held" | "recorded" | "cancelled";
  /** The status in words, e.g. "Held and recorded". */
  statusLabel: string;
  /** How soon it must be held, e.g. "Today", "Within 3 working days". */
  urgencyLabel: string;
  /** "Tue 24 Nov 2026, 10:00 (UK time)" or "Time to be agreed". */
  whenLabel: string;
  /** How it will be held (in person, call, phone), as people read it. */
  modeLabel: string;
  /** The concern in brief, as typed: renderers escape it. */
  concern: string;
  /** Who convened it. */
  convenorLabel: string;
  /** One row per invited role. */
  rows: RosterRowView[];
  /** Required roles with nobody (or only declines): highlighted. */
  missingRequiredRoles: string[];
  /** Why the convenor went ahead without quorum, if they did. */
  quorumOverrideReason: string | null;
  /** Bumped on every change: Teams refresh and Slack updates use it to stay in order. */
  revision: number;
  /**
   * What one person may press, decided from our own data, for a copy only they see (a Teams
   * refresh or their own button's answer). Absent on the shared copy, which shows every
   * button and refuses the wrong person privately.
   */
  viewer?: RosterViewerView;
  /**
   * The signed link to the meeting's calendar invite (.ics), for a meeting with a time that is
   * scheduled (the invite) or cancelled (the cancellation). Absent otherwise.
   */
  calendarUrl?: string;
  /** The Teams meeting's join link (made through Microsoft Graph), while the meeting is open. Absent otherwise. */
  joinUrl?: string;
  /** Where the Teams meeting stands when it is not there yet, e.g. "Teams meeting: could not be created yet; retrying". */
  onlineMeetingNote?: string;
  /** The times proposed while the meeting has none ("find a time"), with who can make each. Absent otherwise. */
  timePoll?: TimePollView;
}

/** A meeting's proposed times, tallied by role, and the earliest that the statutory minimum can make. */
export interface TimePollView {
  /** In the order proposed. */
  options: TimeOptionView[];
  /** The earliest time every required role can make, in words; null while there is none. */
  bestLabel: string | null;
  /** What the star means for this kind of meeting, e.g. "Earliest time social worker, health and police can all make". */
  bestIntro: string;
  /** Rows asked (those answered in chat) and how many have marked their times. */
  asked: number;
  answered: number;
  /**
   * Outlook free/busy (advisory, Microsoft Graph): true once a check stored something for the
   * rows' current people. While false the card says nothing about Outlook.
   */
  outlookChecked: boolean;
  /** Roles (as people read them) no row of which had its Outlook calendar read: another organisation, an agency contact, unreadable. */
  outlookNotChecked: string[];
}

/** One proposed time. */
export interface TimeOptionView {
  /** The proposed time's id (a form's answer names it). */
  slotId: string;
  /** "Tue 1 Dec 2026, 10:00 (UK time)". */
  label: string;
  /** Roles with someone who can make it, as people read them. */
  canMake: string[];
  /** Roles whose rows all said they cannot. */
  cannotMake: string[];
  /** Roles that have not said. */
  notYet: string[];
  /** Every required role can make it. */
  allRequired: boolean;
  /** The earliest time every required role can make. */
  best: boolean;
  /** Roles (as people read them) whose person's Outlook calendar shows busy at this time: advisory, never counted as an answer. */
  outlookBusy: string[];
}

/** One person's rights on a roster, for their own copy of the card. */
export interface RosterViewerView {
  /** The rows (invitation ids) this person may answer: theirs, delegated to them, or an agency row they may claim. */
  answerableInvitationIds: string[];
  /** Whether they may mark the meeting held and record or amend its decisions (the convenor, the case's social worker or manager). */
  canManageMeeting: boolean;
}

/** A label and value in a record section. */
export interface RecordFieldView {
  /** The field's label. */
  label: string;
  /** The field's value, as text (renderers escape it). */
  value: string;
}

/** The protective marking every full record and export carries (Government Security Classifications). */
export const PROTECTIVE_MARKING = "OFFICIAL-SENSITIVE";

/** One block of a section of the full record: label/value pairs, a table, or a paragraph. */
export type RecordBlockView =
  /** Questions and answers, e.g. "Will section 47 enquiries start?" / "Yes". */
  | { kind: "fields"; fields: RecordFieldView[] }
  /** A table with a header row, e.g. the actions (who, what, by when). */
  | { kind: "table"; caption?: string; columns: string[]; rows: string[][] }
  /** A paragraph of text, e.g. a note that nobody sent apologies. */
  | { kind: "text"; text: string };

/** One section of the full record, e.g. "Signs of Safety". */
export interface RecordSectionView {
  /** The section's heading. */
  title: string;
  /** What it holds, in order. */
  blocks: RecordBlockView[];
}

/**
 * The full decision record, as a document a manager, chair, inspector or court would read:
 * one view model that the Teams card, the Slack modal and the HTML export all render. It is
 * confidential: it goes only to those entitled (see `isEntitledToFullRecord`), and each
 * opening is a row in the information-sharing log. Plain data, so it can be stored as JSON.
 */
export interface DecisionRecordView {
  /** The meeting the record belongs to. */
  meetingId: string;
  /** The case reference; never a child's name. */
  caseReference: string;
  /** The meeting kind as a title. */
  kindTitle: string;
  /** The protective marking, shown at the top. */
  marking: string;
  /** 1 for the original record, then each amendment. */
  version: number;
  /** Present for amendments. */
  amendmentReason: string | null;
  /** The header: meeting, case reference, date in words, time, how it was held, chair, recorder, version. */
  header: RecordFieldView[];
  /** The record's sections, in reading order. */
  sections: RecordSectionView[];
}

/** One agency's attendance line on the summary. */
export interface AttendanceByAgencyView {
  /** The agency, e.g. "Police". */
  agency: string;
  /** Who attended for it. */
  names: string[];
}

/**
 * What the case channel sees of a decision record: the meeting, who attended by agency, the
 * decisions, the actions and the clocks that opened. It leaves out everything confidential
 * (what agencies shared, the criminal investigation, medical detail, the child's lived
 * experience and words, what the family are told); those are in the full record only.
 */
export interface DecisionRecordSummaryView {
  /** The meeting the record belongs to (the "View full record" button's target). */
  meetingId: string;
  /** The case reference; never a child's name. */
  caseReference: string;
  /** The meeting kind as a title. */
  kindTitle: string;
  /** The day the meeting was held, in words, e.g. "Tuesday 24 November 2026". */
  dateLabel: string;
  /** 1 for the original record, then each amendment. */
  version: number;
  /** Who attended, by agency. */
  attendance: AttendanceByAgencyView[];
  /** The decisions, e.g. "Section 47 enquiries" / "Yes". */
  decisions: RecordFieldView[];
  /** Agreed actions: who, what, by when (in words). */
  actions: { who: string; what: string; byWhenLabel: string }[];
  /** Statutory clocks this record opened, with their due dates in words. */
  clocks: { title: string; dueDateLabel: string }[];
}

/** A decision record post queued before summaries existed: shown as a bare summary, never in full. */
export interface LegacyDecisionRecordPost {
  /** The meeting. */
  meetingId: string;
  /** The case reference. */
  caseReference: string;
  /** The meeting kind as a title. */
  kindTitle: string;
  /** The version. */
  version: number;
}

/** A deadline nudge. Carries a case reference, never a child's name. */
export interface NudgeView {
  /** The deadline being nudged. */
  deadlineId: string;
  /** The case reference. */
  caseReference: string;
  /** What is due, e.g. "Initial child protection conference". */
  title: string;
  /** Why, e.g. "within 15 working days of the strategy discussion". */
  ruleSummary: string;
  /** The last day (ISO date, Europe/London). */
  dueDate: string;
  /** The last day as people read it. */
  dueDateLabel: string;
  /** Working days left (negative when overdue). */
  workingDaysRemaining: number;
  /** The nudge stage's key, e.g. "before-5", "overdue-3". */
  stage: string;
  /** Sent later than planned; collapsed stages are not repeated. */
  late: boolean;
  /** When a late nudge was planned for, as people read it ("Mon 4 Jan 2027, 09:00"). */
  plannedLabel?: string;
  /** The due date has passed. */
  overdue: boolean;
  /** Escalated: the team manager is mentioned in this very message (never claimed otherwise). */
  escalated: boolean;
  /** The nudge should have escalated, but the case has no team manager in Convene: say so, and how to name one. */
  noTeamManager?: boolean;
  /** An agreed action's own words, for the card body only: never for the preview or fallback text (lock screens). */
  actionDescription?: string;
  /** The button that acts on this nudge, by kind; cards map it to the conversation's action. */
  act?: { kind: "action-done" | "referral-decision" | "assessment" | "convene-icpc"; target: string };
  /** People to @mention. */
  mentions: MentionView[];
  /** The command that shows the case's deadlines, e.g. "deadlines CS-2026-0142". */
  actionCommand: string;
}

/** A short notice (link confirmed, errors that must reach the channel). */
export interface NoticeView {
  /** The notice's heading. */
  title: string;
  /** The notice's body, as plain text (renderers escape it). */
  text: string;
  /** People the notice is for (a moved or cancelled meeting's invitees); renderers mention their own platform's. */
  mentions?: MentionView[];
}

/** Anything that goes through the outbox. */
export type OutboundCard =
  | { type: "roster"; view: RosterView }
  | { type: "record-summary"; view: DecisionRecordSummaryView }
  /** Queued by an older version of Convene; rendered as a summary without detail. */
  | { type: "decision-record"; view: LegacyDecisionRecordPost }
  | { type: "nudge"; view: NudgeView }
  | { type: "chase"; view: ChaseView }
  | { type: "notice"; view: NoticeView };

/**
 * A reminder to a required invitee who has not answered, or (escalated) the word to the
 * convenor and team manager that they still have not. Case reference only, never a child's name.
 */
export interface ChaseView {
  /** The row chased. */
  invitationId: string;
  /** Its meeting. */
  meetingId: string;
  /** The case reference. */
  caseReference: string;
  /** "Strategy discussion". */
  kindTitle: string;
  /** "Police". */
  roleLabel: string;
  /** Who the row is for, e.g. "DC Priya Shah" or "Police CAIT duty desk". */
  inviteeLabel: string;
  /** "Tue 24 Nov 2026, 14:00 (UK time)" or "Time to be agreed". */
  whenLabel: string;
  /** Which reminder this is, from 1; the escalation carries the next number; 0 is the personal invitation itself. */
  count: number;
  /** True for the escalation to the duty contact, convenor and team manager. */
  escalated: boolean;
  /** Who is mentioned: the invitee for a reminder; the convenor and team manager for an escalation. */
  mentions: MentionView[];
  /** The agency's duty contact from the directory, for the convenor to ring. */
  dutyContact: string | null;
  /** What to do now, e.g. "Police have not confirmed for 14:00: ask for a delegate or move the meeting". */
  prompt: string;
}

/** One deadline or action line for the `deadlines` command. */
export interface DeadlineLineView {
  /** The deadline's or action's id. */
  id: string;
  /** A statutory or agreed timescale, or an agreed action. */
  kind: "deadline" | "action";
  /** What is due. */
  title: string;
  /** The last day (ISO date, Europe/London). */
  dueDate: string;
  /** The last day as people read it. */
  dueDateLabel: string;
  /** Working days left (negative when overdue). */
  workingDaysRemaining: number;
  /** The line's status, e.g. "open", "met", "waived". */
  status: string;
  /** Who owns it, when someone does. */
  ownerLabel: string | null;
  /** The event that closes this clock from chat, when one does (cards offer its button): the referral decision, the assessment or the permanence plan. */
  closeWith?: "referral-decision" | "assessment" | "permanence-plan";
}

/** A clock that has closed: met, missed or waived, and on what. */
export interface ClosedLineView {
  /** The deadline's id. */
  id: string;
  /** What was due (an agreed action is called "Agreed action": its words may name the child). */
  title: string;
  /** met, missed or waived. */
  status: "met" | "missed" | "waived";
  /** The last day, as people read it. */
  dueDateLabel: string;
  /** The closing event's own date, as people read it (null for a waiver). */
  closedOnLabel: string | null;
  /** Working days from the clock's start to the closing event, when met or missed. */
  workingDaysTaken: number | null;
  /** What closed it, in words, e.g. "meeting held", or the waiver's reason. */
  how: string;
}

/** A section 47 enquiry still waiting for its outcome (the deadlines card offers the button that records it). */
export interface OpenEnquiryView {
  /** The enquiry's id. */
  id: string;
  /** Its start date (census s47 start), as people read it. */
  startDateLabel: string;
  /** Started by a strategy discussion, or on a date the social worker recorded. */
  startedBy: "strategy-discussion" | "recorded";
}

/** The child protection plan in force (the deadlines card offers the button that ends it). */
export interface PlanInForceView {
  /** The day the conference that made it was held, as people read it. */
  startedOnLabel: string;
}

/** The answer to `deadlines <case-ref>`. */
export interface DeadlinesView {
  /** The child protection plan in force, if any. */
  planInForce?: PlanInForceView;
  /** The section 47 enquiry under way and awaiting its outcome, if any. */
  openEnquiry?: OpenEnquiryView;
  /** The case reference. */
  caseReference: string;
  /** Open deadlines and actions, by due date. */
  lines: DeadlineLineView[];
  /** Closed clocks (met, missed, waived), most recently closed first. */
  closed?: ClosedLineView[];
}

/** A plain-language hint for the recorder: advisory, never blocking. */
export interface LanguageAdviceView {
  /** The form field the words are in. */
  fieldId: string;
  /** That field's label. */
  fieldLabel: string;
  /** The words as written, e.g. "refused to engage". */
  match: string;
  /** Why it is flagged. */
  kind: "jargon" | "judgemental";
  /** What to write instead. */
  suggestion: string;
}

/** The result of recording a decision: a card (plus language advice), or field-level errors to show beside inputs. */
export type RecordDecisionResult =
  | { ok: true; record: DecisionRecordView; summary: DecisionRecordSummaryView; roster: RosterView; advice: LanguageAdviceView[] }
  | { ok: false; errors: Record<string, string> };

/** The "check" step's answer: the record as it would be saved, with the advice, or errors to show beside the boxes. */
export type RecordPreviewResult =
  | {
      ok: true;
      /** The record as it would be saved, version number included. */
      record: DecisionRecordView;
      /** Plain-language hints (advice only). */
      advice: LanguageAdviceView[];
      /** The kept values, for the preview's Save and Edit buttons. */
      draftId: string;
    }
  | { ok: false; errors: Record<string, string> };

/**
 * A meeting as a calendar invite: what the .ics carries. The case reference and the meeting
 * kind only, never a child's name or the concern text (calendars sync to phones and show
 * previews to anyone nearby).
 */
export interface CalendarInviteView {
  /** Stable for the meeting's whole life, so calendars update the one event. */
  uid: string;
  /** The meeting's reschedule count: calendars keep the invite with the highest. */
  sequence: number;
  /** REQUEST while the meeting stands; CANCEL once it is cancelled. */
  method: "REQUEST" | "CANCEL";
  /** The event's start (an instant; UK wall-clock time is the renderer's to show). */
  start: Date;
  /** How long to block out, in minutes. */
  durationMinutes: number;
  /** "Strategy discussion · CASE-2026-001": kind and reference only. */
  summary: string;
  /** Where the rest lives: the roster card, never the concern. */
  description: string;
  /** When this invite was generated (DTSTAMP). */
  stampedAt: Date;
}

/**
 * One meeting waiting for this person's answer, on their own list ("my"). Case reference,
 * kind and time only: never the concern or a child's name, as in a personal invitation.
 */
export interface MyInvitationView {
  /** The row to answer; the answer buttons act on it. */
  invitationId: string;
  /** Its meeting. */
  meetingId: string;
  /** The case reference. */
  caseReference: string;
  /** "Strategy discussion". */
  kindTitle: string;
  /** "Tue 24 Nov 2026, 10:00 (UK time)" or "Time to be agreed". */
  whenLabel: string;
  /** The row's role id, e.g. "police" (the decline form's words). */
  role: string;
  /** "Police". */
  roleLabel: string;
  /** Who the row is for, as the roster shows it (a name, or "Jo Bloggs (delegate)"). */
  inviteeLabel: string;
  /** Why it is theirs: "Invited by name", "Delegated to you", "You answer for the police duty desk". */
  reasonLabel: string;
}

/** A meeting this person convened that is still open, with what it lacks. */
export interface MyConvenedMeetingView {
  /** The meeting. */
  meetingId: string;
  /** The case reference. */
  caseReference: string;
  /** "Initial child protection conference". */
  kindTitle: string;
  /** When it is. */
  whenLabel: string;
  /** "Scheduled", "Held". */
  statusLabel: string;
  /** "3 of 4 answered". */
  answersLabel: string;
  /** The required roles nobody fills, worded for what to do (see roster-gaps); empty when none. */
  gaps: string[];
  /** What is next for the convenor, e.g. "Record the decisions" once held. */
  nextStep: string | null;
}

/** One of this person's open agreed actions. */
export interface MyActionView {
  /** The action; "Mark done" acts on it. */
  actionId: string;
  /** The case reference. */
  caseReference: string;
  /** What was agreed, as recorded (free text: renderers escape it, and keep it out of previews). */
  description: string;
  /** The last day as people read it. */
  dueDateLabel: string;
  /** "3 working days left", "due today", "overdue by 2 working days". */
  dueInLabel: string;
  /** Past its due date. */
  overdue: boolean;
}

/**
 * "My meetings and actions": what one person has to do, across their cases, read from our
 * rows for them alone (Teams `my` in a personal chat, the Slack App Home, the playground).
 */
export interface MyWorkView {
  /** Whose list it is (their platform display name). */
  personLabel: string;
  /** Meetings waiting for their answer. */
  toAnswer: MyInvitationView[];
  /** Open meetings they convened. */
  convening: MyConvenedMeetingView[];
  /** Their open agreed actions, soonest first. */
  actions: MyActionView[];
  /** How many more of each there were beyond what a card can hold. */
  more: { toAnswer: number; convening: number; actions: number };
  /** "Mon 30 Nov 2026, 10:00 (UK time)": when the list was read. */
  asOfLabel: string;
}
