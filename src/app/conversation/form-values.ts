import { readField, type FormDescriptor } from "./form-descriptor";

/** Submitted values as the conversation reads them: strings by field id. */
export type SubmittedValues = Record<string, string | undefined>;

/**
 * Normalises what a platform hands back into strings. Hosts send inputs as strings, but some
 * send Input.Number as a number and toggles as booleans; objects and arrays are not inputs.
 */
export function toSubmittedValues(raw: Record<string, unknown>): SubmittedValues {
  const out: SubmittedValues = {};
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v === "string") out[k] = v;
    else if (typeof v === "number" && Number.isFinite(v)) out[k] = String(v);
    else if (typeof v === "boolean") out[k] = String(v);
  }
  return out;
}

/** Only the descriptor's own fields, so data riding along (ids, the meeting kind) never reaches a record. */
export function fieldValues(descriptor: FormDescriptor, values: SubmittedValues): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const f of descriptor.fields) if (f.id in values) out[f.id] = values[f.id];
  return out;
}

/** The same, with empty boxes left out: what a form shown again should keep. */
export function keptValues(descriptor: FormDescriptor, values: SubmittedValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fieldValues(descriptor, values))) if (v) out[k] = v;
  return out;
}

/**
 * Text longer than a field allows is refused beside the field, never cut: a record must say
 * what was written. Messages give the limit and how far over the text is.
 */
export function overLongFields(descriptor: FormDescriptor, values: SubmittedValues, scope?: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of descriptor.fields) {
    if (f.type === "person" || f.type === "choice") continue;
    const v = readField(values, f.id, scope);
    if (v && v.length > f.maxLength) {
      errors[f.id] = `Keep this to ${f.maxLength.toLocaleString("en-GB")} characters: it has ${v.length.toLocaleString("en-GB")}.`;
    }
  }
  return errors;
}
