import type { SlotFreeBusy } from "../../domain/meeting/free-busy";
import type { ProposedTime, TimeAnswer } from "../../domain/meeting/time-poll";

/** The times proposed for a meeting still to be timed, and the rows' answers ("find a time"). */
export interface TimePollRepository {
  /** The meeting's proposed times, in the order proposed. */
  listForMeeting(meetingId: string): Promise<ProposedTime[]>;
  /** Replaces the meeting's proposed times, dropping the answers to (and free/busy of) the old ones. */
  replaceForMeeting(meetingId: string, times: readonly ProposedTime[]): Promise<void>;
  /** Every answer to the meeting's proposed times. */
  listAnswers(meetingId: string): Promise<TimeAnswer[]>;
  /** Forgets a row's answers to every proposed time: the row was given to someone else, or removed. */
  clearAnswersFor(invitationId: string): Promise<void>;
  /** Saves a row's answer to one time, replacing an earlier answer. */
  saveAnswer(a: TimeAnswer): Promise<void>;
  /** The advisory free/busy stored for the meeting's proposed times. */
  listFreeBusy(meetingId: string): Promise<SlotFreeBusy[]>;
  /** Replaces the free/busy stored for these proposed times with a new check's (rows not checked again go). */
  replaceFreeBusy(slotIds: readonly string[], rows: readonly SlotFreeBusy[]): Promise<void>;
}
