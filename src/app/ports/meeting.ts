import type { Meeting, OnlineMeeting } from "../../domain/meeting/meeting";

/** Meetings on cases. */
export interface MeetingRepository {
  /** The meeting with this id, or null. */
  findById(id: string): Promise<Meeting | null>;
  /** Every meeting on a case. */
  listForCase(caseId: string): Promise<Meeting[]>;
  /** The meetings this practitioner convened that are in one of `statuses`, oldest first. */
  listConvenedBy(practitionerId: string, statuses: readonly Meeting["status"][]): Promise<Meeting[]>;
  /** Inserts a meeting. */
  create(m: Meeting): Promise<void>;
  /** Saves a changed meeting (never its online meeting: see {@link recordOnlineMeeting}). */
  update(m: Meeting): Promise<void>;
  /** Stores where its Teams meeting stands; only the calendar sync calls this. */
  recordOnlineMeeting(meetingId: string, online: OnlineMeeting): Promise<void>;
}
