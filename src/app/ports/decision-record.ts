import type { MeetingKind } from "../../domain/meeting/meeting-kind";

/** A stored decision record version. */
export interface StoredRecord {
  /** The version's id. */
  id: string;
  /** The meeting it records. */
  meetingId: string;
  /** That meeting's case. */
  caseId: string;
  /** 1 for the original record, then each amendment. */
  version: number;
  /** The meeting's kind, which decides the payload's schema. */
  kind: MeetingKind;
  /** The record, valid for `kind` when written; parse before use. */
  payload: unknown;
  /** Why it was amended (null for the first version). */
  reason: string | null;
  /** The author's practitioner id. */
  authorId: string;
  /** When this version was written. */
  createdAt: Date;
}

/** A stored version with its payload as the stored text, unparsed (what the audit digest covers). */
export interface StoredRecordText extends Omit<StoredRecord, "payload"> {
  /** The payload exactly as stored. */
  payloadJson: string;
}

/** Decision record versions. */
export interface DecisionRecordRepository {
  /** A page of every version of every record, by id after `afterId` ("" for the first page), payloads unparsed: for `convene audit verify`. */
  listStoredPage(afterId: string, limit: number): Promise<StoredRecordText[]>;
  /** Every version for a meeting, oldest first. */
  listForMeeting(meetingId: string): Promise<StoredRecord[]>;
  /** Every version for every meeting on a case. */
  listForCase(caseId: string): Promise<StoredRecord[]>;
  /** Inserts a new version. There is no update: records are immutable. */
  insert(r: StoredRecord): Promise<void>;
}
