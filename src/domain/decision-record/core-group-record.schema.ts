/**
 * The core group record: progress on each plan action, new actions, and the written views of
 * members who could not attend (Working Together asks that those views are recorded).
 */
import { z } from "zod";
import { ActionItemSchema, NAME_MAX, SHORT_TEXT_MAX, choice, requiredText } from "./record-parts.schema";

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

/** The core group record. */
export const CoreGroupRecordSchema = z.object({
  /** Progress on each plan action. */
  progress: z.array(ActionProgressSchema).default([]),
  /** Actions agreed at this meeting. */
  newActions: z.array(ActionItemSchema).default([]),
  /** Written views of those who could not attend. */
  absentViews: z.array(AbsentViewSchema).default([]),
});

/** A valid core group record. */
export type CoreGroupRecord = z.infer<typeof CoreGroupRecordSchema>;
