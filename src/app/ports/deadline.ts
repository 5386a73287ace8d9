/** A deadline row: a statutory or agreed timescale and where its nudges are. */
export interface DeadlineRow {
  /** The deadline's id. */
  id: string;
  /** The case it belongs to. */
  caseId: string;
  /** The rule's id, e.g. "icpc", or "action" for an agreed action. */
  rule: string;
  /** What started the clock, e.g. a meeting kind, "action" or a case event. */
  sourceKind: string;
  /** The id of what started the clock. */
  sourceId: string;
  /** The day the clock counts from (ISO date). */
  sourceDate: string;
  /** The last day (ISO date). */
  dueDate: string;
  /** Whether it is still running, and how it ended. */
  status: "open" | "met" | "missed" | "waived";
  /** Why it was waived, when it was. */
  waivedReason: string | null;
  /** When it was closed, when it was. */
  closedAt: Date | null;
  /** The meeting that met or missed it, when one did. */
  closedByMeetingId: string | null;
  /** Working days it took, when met or missed. */
  workingDaysTaken: number | null;
  /** When the scheduler should next nudge; null when no nudge is left. */
  nextNudgeAt: Date | null;
  /** The last stage key sent, so a pass after downtime sends each missed stage once. */
  lastNudgeStage: string | null;
  /** The agreed action it times, when it is an action's deadline. */
  actionId: string | null;
  /** The closing event's own date (ISO date), on which met or missed was judged. */
  closedOn?: string | null;
  /** Who recorded the closing event (a practitioner id). */
  closedById?: string | null;
  /** What closed it, e.g. "meeting-held", "referral-decision", "action-done" (see ClosingEventKind). */
  closingEvent?: string | null;
  /** Why, when the closing event needs a reason (an assessment's overrun, a cancelled action). */
  closeReason?: string | null;
  /** JSON detail of the closing event, e.g. the referral response and the feedback to the referrer. */
  closeDetail?: string | null;
  /** When the row was written. */
  createdAt: Date;
}

/** A deadline's column name. */
export type DeadlineColumn = Exclude<keyof DeadlineRow, "id" | "createdAt">;

/** Deadlines, and the scheduler's view of those due a nudge. */
export interface DeadlineRepository {
  /** Inserts unless (caseId, rule, sourceId) exists; returns the stored row either way. */
  createIfAbsent(d: DeadlineRow): Promise<DeadlineRow>;
  /** The deadline with this id, or null. */
  findById(id: string): Promise<DeadlineRow | null>;
  /** A case's open deadlines, by due date. */
  listOpenForCase(caseId: string): Promise<DeadlineRow[]>;
  /** Every deadline on a case, by due date. */
  listForCase(caseId: string): Promise<DeadlineRow[]>;
  /** Saves a changed deadline. */
  update(d: DeadlineRow): Promise<void>;
  /** The deadlines with these ids (any order; missing ids are simply absent). */
  findManyByIds(ids: string[]): Promise<DeadlineRow[]>;
  /**
   * Saves the named columns of changed deadlines in one go, each row as read whole from this
   * repository (every column present) and changed only in those columns: the scheduler's
   * batched pass writes a batch's progress with it.
   */
  updateMany(rows: DeadlineRow[], columns: DeadlineColumn[]): Promise<void>;
  /** Open deadlines whose next nudge is due, oldest first. Uses the (status, nextNudgeAt) index. */
  listDueForNudge(now: Date, limit: number): Promise<DeadlineRow[]>;
}
