/**
 * The core group record: progress on each plan action, new actions, and the written views of
 * members who could not attend (Working Together asks that those views are recorded).
 */
import { z } from "zod";
import {
  ALWAYS,
  ActionItemSchema,
  NAME_MAX,
  SHORT_TEXT_MAX,
  choice,
  isRecordLike,
  isoDate,
  optionalText,
  requireEscalationForDissent,
  requiredText,
} from "./record-parts.schema";

/** Where a plan action stands. */
export const PROGRESS_STATUSES = ["not-started", "on-track", "at-risk", "done", "no-longer-needed"] as const;

/** Progress on one plan action. */
export const ActionProgressSchema = z.object({
  /** The action's reference or description, as it appears in the plan. */
  action: requiredText("Say which plan action this is about.", SHORT_TEXT_MAX),
  /** What has happened. */
  progress: requiredText("Describe the progress on this action."),
  /** Where it stands. */
  status: choice(PROGRESS_STATUSES, "Choose where this action stands."),
});

/** The view of a member who could not attend. */
export const AbsentViewSchema = z.object({
  /** Who gave the view. */
  name: requiredText("Give the name of the person whose view this is.", NAME_MAX),
  /** Their view, in their words. */
  view: requiredText("Record this person's view."),
});

/** One thing that must change for the child to be safe: the detailed plan's unit (Working Together, chapter 1). */
export const PlanChangeSchema = z.object({
  /** What must change. */
  what: requiredText("Say what must change.", SHORT_TEXT_MAX),
  /** By how much: how everyone will know it has changed enough. */
  howMuch: requiredText("Say by how much it must change: how you will know it is enough.", SHORT_TEXT_MAX),
  /** By when. */
  byWhen: isoDate("the date it must change by"),
});

/** The core group record. */
export const CoreGroupRecordSchema = z
  .object({
    /** What must change, by how much and by when: at least one. */
    changes: z.array(PlanChangeSchema, { error: "Say at least one thing that must change, by how much and by when." }).min(1, { error: "Say at least one thing that must change, by how much and by when." }),
    /** Who completes the in-depth assessment. */
    inDepthAssessmentBy: requiredText("Say who completes the in-depth assessment.", NAME_MAX),
    /** Progress on each plan action. */
    progress: z.array(ActionProgressSchema).default([]),
    /** Actions agreed at this meeting. */
    newActions: z.array(ActionItemSchema).default([]),
    /** Written views of those who could not attend. */
    absentViews: z.array(AbsentViewSchema).default([]),
    /** The child's wishes and feelings. */
    childsVoice: optionalText(),
    /** Disagreement, and by whom. */
    dissent: optionalText(),
    /** To whom a disagreement was escalated, when, and the outcome. */
    escalation: optionalText(),
  })
  .superRefine((r, ctx) => {
    if (isRecordLike(r)) requireEscalationForDissent(r, (path, message) => ctx.addIssue({ code: "custom", path, message }));
  }, ALWAYS);

/** A valid core group record. */
export type CoreGroupRecord = z.infer<typeof CoreGroupRecordSchema>;
