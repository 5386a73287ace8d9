import type { FormField, FormValues } from "../domain/decision-record/record-form";
import { adaptiveCard, errorText, execute, heading, text, type AdaptiveCardJson, type CardElement } from "./adaptive-card";
import { CardVerb } from "./card-verbs";
import { escapeAdaptiveText } from "./escape-adaptive-text";

/** What the decision form needs. */
export interface DecisionFormInput {
  meetingId: string;
  caseReference: string;
  kindTitle: string;
  /** The channel-neutral descriptor from `formFor(kind)`. */
  fields: FormField[];
  /** Values to show (a re-shown form, or an amendment). */
  values?: FormValues;
  /** Messages by field id; "form" for the whole form. */
  errors?: Record<string, string>;
  /** True when a record exists: the form asks why it is amended. */
  amendment?: boolean;
}

/** Input id of the amendment reason (not part of the record itself). */
export const AMENDMENT_REASON_ID = "_amendmentReason";

function inputFor(field: FormField, value: string | undefined): CardElement {
  const label = field.repeat ? field.repeat.fieldLabel : field.label;
  // Labels are plain text (no Markdown) and come from our own descriptor.
  const base = { id: field.id, label, isRequired: field.required, ...(field.required ? { errorMessage: `${label} is required.` } : {}) };
  const v = value ?? field.defaultValue ?? "";
  switch (field.type) {
    case "text":
    case "multiline":
      return { type: "Input.Text", ...base, isMultiline: field.type === "multiline", maxLength: field.maxLength, value: v };
    case "date":
      return { type: "Input.Date", ...base, value: v };
    case "time":
      return { type: "Input.Time", ...base, value: v };
    case "number":
      return { type: "Input.Number", ...base, ...(v !== "" && !Number.isNaN(Number(v)) ? { value: Number(v) } : {}) };
    case "toggle":
      return { type: "Input.Toggle", ...base, title: label, valueOn: "true", valueOff: "false", value: v === "true" ? "true" : "false" };
    case "choice":
      return {
        type: "Input.ChoiceSet",
        ...base,
        style: "compact",
        value: v,
        choices: (field.choices ?? []).map((c) => ({ title: c.label, value: c.value })), // plain text in every host
      };
  }
}

/**
 * The decision record form, rendered from the channel-neutral descriptor: one input per
 * field, list rows grouped under their row heading, errors beside the fields they belong to.
 */
export function renderDecisionFormCard(input: DecisionFormInput): AdaptiveCardJson {
  const values = input.values ?? {};
  const errors = input.errors ?? {};
  const body: CardElement[] = [heading(`Record the decision · ${escapeAdaptiveText(input.kindTitle)} · ${escapeAdaptiveText(input.caseReference)}`)];
  const errorCount = Object.keys(errors).length;
  if (errorCount) body.push(errorText(errors.form ?? `Please fix ${errorCount} field${errorCount === 1 ? "" : "s"} marked below.`));
  if (input.amendment) {
    body.push({ type: "Input.Text", id: AMENDMENT_REASON_ID, label: "Why is the record being amended?", isMultiline: true, isRequired: true, errorMessage: "Say why the record is amended.", maxLength: 1000, value: values[AMENDMENT_REASON_ID] ?? "" });
    if (errors[AMENDMENT_REASON_ID]) body.push(errorText(errors[AMENDMENT_REASON_ID]));
  }
  let section = "";
  let row = "";
  for (const field of input.fields) {
    if (field.section !== section) {
      section = field.section;
      row = "";
      body.push(text(`**${escapeAdaptiveText(section)}**`, { size: "Medium", separator: true, spacing: "Large" }));
    }
    const rowKey = field.repeat ? `${field.repeat.group}.${field.repeat.index}` : "";
    if (rowKey && rowKey !== row) body.push(text(escapeAdaptiveText(field.repeat!.rowLabel), { weight: "Bolder", spacing: "Medium" }));
    row = rowKey;
    body.push(inputFor(field, values[field.id]));
    if (field.help) body.push(text(escapeAdaptiveText(field.help), { isSubtle: true, size: "Small", spacing: "None" }));
    if (errors[field.id]) body.push(errorText(errors[field.id]!));
  }
  return adaptiveCard({
    fallbackText: `Record the decision for the ${input.kindTitle}, ${input.caseReference}: open this card in Teams to fill in the form.`,
    body,
    actions: [execute(input.amendment ? "Save amendment" : "Save decision record", CardVerb.recordSubmit, { meetingId: input.meetingId }, { style: "positive" })],
  });
}
