import type { Meeting } from "../../domain/meeting/meeting";

/** Meetings on cases. */
export interface MeetingRepository {
  /** The meeting with this id, or null. */
  findById(id: string): Promise<Meeting | null>;
  /** Every meeting on a case. */
  listForCase(caseId: string): Promise<Meeting[]>;
  /** Inserts a meeting. */
  create(m: Meeting): Promise<void>;
  /** Saves a changed meeting. */
  update(m: Meeting): Promise<void>;
}
