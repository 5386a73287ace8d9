/** A decision record as checked, waiting for "Save". */
export interface RecordDraft {
  /** Random id, carried by the preview's Save and Edit buttons. */
  id: string;
  /** The meeting the record is for. */
  meetingId: string;
  /** Who checked it; only they can save or edit it. */
  authorId: string;
  /** The form's values by field id, as submitted. */
  values: Record<string, string>;
  /** The amendment reason, when amending. */
  amendmentReason: string | null;
  /** When it was checked. */
  createdAt: Date;
}

/** Checked-but-unsaved records. They hold case content, so they are deleted once the record is saved. */
export interface RecordDraftRepository {
  /** Stores a draft. */
  insert(draft: RecordDraft): Promise<void>;
  /** A draft by id, or null. */
  find(id: string): Promise<RecordDraft | null>;
  /** The author's newest draft for a meeting, or null (a form reopened after Cancel starts from it). */
  latestFor(meetingId: string, authorId: string): Promise<RecordDraft | null>;
  /** Deletes every draft for a meeting (the record is saved). */
  deleteForMeeting(meetingId: string): Promise<void>;
}
