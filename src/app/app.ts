import type {
  CancelMeetingCommand,
  RescheduleMeetingCommand,
  ChangeInviteesCommand,
  ProposeTimesCommand,
  AnswerTimesCommand,
  PickTimeCommand,
  ConveneMeetingCommand,
  LinkChannelCommand,
  ListDeadlinesCommand,
  MarkMeetingHeldCommand,
  RecordDecisionCommand,
  RespondToInvitationCommand,
  WaiveDeadlineCommand,
} from "../domain/commands/command.schemas";
import type { DecisionFormView, OpenDecisionFormCommand } from "./use-cases/open-decision-form";
import type { RecordCaseEventCommand } from "./use-cases/record-case-event";
import type { ViewDecisionRecordCommand, ViewDecisionRecordResult } from "./use-cases/view-decision-record";
import type { CloseActionCommand } from "./use-cases/close-action";
import type { RecordClosingEventCommand } from "./use-cases/record-closing-event";
import type { RecordEnquiryOutcomeCommand } from "./use-cases/record-enquiry-outcome";
import type { EndPlanCommand } from "./use-cases/end-plan";
import type { DeadlinesView, NoticeView, RecordDecisionResult, RecordPreviewResult, RosterView, RosterViewerView } from "./views/view-models";
import type { ActorIdentity } from "./ports/actor";
import type { CalendarInviteResult } from "./use-cases/get-calendar-invite";
import type { ListMyWorkQuery } from "./use-cases/list-my-work";
import type { MyWorkView } from "./views/view-models";
import type { CalendarSyncOutcome } from "./use-cases/sync-calendar-event";
import type { FreeBusyOutcome } from "./use-cases/check-free-busy";

// Edges import this file and create-app.ts implements it; use cases never import either,
// so the app's types cannot form an import cycle through them.

/**
 * The use cases every edge calls. Each validates its command with zod, authorises the
 * actor from our own data, changes state, appends audit and enqueues outbound messages in
 * one transaction, and is idempotent on `cmd.key`: a redelivered command returns the first
 * answer and changes nothing. Failures throw `DomainError` with a stable code.
 */
export interface App {
  /** Links the conversation to a case, creating the case if it is new, and confirms with a notice. */
  linkChannel(cmd: LinkChannelCommand): Promise<{ caseReference: string; created: boolean; notice: NoticeView }>;
  /** Convenes a meeting with one roster row per invitee and posts its card to every conversation linked to the case. */
  conveneMeeting(cmd: ConveneMeetingCommand): Promise<{ meetingId: string; roster: RosterView }>;
  /** An invitee accepts, answers tentative, declines or delegates (claiming an agency invitation); the roster card updates in place. */
  respondToInvitation(cmd: RespondToInvitationCommand): Promise<{ roster: RosterView; viewer?: RosterViewerView }>;
  /** The convenor marks the meeting held; the quorum rule applies, and an override must say why. */
  markMeetingHeld(cmd: MarkMeetingHeldCommand): Promise<{ roster: RosterView }>;
  /** Records the decisions (or an amendment with a reason); invalid fields come back as errors, not throws. */
  recordDecision(cmd: RecordDecisionCommand): Promise<RecordDecisionResult>;
  /** The "check" step: the record as saving would store it, with the plain-language advice; saves nothing. */
  previewDecisionRecord(cmd: RecordDecisionCommand): Promise<RecordPreviewResult>;
  /** The case's open deadlines and actions, by due date. */
  listDeadlines(cmd: ListDeadlinesCommand): Promise<DeadlinesView>;
  /** A team manager waives an open deadline with a reason that stays on the record; nudges stop. */
  waiveDeadline(cmd: WaiveDeadlineCommand): Promise<{ notice: NoticeView }>;
  /** Records a referral, a transfer-in notification or the child's date of birth, starting their statutory clocks. */
  recordCaseEvent(cmd: RecordCaseEventCommand): Promise<{ notice: NoticeView }>;
  /** Marks an agreed action done, or cancels it with a reason: its clock closes and its nudges stop. Owner, convenor or social worker only. */
  closeAction(cmd: CloseActionCommand): Promise<{ notice: NoticeView }>;
  /** Records the referral decision (with feedback to the referrer) or the assessment's conclusion, closing that clock on the event's own date. */
  recordClosingEvent(cmd: RecordClosingEventCommand): Promise<{ notice: NoticeView }>;
  /** Records a section 47 enquiry's outcome; one that contradicts the record is refused with a field error. Case social worker or team manager. */
  recordEnquiryOutcome(cmd: RecordEnquiryOutcomeCommand): Promise<{ notice: NoticeView }>;
  /** Ends the case's child protection plan with its reason: the plan's clocks close, and every agency invited to the ICPC is told. Case social worker or team manager. */
  endPlan(cmd: EndPlanCommand): Promise<{ notice: NoticeView }>;
  /** The decision form for the convenor (pre-filled with the latest version when amending). Authorised. */
  openDecisionForm(cmd: OpenDecisionFormCommand): Promise<DecisionFormView>;
  /** A meeting's decision record for the asker: the full record if entitled (logged as a disclosure), else the summary. */
  viewDecisionRecord(cmd: ViewDecisionRecordCommand): Promise<ViewDecisionRecordResult>;
  /** The platform user ids entitled to a meeting's full record, for user-specific card views (Teams refresh). */
  listRecordAudience(meetingId: string, platform: "teams" | "slack"): Promise<string[]>;
  /** The calendar invite behind a signed link (the last path segment, without ".ics"): not found, expired, or the invite. Read-only. */
  getCalendarInvite(token: string): Promise<CalendarInviteResult>;
  /**
   * The current roster of a meeting (for refresh). With `conversation`, refused unless that
   * conversation is linked to the meeting's case. With `viewer`, refused (`WRONG_TENANT`) unless
   * they belong to the case's tenant, and carries what that person may press (for a copy only
   * they see); a person Convene does not know gets the shared copy.
   */
  getRoster(meetingId: string, conversation?: { platform: "teams" | "slack"; conversationId: string }, viewer?: ActorIdentity): Promise<RosterView>;
  /** Moves an open meeting to a new time; answers are asked again and the invitees told. */
  rescheduleMeeting(cmd: RescheduleMeetingCommand): Promise<{ roster: RosterView }>;
  /** Cancels an open meeting with a reason; chasing stops and the invitees are told. */
  cancelMeeting(cmd: CancelMeetingCommand): Promise<{ roster: RosterView }>;
  /** Gives rows to someone else, adds or removes optional rows; new invitees asked, those taken off told. */
  changeInvitees(cmd: ChangeInviteesCommand): Promise<{ roster: RosterView; changed: number }>;
  /** "Find a time": proposes two to five times for a meeting that has none. */
  proposeMeetingTimes(cmd: ProposeTimesCommand): Promise<{ roster: RosterView }>;
  /** Marks which proposed times the rows someone answers for can make. */
  answerMeetingTimes(cmd: AnswerTimesCommand): Promise<{ roster: RosterView; rows: number }>;
  /** Picks one of the proposed times: the meeting is scheduled for it. */
  pickMeetingTime(cmd: PickTimeCommand): Promise<{ roster: RosterView }>;
  /**
   * Brings a meeting's Teams meeting (Graph event) in line with it: create, update or cancel.
   * Run by the outbox dispatcher for a queued calendar sync, never by a person; throws to be retried.
   */
  syncCalendarEvent(meetingId: string): Promise<CalendarSyncOutcome>;
  /**
   * Reads the invitees' Outlook free/busy at a meeting's proposed times (advisory) and shows it
   * on the roster. Run by the outbox dispatcher for a queued check, never by a person; throws to be retried.
   */
  checkFreeBusy(meetingId: string): Promise<FreeBusyOutcome>;
  /** Claims the one reply to an inbound event (true the first time); kept in the database so replicas agree. */
  claimReply(key: string): Promise<boolean>;
  /** The platform user ids a roster concerns (convenor, invitees, claimants, delegates), for user-specific card views. */
  listMeetingParticipants(meetingId: string, platform: "teams" | "slack"): Promise<string[]>;
  /** "My meetings and actions": what the asking person has to answer, convene and do, from our rows, for them alone. Read-only. */
  listMyWork(query: ListMyWorkQuery): Promise<MyWorkView>;
}
