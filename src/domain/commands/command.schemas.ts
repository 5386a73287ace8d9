import { z } from "zod";
import { INVITEE_ROLES } from "../invitation/invitation";
import { MEETING_KINDS } from "../meeting/meeting-kind";
import { MEETING_MODES, URGENCIES } from "../meeting/meeting";

// Every command that reaches the app is parsed here, whichever edge it came from, so
// Teams, Slack, the playground and the CLI cannot disagree about what is valid.

/** The platform identity of whoever acts. */
export const ActorSchema = z.object({
  platform: z.enum(["teams", "slack"]),
  tenant: z.string().min(1),
  userId: z.string().min(1),
  displayName: z.string().min(1).max(200),
  email: z.string().email().nullish(),
  homeTenant: z.string().min(1).max(200).nullish(),
});

/** The conversation a command came from. */
export const ConversationSchema = z.object({
  platform: z.enum(["teams", "slack"]),
  conversationId: z.string().min(1),
});

/** Fields every command carries. `key` is the platform's activity/event/action id: the idempotency key. */
export const CommandBase = z.object({
  key: z.string().min(1).max(300),
  actor: ActorSchema,
  conversation: ConversationSchema,
});

export const LinkChannelSchema = CommandBase.extend({
  caseRef: z.string().min(1, "Give a case reference, e.g. link CS-2026-0142"),
  /** The platform's serialised reference for proactive posts. */
  conversationRef: z.string().min(2),
  /** The person confirmed moving a channel that belongs to another case (after being told what would move). */
  confirmMove: z.boolean().optional(),
});
export type LinkChannelCommand = z.infer<typeof LinkChannelSchema>;

export const InviteeInputSchema = z
  .object({
    role: z.enum(INVITEE_ROLES),
    /** A platform user (resolved through the platform, never typed names)… */
    person: ActorSchema.omit({ platform: true }).extend({ platform: z.enum(["teams", "slack"]) }).nullish(),
    /** …or an agency contact, e.g. "Police CAIT duty desk". */
    agencyContact: z.string().trim().min(2).max(120).nullish(),
    agency: z.string().trim().min(1).max(80),
  })
  .refine((v) => Boolean(v.person) !== Boolean(v.agencyContact), {
    message: "Choose a person or name an agency contact, not both.",
    path: ["person"],
  });
export type InviteeInput = z.infer<typeof InviteeInputSchema>;

export const ConveneMeetingSchema = CommandBase.extend({
  caseRef: z.string().min(1),
  kind: z.enum(MEETING_KINDS),
  concern: z.string().trim().min(3, "Say in brief what the concern is.").max(1000, "Keep the concern under 1,000 characters."),
  urgency: z.enum(URGENCIES),
  /** Local Europe/London wall-clock time, "YYYY-MM-DDTHH:mm"; null when still to be agreed. */
  scheduledLocal: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Use a date and a time, e.g. 2026-11-24T10:00.")
    .nullable(),
  mode: z.enum(MEETING_MODES),
  invitees: z.array(InviteeInputSchema).max(12, "At most 12 invitees."),
  /** What the convenor confirmed after being asked: a weekend or bank-holiday date; another meeting of this kind while one is open. */
  confirm: z.object({ nonWorkingDay: z.boolean().optional(), anotherOpen: z.boolean().optional() }).optional(),
});
export type ConveneMeetingCommand = z.infer<typeof ConveneMeetingSchema>;

export const AnswerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("accept") }),
  z.object({ kind: z.literal("tentative"), reason: z.string().max(500).optional() }),
  z.object({ kind: z.literal("decline"), reason: z.string().trim().min(1, "Give a reason for declining.").max(500) }),
  z.object({
    kind: z.literal("delegate"),
    delegate: ActorSchema,
  }),
]);

export const RespondToInvitationSchema = CommandBase.extend({
  invitationId: z.string().min(1),
  answer: AnswerSchema,
});
export type RespondToInvitationCommand = z.infer<typeof RespondToInvitationSchema>;

export const MarkMeetingHeldSchema = CommandBase.extend({
  meetingId: z.string().min(1),
  overrideReason: z.string().trim().max(1000).optional(),
  /** Invitations whose invitee sent apologies instead of attending. */
  apologies: z.array(z.string()).optional(),
  /** Who actually took part, row by row; rows not given default to "attended" if accepted, else "absent". */
  attendance: z
    .array(
      z.object({
        invitationId: z.string().min(1),
        attendance: z.enum(["attended", "apologies", "absent"]),
        /** For apologies: what they contributed instead. */
        note: z.string().trim().max(500, "Keep the written contribution to 500 characters.").optional(),
      }),
    )
    .max(50)
    .optional(),
});
export type MarkMeetingHeldCommand = z.infer<typeof MarkMeetingHeldSchema>;

export const RecordDecisionSchema = CommandBase.extend({
  meetingId: z.string().min(1),
  /** Flat form values, exactly as the card or modal returned them. */
  values: z.record(z.string(), z.string().optional()),
  /** Required when a record already exists: an amendment says why. */
  amendmentReason: z.string().trim().max(1000).optional(),
  /** Save the record checked in this draft (the "check" step's Save): its values replace `values`. */
  draftId: z.string().min(1).max(100).optional(),
});
export type RecordDecisionCommand = z.infer<typeof RecordDecisionSchema>;

export const ListDeadlinesSchema = CommandBase.extend({
  caseRef: z.string().min(1).optional(),
});
export type ListDeadlinesCommand = z.infer<typeof ListDeadlinesSchema>;

export const WaiveDeadlineSchema = CommandBase.extend({
  deadlineId: z.string().min(1),
  reason: z.string().trim().min(10, "Say in a sentence why this deadline is waived.").max(500, "Keep the reason under 500 characters."),
});
export type WaiveDeadlineCommand = z.infer<typeof WaiveDeadlineSchema>;

export const RescheduleMeetingSchema = CommandBase.extend({
  meetingId: z.string().min(1),
  /** The new Europe/London wall-clock time, "YYYY-MM-DDTHH:mm". */
  scheduledLocal: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Give the new date and time (UK time)."),
  /** Why it moved, told to the invitees. */
  reason: z.string().trim().max(500, "Keep the reason to 500 characters.").optional(),
  /** The convenor confirmed a weekend or bank-holiday date. */
  confirm: z.object({ nonWorkingDay: z.boolean().optional() }).optional(),
});
/** Moves a meeting to a new time. */
export type RescheduleMeetingCommand = z.infer<typeof RescheduleMeetingSchema>;

export const ChangeInviteesSchema = CommandBase.extend({
  meetingId: z.string().min(1),
  /** Who each named role should have now: the role's row is given to them (or added, when the meeting has none). */
  invitees: z.array(InviteeInputSchema).max(12, "At most 12 invitees."),
  /** Optional roles whose rows are taken off the roster. */
  remove: z.array(z.enum(INVITEE_ROLES)).max(12).default([]),
});
/** Changes who is invited to a meeting. */
export type ChangeInviteesCommand = z.input<typeof ChangeInviteesSchema>;

const LOCAL_TIME = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Give a date and a time (UK time).");

export const ProposeTimesSchema = CommandBase.extend({
  meetingId: z.string().min(1),
  /** The times proposed, "YYYY-MM-DDTHH:mm" in Europe/London, in the order the convenor gave them. */
  times: z.array(LOCAL_TIME).max(5, "Propose at most 5 times."),
});
/** Proposes times for a meeting still to be timed ("find a time"). */
export type ProposeTimesCommand = z.infer<typeof ProposeTimesSchema>;

export const AnswerTimesSchema = CommandBase.extend({
  meetingId: z.string().min(1),
  /** The proposed times (their ids) the person can make; every other proposed time is a "cannot". */
  available: z.array(z.string().min(1)).max(5),
});
/** Marks which proposed times the rows someone answers for can make. */
export type AnswerTimesCommand = z.infer<typeof AnswerTimesSchema>;

export const PickTimeSchema = CommandBase.extend({
  meetingId: z.string().min(1),
  /** The proposed time picked. */
  slotId: z.string().min(1),
});
/** Picks one of the proposed times: the meeting is then scheduled for it. */
export type PickTimeCommand = z.infer<typeof PickTimeSchema>;

export const CancelMeetingSchema = CommandBase.extend({
  meetingId: z.string().min(1),
  /** Why, told to the invitees and kept on the record. */
  reason: z.string().trim().min(10, "Say in a sentence why the meeting is cancelled.").max(500, "Keep the reason to 500 characters."),
});
/** Cancels a meeting. */
export type CancelMeetingCommand = z.infer<typeof CancelMeetingSchema>;
