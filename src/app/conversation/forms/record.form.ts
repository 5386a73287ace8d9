import { formFor, type FormValues } from "../../../domain/decision-record/record-form";
import { meetingKindTitle, type MeetingKind } from "../../../domain/meeting/meeting-kind";
import { ActionId, actionData } from "../action-id";
import type { ConversationField, FormDescriptor } from "../form-descriptor";

/** The id of the amendment reason box (the app reports its errors under this key too). */
export const AMENDMENT_REASON_FIELD = "amendmentReason";

/** The attendees box, which the roster makes optional. */
const ATTENDEES_FIELD = "attendees";

/**
 * Every text box says how much it takes, in its label: over-long text is refused beside the
 * box, never cut, so the limit must be visible before typing.
 */
function withLimit<F extends ConversationField | ReturnType<typeof formFor>[number]>(field: F): ConversationField {
  if (field.type !== "text" && field.type !== "multiline") return { ...field };
  const limit = ` (up to ${field.maxLength.toLocaleString("en-GB")} characters)`;
  return {
    ...field,
    label: `${field.label}${limit}`,
    ...(field.repeat ? { repeat: { ...field.repeat, fieldLabel: `${field.repeat.fieldLabel}${limit}` } } : {}),
  };
}

/**
 * The decision record form for a meeting kind: the record's own channel-neutral fields
 * (`formFor`), preceded by "why is it amended" when a record already exists.
 */
export function recordForm(input: {
  meetingId: string;
  caseReference: string;
  kind: MeetingKind;
  amend: boolean;
  values?: FormValues;
  /** Who the roster says took part: already in the record, so nobody has to type them. */
  rosterAttendees?: readonly string[];
}): FormDescriptor {
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
  const roster = input.rosterAttendees ?? [];
  for (const field of formFor(input.kind, input.values)) {
    const shown: ConversationField = withLimit(field);
    if (field.id === ATTENDEES_FIELD && roster.length) {
      // The roster supplies the attendees: this box is only for anyone it does not know.
      shown.required = false;
      shown.help = `Already in the record from the roster: ${roster.join("; ")}. Add anyone else here, one per line: name, role, agency.`;
    }
    fields.push(shown);
  }
  return {
    action: ActionId.SubmitRecord,
    title: `Record the decision · ${title} · ${input.caseReference}`,
    shortTitle: input.amend ? "Amend decision record" : "Record decisions",
    intro: `Case ${input.caseReference}. Records belong to the child: plain words, and say how decisions were made. Nothing is saved until you have checked the record and pressed Save.`,
    // Nothing is saved yet: the next step shows the record and the plain-language advice, then Save.
    submitLabel: input.amend ? "Check the amendment" : "Check the record",
    tone: "positive",
    fields,
    data: actionData(ActionId.SubmitRecord, input.meetingId),
  };
}
