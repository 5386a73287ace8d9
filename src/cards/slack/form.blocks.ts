import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { fieldPlaceholder, WHOLE_FORM, type ConversationField, type FormView } from "../../app/conversation/form-descriptor";
import { SLACK_LIMITS, truncateMrkdwn, truncatePlain } from "./block-kit-limits";
import { boldLabel, escapeMrkdwn } from "./escape-mrkdwn";

/** What a modal carries between opening and submission: the descriptor's data and where it was opened. Set by us, returned by Slack. */
export interface FormModalMetadata extends Record<string, string> {
  /** The channel the form belongs to (the conversation the submission acts in). */
  channelId: string;
}

function option(value: string, label: string): PlainTextOption {
  return { value: value.slice(0, SLACK_LIMITS.optionValue), text: { type: "plain_text", text: truncatePlain(label, SLACK_LIMITS.optionText) } };
}

function inputFor(field: ConversationField, value: string | undefined): InputBlock {
  const label = { type: "plain_text" as const, text: truncatePlain(field.label, SLACK_LIMITS.inputLabel) };
  const hint = field.help ? { hint: { type: "plain_text" as const, text: truncatePlain(field.help, SLACK_LIMITS.inputHint) } } : {};
  const grey = fieldPlaceholder(field);
  const placeholder = grey ? { placeholder: { type: "plain_text" as const, text: truncatePlain(grey, SLACK_LIMITS.placeholder) } } : {};
  // block_id = action_id = field id: unique across the modal, and the key the core reads values and reports errors by.
  const base = { type: "input" as const, block_id: field.id, label, optional: !field.required, ...hint };
  const actionId = field.id;
  const initial = value || field.defaultValue;
  switch (field.type) {
    case "person":
      return { ...base, element: { type: "users_select", action_id: actionId, ...placeholder, ...(initial ? { initial_user: initial } : {}) } };
    case "date":
      return { ...base, element: { type: "datepicker", action_id: actionId, ...(initial ? { initial_date: initial } : {}) } };
    case "time":
      return { ...base, element: { type: "timepicker", action_id: actionId, timezone: "Europe/London", ...(initial ? { initial_time: initial } : {}) } };
    case "choice": {
      const options = (field.choices ?? []).slice(0, SLACK_LIMITS.selectOptions).map((c) => option(c.value, c.label));
      const initialOption = options.find((o) => o.value === initial);
      return { ...base, element: { type: "static_select", action_id: actionId, options, ...(initialOption ? { initial_option: initialOption } : {}) } };
    }
    case "number":
      return { ...base, element: { type: "number_input", action_id: actionId, is_decimal_allowed: false, ...(initial ? { initial_value: initial } : {}) } };
    case "toggle": {
      const yes = { value: "true", text: { type: "plain_text" as const, text: "Yes" } };
      return { ...base, optional: true, element: { type: "checkboxes", action_id: actionId, options: [yes], ...(initial === "true" ? { initial_options: [yes] } : {}) } };
    }
    case "text":
    case "multiline":
      return {
        ...base,
        element: {
          type: "plain_text_input",
          action_id: actionId,
          multiline: field.type === "multiline",
          max_length: Math.min(field.maxLength, SLACK_LIMITS.plainTextInputMaxLength),
          ...placeholder,
          ...(initial ? { initial_value: initial } : {}),
        },
      };
  }
}

/** Slack's submit button holds 24 characters; a longer label keeps its first word ("Convene"). */
function submitText(label: string): string {
  return label.length <= SLACK_LIMITS.modalSubmit ? label : truncatePlain(label.split(" ")[0] ?? "Submit", SLACK_LIMITS.modalSubmit);
}

/**
 * A form as a Slack modal, from the same channel-neutral descriptor the Adaptive Card uses:
 * callback_id is the action the submission performs, every input's block_id is its field id,
 * and the private metadata carries the descriptor's data and the channel.
 */
export function formModal(form: FormView, channelId: string): ModalView {
  const d = form.descriptor;
  const blocks: KnownBlock[] = [];
  if (d.intro) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: truncateMrkdwn(escapeMrkdwn(d.intro), SLACK_LIMITS.sectionText) }] });
  let section = "";
  for (const field of d.fields) {
    if (field.section && field.section !== section) blocks.push({ type: "section", text: { type: "mrkdwn", text: boldLabel(field.section) || " " } });
    section = field.section;
    blocks.push(inputFor(field, form.values[field.id]));
    // Modal errors normally come back beside the box (response_action "errors"); a modal that
    // replaces another cannot carry those, so the message sits under its box instead.
    const error = form.errors[field.id];
    if (error) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: truncateMrkdwn(`:warning: ${escapeMrkdwn(error)}`, SLACK_LIMITS.sectionText) }] });
  }
  const whole = form.errors[WHOLE_FORM];
  if (whole) blocks.splice(d.intro ? 1 : 0, 0, { type: "section", text: { type: "mrkdwn", text: truncateMrkdwn(`:warning: ${escapeMrkdwn(whole)}`, SLACK_LIMITS.sectionText) } });
  const meta: FormModalMetadata = { ...d.data, channelId };
  return {
    type: "modal",
    callback_id: d.action,
    title: { type: "plain_text", text: truncatePlain(d.shortTitle, SLACK_LIMITS.modalTitle) },
    submit: { type: "plain_text", text: submitText(d.submitLabel) },
    close: { type: "plain_text", text: "Cancel" },
    private_metadata: JSON.stringify(meta),
    blocks,
  };
}

/**
 * A form's errors for `response_action: "errors"`, each keyed by a block the modal shows.
 * Errors that belong to no field (the whole form, a refusal) go on the first box.
 */
export function formModalErrors(form: FormView): Record<string, string> {
  const ids = form.descriptor.fields.map((f) => f.id);
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(form.errors)) {
    const block = key !== WHOLE_FORM && ids.includes(key) ? key : ids[0];
    if (block && !out[block]) out[block] = truncatePlain(message, SLACK_LIMITS.modalError);
  }
  return out;
}

/** Reads a modal's private metadata back; null when it is not ours. */
export function readFormModalMetadata(raw: string | undefined): FormModalMetadata | null {
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
    const meta = parsed as Record<string, unknown>;
    if (typeof meta.channelId !== "string") return null;
    const out: FormModalMetadata = { channelId: meta.channelId };
    for (const [k, v] of Object.entries(meta)) if (typeof v === "string") out[k] = v;
    return out;
  } catch {
    return null;
  }
}

/** Replaces a modal with a message, for failures no field can fix. */
export function messageModal(title: string, text: string): ModalView {
  return {
    type: "modal",
    title: { type: "plain_text", text: truncatePlain(title, SLACK_LIMITS.modalTitle) },
    close: { type: "plain_text", text: "Close" },
    blocks: [{ type: "section", text: { type: "mrkdwn", text: truncateMrkdwn(escapeMrkdwn(text), SLACK_LIMITS.sectionText) } }],
  };
}
