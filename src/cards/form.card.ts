import { fieldPlaceholder, readField, scopedFieldId, WHOLE_FORM, type ConversationField, type FormView } from "../app/conversation/form-descriptor";
import { adaptiveCard, errorText, execute, heading, text, userText, type AdaptiveCardJson, type CardElement } from "./adaptive-card";
import { escapeAdaptiveText } from "./escape-adaptive-text";
import { countOf } from "../domain/language/plural";

/** A conversation member a person field can pick (from the connector, never typed). */
export interface MemberChoice {
  /** The platform user id the edge resolves again through the connector. */
  id: string;
  /** The member's display name. */
  name: string;
}

/** What a form needs from the conversation it is shown in. */
export interface FormCardOptions {
  /** Members offered by person fields (static choices). */
  members?: MemberChoice[];
  /**
   * Offer Teams' directory search (Data.Query graph.microsoft.com/users) in person fields.
   * The adaptivecards schema puts `choices.data` in 1.6, so 1.5 cards leave it off by default.
   */
  peoplePicker?: boolean;
}

function personPicker(id: string, label: string, field: ConversationField, value: string, options: FormCardOptions): CardElement {
  const input: CardElement = {
    type: "Input.ChoiceSet",
    id,
    label,
    style: "filtered",
    isRequired: field.required,
    ...(field.required ? { errorMessage: `${label} is required.` } : {}),
    placeholder: escapeAdaptiveText(field.placeholder ?? "Choose a colleague"),
    value,
    // Choice titles are plain text in every host (no Markdown), and must match what people type in filtered pickers.
    choices: (options.members ?? []).map((m) => ({ title: m.name, value: m.id })),
  };
  if (options.peoplePicker) input["choices.data"] = { type: "Data.Query", dataset: "graph.microsoft.com/users" };
  return input;
}

function inputFor(field: ConversationField, id: string, value: string | undefined, options: FormCardOptions): CardElement {
  // Labels can carry user text (an invitee's name in the held form), and some hosts render
  // Markdown in them: escape them like any other text on a card.
  const label = escapeAdaptiveText(field.repeat ? field.repeat.fieldLabel : field.label);
  const placeholder = fieldPlaceholder(field.repeat ? { ...field, label: field.repeat.fieldLabel } : field);
  const base = { id, label, isRequired: field.required, ...(field.required ? { errorMessage: `${label} is required.` } : {}), ...(placeholder ? { placeholder: escapeAdaptiveText(placeholder) } : {}) };
  const v = value ?? field.defaultValue ?? "";
  switch (field.type) {
    case "person":
      if (!(options.members ?? []).length && !options.peoplePicker) return text(escapeAdaptiveText(label), { weight: "Bolder" });
      return personPicker(id, label, field, v, options);
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
      return { type: "Input.ChoiceSet", ...base, style: "compact", value: v, choices: (field.choices ?? []).map((c) => ({ title: c.label, value: c.value })) };
  }
}

/**
 * A form's inputs as card elements: section headings, list rows under their row heading,
 * each error right after its field, then the field's guidance. With `form.scope` every id is
 * scoped, so several forms of a kind can sit in one card (Teams merges all of a card's inputs).
 */
export function formInputs(form: FormView, options: FormCardOptions = {}): CardElement[] {
  const body: CardElement[] = [];
  let section = "";
  let row = "";
  for (const field of form.descriptor.fields) {
    if (field.section && field.section !== section) {
      body.push(text(`**${escapeAdaptiveText(field.section)}**`, { size: "Medium", separator: true, spacing: "Large" }));
    }
    section = field.section;
    const rowKey = field.repeat ? `${field.repeat.group}.${field.repeat.index}` : "";
    if (rowKey && rowKey !== row) body.push(text(escapeAdaptiveText(field.repeat!.rowLabel), { weight: "Bolder", spacing: "Medium" }));
    row = rowKey;
    const id = scopedFieldId(field.id, form.scope);
    body.push(inputFor(field, id, readField(form.values, field.id, form.scope), options));
    const error = form.errors[field.id];
    if (error) body.push(errorText(error));
    if (field.help) body.push(text(escapeAdaptiveText(field.help), { isSubtle: true, size: "Small", spacing: "None" }));
  }
  return body;
}

/** The form's submit button, carrying the descriptor's data. */
export function formSubmit(form: FormView): CardElement {
  return execute(form.descriptor.submitLabel, form.descriptor.action, form.descriptor.data, { style: form.descriptor.tone });
}

/** The message at the top of a form shown again with errors. */
export function formErrorSummary(form: FormView): CardElement[] {
  const count = Object.keys(form.errors).filter((k) => k !== WHOLE_FORM).length;
  const whole = form.errors[WHOLE_FORM];
  if (whole) return [errorText(whole)];
  return count ? [errorText(`Please fix ${countOf(count, "field")} marked below.`)] : [];
}

/**
 * A stand-alone form card (Teams and the playground), rendered from the channel-neutral
 * descriptor the Slack modal also uses: a heading, the errors summary, the intro, the inputs
 * and one submit button.
 */
export function renderFormCard(form: FormView, options: FormCardOptions = {}): AdaptiveCardJson {
  const d = form.descriptor;
  return adaptiveCard({
    fallbackText: `${d.title}: open this card in Teams to fill in the form.`,
    body: [heading(escapeAdaptiveText(d.title)), ...formErrorSummary(form), ...(d.intro ? [userText(d.intro, { isSubtle: true, size: "Small" })] : []), ...formInputs(form, options)],
    actions: [formSubmit(form)],
  });
}
