import type { DecisionRecordView, NoticeView, RosterView } from "../cards/outbound-card";
import type {
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

/** One deadline or action line for the `deadlines` command. */
export interface DeadlineLineView {
  id: string;
  kind: "deadline" | "action";
  title: string;
  dueDate: string;
  dueDateLabel: string;
  workingDaysRemaining: number;
  status: string;
  ownerLabel: string | null;
}

/** The answer to `deadlines <case-ref>`. */
export interface DeadlinesView {
  caseReference: string;
  lines: DeadlineLineView[];
}

/** A plain-language hint for the recorder: advisory, never blocking. */
export interface LanguageAdviceView {
  fieldId: string;
  fieldLabel: string;
  /** The words as written, e.g. "refused to engage". */
  match: string;
  kind: "jargon" | "judgemental";
  suggestion: string;
}

/** The result of recording a decision: a card (plus language advice), or field-level errors to show beside inputs. */
export type RecordDecisionResult =
  | { ok: true; record: DecisionRecordView; roster: RosterView; advice: LanguageAdviceView[] }
  | { ok: false; errors: Record<string, string> };

/**
 * The use cases every edge calls. Each validates its command with zod, authorises the
 * actor from our own data, changes state, appends audit and enqueues outbound messages in
 * one transaction, and is idempotent on `cmd.key`: a redelivered command returns the first
 * answer and changes nothing. Failures throw `DomainError` with a stable code.
 */
export interface App {
  linkChannel(cmd: LinkChannelCommand): Promise<{ caseReference: string; created: boolean; notice: NoticeView }>;
  conveneMeeting(cmd: ConveneMeetingCommand): Promise<{ meetingId: string; roster: RosterView }>;
  respondToInvitation(cmd: RespondToInvitationCommand): Promise<{ roster: RosterView }>;
  markMeetingHeld(cmd: MarkMeetingHeldCommand): Promise<{ roster: RosterView }>;
  recordDecision(cmd: RecordDecisionCommand): Promise<RecordDecisionResult>;
  listDeadlines(cmd: ListDeadlinesCommand): Promise<DeadlinesView>;
  waiveDeadline(cmd: WaiveDeadlineCommand): Promise<{ notice: NoticeView }>;
  /** Records a referral, a transfer-in notification or the child's date of birth, starting their statutory clocks. */
  recordCaseEvent(cmd: RecordCaseEventCommand): Promise<{ notice: NoticeView }>;
  /** The decision form for the convenor (pre-filled with the latest version when amending). Authorised. */
  openDecisionForm(cmd: OpenDecisionFormCommand): Promise<DecisionFormView>;
  /** The current roster of a meeting (for refresh). With `conversation`, refused unless that conversation is linked to the meeting's case. */
  getRoster(meetingId: string, conversation?: { platform: "teams" | "slack"; conversationId: string }): Promise<RosterView>;
}
