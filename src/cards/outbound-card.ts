// Channel-neutral view models. The app builds these; cards/*.card.ts render them as an
// Adaptive Card (Teams, playground) or Block Kit (Slack). They are stored in the outbox as
// JSON, so they hold only plain data: no functions, no Dates (use ISO strings and labels).

/** A person to @mention in a message (a nudge's owner or manager). */
export interface MentionView {
  /** Teams aadObjectId or Slack user id. */
  platformUserId: string;
  displayName: string;
}

/** One roster row: a role and who fills it. */
export interface RosterRowView {
  invitationId: string;
  role: string;
  roleLabel: string;
  required: boolean;
  inviteeLabel: string;
  response: "invited" | "accepted" | "tentative" | "declined" | "delegated";
  /** e.g. "Accepted · senior enough to decide", "Declined: on leave". */
  responseLabel: string;
  attendance: "unknown" | "attended" | "apologies";
}

/** The convening card: the meeting, its roster and the actions on it. */
export interface RosterView {
  meetingId: string;
  caseReference: string;
  kind: string;
  kindTitle: string;
  status: "proposed" | "scheduled" | "held" | "recorded" | "cancelled";
  urgencyLabel: string;
  /** "Tue 24 Nov 2026, 10:00 (UK time)" or "Time to be agreed". */
  whenLabel: string;
  modeLabel: string;
  /** The concern in brief, as typed: renderers escape it. */
  concern: string;
  convenorLabel: string;
  rows: RosterRowView[];
  /** Required roles with nobody (or only declines): highlighted. */
  missingRequiredRoles: string[];
  quorumOverrideReason: string | null;
  /** Bumped on every change: Teams refresh and Slack updates use it to stay in order. */
  revision: number;
}

/** A label and value in a record section. */
export interface RecordFieldView {
  label: string;
  value: string;
}

/** A decision record version, as a card. */
export interface DecisionRecordView {
  meetingId: string;
  caseReference: string;
  kindTitle: string;
  version: number;
  /** Present for amendments. */
  amendmentReason: string | null;
  authorLabel: string;
  recordedAtLabel: string;
  sections: { title: string; fields: RecordFieldView[] }[];
}

/** A deadline nudge. Carries a case reference, never a child's name. */
export interface NudgeView {
  deadlineId: string;
  caseReference: string;
  /** What is due, e.g. "Initial child protection conference". */
  title: string;
  /** Why, e.g. "within 15 working days of the strategy discussion". */
  ruleSummary: string;
  dueDate: string;
  dueDateLabel: string;
  workingDaysRemaining: number;
  stage: string;
  /** Sent later than planned (after downtime); collapsed stages are not repeated. */
  late: boolean;
  overdue: boolean;
  /** Escalated to the team manager, who is mentioned. */
  escalated: boolean;
  mentions: MentionView[];
  /** The command that shows the case's deadlines, e.g. "deadlines CS-2026-0142". */
  actionCommand: string;
}

/** A short notice (link confirmed, errors that must reach the channel). */
export interface NoticeView {
  title: string;
  text: string;
}

/** Anything that goes through the outbox. */
export type OutboundCard =
  | { type: "roster"; view: RosterView }
  | { type: "decision-record"; view: DecisionRecordView }
  | { type: "nudge"; view: NudgeView }
  | { type: "notice"; view: NoticeView };
