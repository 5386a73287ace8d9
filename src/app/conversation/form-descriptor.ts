import type { FormChoice, FormField, FormFieldType } from "../../domain/decision-record/record-form";
import type { RosterView } from "../views/view-models";
import type { ActionId } from "./action-id";

/** Every kind of box a form can hold: the record form's kinds, plus a person picked from the conversation. */
export type ConversationFieldType = FormFieldType | "person";

/**
 * One box of a channel-neutral form. The decision record's fields (`record-form.ts`) are
 * already of this shape; the conversation's own forms add person pickers and placeholders.
 */
export interface ConversationField extends Omit<FormField, "type" | "section"> {
  /** Input kind. A `person` is a platform user id, resolved again through the platform on submit. */
  type: ConversationFieldType;
  /** The heading this field sits under ("" for none). */
  section: string;
  /** Grey text inside an empty box, e.g. an example. */
  placeholder?: string;
  /** Options for `choice` fields. */
  choices?: FormChoice[];
}

/**
 * A form, described once: Teams and the playground render it as an Adaptive Card, Slack as a
 * modal. Submitting it performs `action` on `target`; `data` rides along unchanged (the card's
 * action data, the modal's private metadata), and the field values come back keyed by field id.
 */
export interface FormDescriptor {
  /** What submitting does (also the Slack modal's callback_id). */
  action: ActionId;
  /** The full title, e.g. "Convene: Strategy discussion · CS-2026-0142". */
  title: string;
  /** A title of at most 24 characters, for Slack's modal header. */
  shortTitle: string;
  /** A line of context above the fields (plain text; renderers escape it). */
  intro?: string;
  /** The submit button's words, e.g. "Convene strategy discussion". */
  submitLabel: string;
  /** Whether the submit is destructive (waive, decline) rather than positive. */
  tone: "positive" | "destructive";
  /** The boxes, in order. */
  fields: ConversationField[];
  /** Carried through the submission untouched: the action's target and any context (meeting kind). */
  data: Record<string, string>;
  /**
   * The action that shows this form from a button, with the same `data`: for channels that
   * can open a form only from a click (Slack opens modals from a slash command or a button, not from a mention).
   */
  reopen?: ActionId;
}

/** A form to show: its descriptor with the values to keep and errors to show beside fields ("form" for the whole form). */
export interface FormView {
  /** The form. */
  descriptor: FormDescriptor;
  /** Values to pre-fill, by field id. */
  values: Record<string, string>;
  /** Messages by field id; the key "form" is for the whole form. */
  errors: Record<string, string>;
  /**
   * Where Teams shows it: inside the roster card it belongs to (a reason asked for after a
   * button on that card) rather than as a card of its own. Slack always opens a modal.
   */
  host?: { roster: RosterView };
  /**
   * Scope for the field ids when the form sits inside a card beside others of its kind (one
   * decline box per roster row): Teams merges every input of a card into one submission.
   */
  scope?: string;
}

/** The key for errors that belong to no single field. */
export const WHOLE_FORM = "form";

/** The id a field takes inside a card that holds several forms of its kind (e.g. `reason_<invitation>`). */
export function scopedFieldId(fieldId: string, scope: string | undefined): string {
  return scope ? `${fieldId}_${scope}` : fieldId;
}

/**
 * A field's submitted value: the scoped box if the card had one (Teams inline forms), else
 * the plain one (modals, stand-alone cards). Undefined when the form did not carry the field
 * at all, which means "ask for it"; "" means it was left empty.
 */
export function readField(values: Record<string, string | undefined>, fieldId: string, scope?: string): string | undefined {
  const scoped = scope ? values[scopedFieldId(fieldId, scope)] : undefined;
  return scoped ?? values[fieldId];
}

/**
 * The grey text a box shows: its example, plus its limit ("up to 3,000 characters") for text
 * boxes whose label does not already give one. Every renderer uses this, so no text box
 * hides how much it takes; over-long text is refused beside the field, never cut.
 */
export function fieldPlaceholder(field: Pick<ConversationField, "type" | "label" | "maxLength" | "placeholder">): string | undefined {
  if ((field.type !== "text" && field.type !== "multiline") || /\bcharacters\b/.test(field.label)) return field.placeholder;
  const limit = `up to ${field.maxLength.toLocaleString("en-GB")} characters`;
  return field.placeholder ? `${field.placeholder} (${limit})` : `${limit.charAt(0).toUpperCase()}${limit.slice(1)}`;
}
