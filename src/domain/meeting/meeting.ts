import { DateTime } from "luxon";
import { DomainError } from "../shared/domain-error";
import { LONDON } from "../shared/iso-date";
import { AGENCY_ROLES, countsAsAttending, INVITEE_ROLE_LABELS, INVITEE_ROLES, type Invitation, type InviteeRole } from "../invitation/invitation";
import type { MeetingKind } from "./meeting-kind";

/** proposed → scheduled → held → recorded, or cancelled. */
export type MeetingStatus = "proposed" | "scheduled" | "held" | "recorded" | "cancelled";
/** A strategy discussion "may be a meeting or a set of phone calls" (Working Together). */
export const MEETING_MODES = ["meeting", "call", "phone"] as const;
/** One of {@link MEETING_MODES}. */
export type MeetingMode = (typeof MEETING_MODES)[number];
/** How soon the meeting must happen. */
export const URGENCIES = ["immediate", "today", "within-3-working-days", "routine"] as const;
/** One of {@link URGENCIES}. */
export type Urgency = (typeof URGENCIES)[number];

/** What each meeting status is called, on every card and in exports: the one table. */
export const MEETING_STATUS_LABELS: Readonly<Record<MeetingStatus, string>> = {
  proposed: "Proposed",
  scheduled: "Scheduled",
  held: "Held",
  recorded: "Held and recorded",
  cancelled: "Cancelled",
};

/** What each urgency is called, in every form, card and export: the one table. */
export const URGENCY_LABELS: Readonly<Record<Urgency, string>> = {
  immediate: "Immediate: the child may be at risk now",
  today: "Today",
  "within-3-working-days": "Within 3 working days",
  routine: "Routine",
};

/** What each way of holding a meeting is called, everywhere: the one table. */
export const MODE_LABELS: Readonly<Record<MeetingMode, string>> = {
  meeting: "Meeting (in person or video)",
  call: "Conference call",
  phone: "Separate phone calls",
};

/** The urgency a new meeting of this kind starts at: strategy discussions are held the same day by default. */
export function defaultUrgency(kind: MeetingKind): Urgency {
  return kind === "strategy-discussion" ? "today" : "routine";
}

/** A convened meeting. */
export interface Meeting {
  id: string;
  caseId: string;
  kind: MeetingKind;
  status: MeetingStatus;
  /** The concern in brief: case content, never logged at info level. */
  concern: string;
  urgency: Urgency;
  scheduledAt: Date | null;
  mode: MeetingMode;
  convenorId: string;
  heldAt: Date | null;
  /** Why the convenor marked it held without the statutory minimum; kept in the record. */
  quorumOverrideReason: string | null;
  /** Why the convenor cancelled it. */
  cancelledReason?: string | null;
  /** Bumped on every reschedule, so invites and reminders can tell the times apart. */
  sequence?: number;
  /**
   * Its Teams meeting (an Outlook event made through Microsoft Graph), when Graph is configured.
   * Read-only here: only the calendar sync writes it, so a use case saving the meeting can never
   * overwrite an event id the sync stored meanwhile.
   */
  readonly onlineMeeting?: OnlineMeeting | null;
}

/** Where a meeting's Teams meeting (its Outlook event) stands. */
export interface OnlineMeeting {
  /** The event's id in the service mailbox, once created. */
  eventId: string | null;
  /** The Teams join link, once created. */
  joinUrl: string | null;
  /** created; failed (a create failed and is being retried); cancelled. */
  state: OnlineMeetingState;
}

/** See {@link OnlineMeeting.state}. */
export type OnlineMeetingState = "created" | "failed" | "cancelled";

/**
 * The roles that must attend. Working Together sets social worker, health and police as
 * the minimum for a strategy discussion; other meetings need at least the social worker.
 */
export function requiredRoles(kind: MeetingKind): InviteeRole[] {
  return kind === "strategy-discussion" ? ["social-worker", "health", "police"] : ["social-worker"];
}

/**
 * "Held" cannot be marked before the meeting's own day (Europe/London). A meeting still to be
 * timed can be marked held whenever it took place. Throws `HELD_TOO_EARLY`.
 */
export function requireMeetingDayReached(meeting: Meeting, now: Date): void {
  if (!meeting.scheduledAt) return;
  const day = DateTime.fromJSDate(meeting.scheduledAt, { zone: LONDON }).toISODate()!;
  const today = DateTime.fromJSDate(now, { zone: LONDON }).toISODate()!;
  if (today < day) {
    throw new DomainError("HELD_TOO_EARLY", `This meeting is on ${DateTime.fromISO(day, { zone: LONDON }).toFormat("ccc d LLL yyyy")}. Mark it held on or after that day, or reschedule it.`);
  }
}

/**
 * The rows a meeting of this kind can have. Conferences (initial, review, core group,
 * transfer-in) invite parents and family members, the child, an advocate and an interpreter
 * as well as agencies; a strategy discussion is between agencies only.
 */
export function inviteeRolesFor(kind: MeetingKind): InviteeRole[] {
  return kind === "strategy-discussion" ? [...AGENCY_ROLES] : [...INVITEE_ROLES];
}

/**
 * Refuses a row the meeting kind does not have (a parent invited to a strategy discussion),
 * whichever channel or command sent it. Throws `ROLE_NOT_FOR_MEETING`.
 */
export function requireRoleForKind(kind: MeetingKind, role: InviteeRole): void {
  if (!inviteeRolesFor(kind).includes(role)) {
    throw new DomainError("ROLE_NOT_FOR_MEETING", `A strategy discussion is between agencies: invite the ${INVITEE_ROLE_LABELS[role].toLowerCase()} to the conference instead.`, { role });
  }
}

/**
 * Required roles with nobody attending, in the order the guidance lists them. Required roles
 * are agency rows only (see {@link requiredRoles}), so a parent, the child, an advocate or an
 * interpreter never makes up for a missing agency.
 */
export function missingQuorumRoles(kind: MeetingKind, invitations: readonly Invitation[]): InviteeRole[] {
  return requiredRoles(kind).filter((role) => !invitations.some((i) => i.role === role && countsAsAttending(i)));
}

/** Required roles with no invitation at all: highlighted on the convening card. */
export function unfilledRequiredRoles(kind: MeetingKind, invitations: readonly Invitation[]): InviteeRole[] {
  return requiredRoles(kind).filter((role) => !invitations.some((i) => i.role === role && i.response !== "declined"));
}

const MIN_OVERRIDE_REASON = 10;

/**
 * Marks the meeting held. Without a social worker, health and police attending, a strategy
 * discussion may be marked held only with a recorded reason (e.g. "health gave information
 * by phone"). Throws `QUORUM_NOT_MET`, `OVERRIDE_REASON_TOO_SHORT`, `MEETING_NOT_OPEN`.
 */
export function markHeld(meeting: Meeting, invitations: readonly Invitation[], now: Date, overrideReason?: string): Meeting {
  if (meeting.status !== "proposed" && meeting.status !== "scheduled") {
    throw new DomainError("MEETING_NOT_OPEN", `This meeting is already ${meeting.status}.`);
  }
  const missing = missingQuorumRoles(meeting.kind, invitations);
  const reason = overrideReason?.trim() ?? "";
  if (missing.length > 0) {
    if (!reason) {
      throw new DomainError(
        "QUORUM_NOT_MET",
        `Not held yet: nobody from ${missing.map((r) => INVITEE_ROLE_LABELS[r]).join(", ")} has accepted. Record why it went ahead without them to override.`,
        { missing },
      );
    }
    if (reason.length < MIN_OVERRIDE_REASON) {
      throw new DomainError("OVERRIDE_REASON_TOO_SHORT", "Please say in a sentence how the missing agencies contributed or why the meeting went ahead.");
    }
  }
  return {
    ...meeting,
    status: "held",
    heldAt: now,
    quorumOverrideReason: missing.length > 0 ? reason : null,
  };
}

/** Moves a held meeting to recorded once its decision record is finalised. */
export function markRecorded(meeting: Meeting): Meeting {
  if (meeting.status !== "held" && meeting.status !== "recorded") {
    throw new DomainError("MEETING_NOT_HELD", "Mark the meeting held before recording its decisions.");
  }
  return { ...meeting, status: "recorded" };
}

/** Cancels an open meeting. */
export function cancelMeeting(meeting: Meeting): Meeting {
  if (meeting.status === "held" || meeting.status === "recorded") {
    throw new DomainError("MEETING_ALREADY_HELD", "A meeting that was held cannot be cancelled.");
  }
  return { ...meeting, status: "cancelled" };
}
