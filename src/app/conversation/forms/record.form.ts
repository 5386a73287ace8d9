import { formFor, type FormValues } from "../../../domain/decision-record/record-form";
import { meetingKindTitle, type MeetingKind } from "../../../domain/meeting/meeting-kind";
import { ActionId, actionData } from "../action-id";
import type { ConversationField, FormDescriptor } from "../form-descriptor";

/** The id of the amendment reason box (the app reports its errors under this key too). */
export const AMENDMENT_REASON_FIELD = "amendmentReason";

/**
 * The decision record form for a meeting kind: the record's own channel-neutral fields
 * (`formFor`), preceded by "why is it amended" when a record already exists.
 */
export function recordForm(input: { meetingId: string; caseReference: string; kind: MeetingKind; amend: boolean; values?: FormValues }): FormDescriptor {
  const title = meetingKindTitle(input.kind);
  const fields: ConversationField[] = [];
  if (input.amend) {
    fields.push({
      id: AMENDMENT_REASON_FIELD,
      label: "Why is the record being amended? (up to 1,000 characters)",
      help: "The earlier version is kept; this becomes a new version.",
      type: "multiline",
      required: true,
      maxLength: 1000,
      section: "",
    });
  }
  fields.push(...formFor(input.kind, input.values));
  return {
    action: ActionId.SubmitRecord,
    title: `Record the decision · ${title} · ${input.caseReference}`,
    shortTitle: input.amend ? "Amend decision record" : "Record decisions",
    intro: `Case ${input.caseReference}. Records belong to the child: plain words, and say how decisions were made.`,
    submitLabel: input.amend ? "Save amendment" : "Save decision record",
    tone: "positive",
    fields,
    data: actionData(ActionId.SubmitRecord, input.meetingId),
  };
}
