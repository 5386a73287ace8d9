import type { Invitation } from "../../domain/invitation/invitation";

/** Invitations to meetings: the roster's rows. */
export interface InvitationRepository {
  /** Every invitation to a meeting. */
  listForMeeting(meetingId: string): Promise<Invitation[]>;
  /** Every row of the meeting this invitation belongs to (in {@link listForMeeting}'s order), in one read; empty if there is no such invitation. */
  listWithSiblings(invitationId: string): Promise<Invitation[]>;
  /** The invitation with this id, or null. */
  findById(id: string): Promise<Invitation | null>;
  /** Inserts an invitation. */
  create(i: Invitation): Promise<void>;
  /** Saves a changed invitation (an answer, a claim, attendance). */
  update(i: Invitation): Promise<void>;
  /** Takes a row off the roster (the audit trail keeps that it was there). */
  remove(id: string): Promise<void>;
  /**
   * Rows waiting for this practitioner's answer: addressed to them by name, delegated to them,
   * or an agency row they claimed that was opened again (a reschedule), still `invited` or
   * `delegated`, on meetings not yet held, cancelled or recorded. Callers still check
   * {@link answerRight} and the case's tenant: this is a narrowing query, not authorisation.
   */
  listAwaitingAnswerFrom(practitionerId: string): Promise<Invitation[]>;
  /** Invitations whose next reminder is due, oldest first (the nextChaseAt index). */
  listDueForChase(now: Date, limit: number): Promise<Invitation[]>;
}
