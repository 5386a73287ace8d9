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
  /** Invitations whose next reminder is due, oldest first (the nextChaseAt index). */
  listDueForChase(now: Date, limit: number): Promise<Invitation[]>;
}
