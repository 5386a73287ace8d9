import type { DecisionRecordView } from "../views/view-models";
import { ActionId, actionData } from "./action-id";

/** The record form's steps: a plain submission is checked; the preview's buttons save or edit the checked draft. */
export const RecordStep = {
  /** Store the checked draft as the next version. */
  save: "save",
  /** Show the form again with the checked draft's values. */
  edit: "edit",
} as const;

/** One button of the preview, channel-neutral. */
export interface RecordPreviewButton {
  /** Its words. */
  title: string;
  /** What pressing it does. */
  action: ActionId;
  /** Its data: the meeting, the draft and the step. */
  data: Record<string, string>;
  /** Save is the positive action; Edit is neutral. */
  tone: "positive" | "default";
}

/**
 * The "check" step: the record as it will be saved, the plain-language advice beside it, and
 * Save / Edit. Teams shows a card; Slack replaces the form modal with it (its submit is Save).
 */
export interface RecordPreviewView {
  /** The record as the entitled will read it, version number included. */
  record: DecisionRecordView;
  /** One line per plain-language hint (advice only: saving is never blocked by it). */
  advice: string[];
  /** The checked values' draft id. */
  draftId: string;
  /** Save, then Edit. */
  buttons: RecordPreviewButton[];
}

/** The preview's view model with its two buttons. */
export function recordPreview(record: DecisionRecordView, advice: string[], draftId: string): RecordPreviewView {
  const data = (step: string) => actionData(ActionId.SubmitRecord, record.meetingId, { draftId, step });
  return {
    record,
    advice,
    draftId,
    buttons: [
      { title: record.version > 1 ? "Save amendment" : "Save decision record", action: ActionId.SubmitRecord, data: data(RecordStep.save), tone: "positive" },
      { title: "Edit", action: ActionId.SubmitRecord, data: data(RecordStep.edit), tone: "default" },
    ],
  };
}
