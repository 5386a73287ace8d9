import { DomainError } from "../shared/domain-error";

/** The rows for agencies. Social worker, health and police are the statutory minimum for a strategy discussion. */
export const AGENCY_ROLES = ["social-worker", "health", "police", "referrer", "school", "other"] as const;
/**
 * The rows for people who take part in a conference without speaking for an agency (Working
 * Together ch. 1: parents and family members, the child, and those who help them take part).
 * They never count toward an agency quorum and need no agency from identity.
 */
export const FAMILY_AND_SUPPORT_ROLES = ["parent", "family-member", "child", "advocate", "interpreter"] as const;
/** Who is invited, by the part they play: the agency rows, then the family and support rows. */
export const INVITEE_ROLES = [...AGENCY_ROLES, ...FAMILY_AND_SUPPORT_ROLES] as const;
/** One of {@link INVITEE_ROLES}. */
export type InviteeRole = (typeof INVITEE_ROLES)[number];

/** True for a parent, family member, the child, an advocate or an interpreter: someone who is not an agency's representative. */
export function isFamilyOrSupportRole(role: InviteeRole): boolean {
  return (FAMILY_AND_SUPPORT_ROLES as readonly string[]).includes(role);
}

/** Plain-English role labels for rosters. */
export const INVITEE_ROLE_LABELS: Record<InviteeRole, string> = {
  "social-worker": "Social worker",
  health: "Health",
  police: "Police",
  referrer: "Referrer",
  school: "School or nursery",
  other: "Other agency",
  parent: "Parent or carer",
  "family-member": "Family member",
  child: "The child",
  advocate: "Advocate",
  interpreter: "Interpreter",
};

/**
 * The agency each role speaks for when the convenor names a person or contact for it: the
 * one table, so an invitation stores the same agency whichever channel convened it.
 */
export const ROLE_AGENCIES: Readonly<Record<InviteeRole, string>> = {
  "social-worker": "Children's social care",
  health: "Health",
  police: "Police",
  referrer: "Referrer",
  school: "Education",
  other: "Other agency",
  // Not agencies: what the record's attendance table shows in the agency column for them.
  parent: "Family",
  "family-member": "Family",
  child: "Family",
  advocate: "Advocacy",
  interpreter: "Interpreting",
};

/** An invitee's answer. */
export type InvitationResponse = "invited" | "accepted" | "tentative" | "declined" | "delegated";
/** Whether they were there, recorded when the meeting is marked held. */
export type Attendance = "unknown" | "attended" | "apologies" | "absent";

/** One roster row: a role, and the person or agency contact invited to fill it. */
export interface Invitation {
  id: string;
  meetingId: string;
  role: InviteeRole;
  agency: string;
  required: boolean;
  /** `person`: a named practitioner. `agency`: a contact such as a police duty desk, claimed by whoever answers first. */
  inviteeKind: "person" | "agency";
  inviteePractitionerId: string | null;
  /** Display label for the invitee (a person's name from the platform, or the agency contact). */
  inviteeLabel: string;
  /** For agency invitations: the practitioner who claimed it by answering. */
  claimedById: string | null;
  /** The colleague this invitation was delegated to; they may then answer for the row. */
  delegateId: string | null;
  response: InvitationResponse;
  responseReason: string | null;
  /** True once the answerer confirmed they can make decisions for their agency. */
  seniorityConfirmed: boolean;
  attendance: Attendance;
  /** What someone who sent apologies contributed instead (a written report, a call beforehand). */
  apologiesNote?: string | null;
  respondedAt: Date | null;
  /** Reminders sent to a required invitee who has not answered. */
  chaseCount?: number;
  /** When the next reminder is due; null when nothing is to be chased. */
  nextChaseAt?: Date | null;
}

/** An answer from the card. */
export type InvitationAnswer =
  | { kind: "accept" }
  | { kind: "tentative"; reason?: string }
  | { kind: "decline"; reason: string }
  | { kind: "delegate"; delegateId: string; delegateLabel: string };

/**
 * Whether anyone answers for the row in chat. A parent, family member or the child described
 * on the roster ("Mother") is not a Convene user, so nobody may claim their row and, by taking
 * part in their place, become entitled to the full record; the convenor records whether they
 * came when marking the meeting held. A colleague named as advocate or interpreter answers as usual.
 */
export function answeredInChat(inv: Pick<Invitation, "role" | "inviteeKind">): boolean {
  return !(isFamilyOrSupportRole(inv.role) && inv.inviteeKind === "agency");
}

/**
 * Who may answer for a row: the named invitee, the current delegate, or (for an unclaimed
 * agency invitation) anyone, who then claims it. Authorisation comes from our rows, never
 * from card data.
 */
export function answerRight(inv: Invitation, actorId: string): "invitee" | "delegate" | "claim" | "claimant" | null {
  if (!answeredInChat(inv)) return null;
  if (inv.response === "delegated" && inv.delegateId) {
    return inv.delegateId === actorId ? "delegate" : null;
  }
  if (inv.inviteeKind === "person") return inv.inviteePractitionerId === actorId ? "invitee" : null;
  if (inv.claimedById === null) return "claim";
  return inv.claimedById === actorId ? "claimant" : null;
}

/**
 * Applies an answer, returning the new row. Throws `NOT_INVITEE` for anyone else,
 * `DECLINE_REASON_REQUIRED` for a bare decline and `DELEGATE_TO_SELF` for a pointless delegation.
 */
export function answerInvitation(inv: Invitation, actorId: string, actorLabel: string, answer: InvitationAnswer, now: Date): Invitation {
  const right = answerRight(inv, actorId);
  if (!right && !answeredInChat(inv)) {
    throw new DomainError("NOT_ANSWERED_IN_CHAT", `Nobody answers for the ${INVITEE_ROLE_LABELS[inv.role]} row in chat: the convenor records whether they came when marking the meeting held.`, { invitationId: inv.id });
  }
  if (!right) {
    throw new DomainError("NOT_INVITEE", `Only ${inv.inviteeLabel} (or their delegate) can answer for the ${INVITEE_ROLE_LABELS[inv.role]} row.`, {
      invitationId: inv.id,
    });
  }
  const base: Invitation = {
    ...inv,
    // An answer of any kind ends the chase (a delegate's row is chased no more either: they were asked in person).
    nextChaseAt: null,
    claimedById: right === "claim" ? actorId : inv.claimedById,
    inviteeLabel: right === "claim" ? `${actorLabel} (for ${inv.inviteeLabel})` : inv.inviteeLabel,
    respondedAt: now,
  };
  switch (answer.kind) {
    case "accept":
      // The Accept button's text is the seniority confirmation (Working Together: attendees
      // must be senior enough to make decisions on behalf of their agency).
      return { ...base, response: "accepted", responseReason: null, seniorityConfirmed: true, ...(right === "delegate" ? { inviteeLabel: `${actorLabel} (delegate)` } : {}) };
    case "tentative":
      return { ...base, response: "tentative", responseReason: answer.reason?.trim() || null, seniorityConfirmed: false };
    case "decline": {
      const reason = answer.reason?.trim();
      if (!reason) throw new DomainError("DECLINE_REASON_REQUIRED", "Please give a reason for declining, so the convenor can find someone else.");
      return { ...base, response: "declined", responseReason: reason, seniorityConfirmed: false };
    }
    case "delegate":
      if (answer.delegateId === actorId) throw new DomainError("DELEGATE_TO_SELF", "You cannot delegate to yourself.");
      return { ...base, response: "delegated", delegateId: answer.delegateId, responseReason: `Delegated to ${answer.delegateLabel}`, seniorityConfirmed: false };
  }
}

/** Whether this row will count toward quorum if the meeting is marked held now. */
export function countsAsAttending(inv: Invitation): boolean {
  if (inv.attendance === "attended") return true;
  if (inv.attendance === "apologies" || inv.attendance === "absent") return false;
  return inv.response === "accepted";
}

/** Who a row is for, as the convenor chose: a named practitioner, or an agency contact by its label. */
export type RowInvitee = { kind: "person"; practitionerId: string; displayName: string } | { kind: "agency"; label: string };

/**
 * A row as first invited: nobody has answered, claimed or been delegated it, and it is chased
 * from `nextChaseAt` (null for a row nobody chases). Used when convening and when a row is given
 * to someone else, so a new invitee never inherits the last one's answer.
 */
export function freshInvitation(
  row: { id: string; meetingId: string; role: InviteeRole; agency: string; required: boolean },
  invitee: RowInvitee,
  nextChaseAt: Date | null,
): Invitation {
  return {
    ...row,
    inviteeKind: invitee.kind,
    inviteePractitionerId: invitee.kind === "person" ? invitee.practitionerId : null,
    inviteeLabel: invitee.kind === "person" ? invitee.displayName : invitee.label,
    claimedById: null,
    delegateId: null,
    response: "invited",
    responseReason: null,
    seniorityConfirmed: false,
    attendance: "unknown",
    apologiesNote: null,
    respondedAt: null,
    chaseCount: 0,
    nextChaseAt,
  };
}

/** Whether a row is already for this invitee (the same person, or the same agency contact). */
export function isSameInvitee(i: Invitation, invitee: RowInvitee): boolean {
  return invitee.kind === "person" ? i.inviteeKind === "person" && i.inviteePractitionerId === invitee.practitionerId : i.inviteeKind === "agency" && i.inviteeLabel === invitee.label;
}

/** The person who answers for a row now (delegate, claimant or named invitee); null for an unclaimed agency contact. */
export function answeringPractitionerId(i: Invitation): string | null {
  return i.delegateId ?? i.claimedById ?? i.inviteePractitionerId;
}
