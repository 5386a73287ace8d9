// Slack rejects a whole message or modal (invalid_blocks) when one field is over its limit,
// and a rejected roster would leave a meeting with no card. So builders truncate user text
// to fit, and every builder's spec runs `blockKitProblems` over its output.
// Limits: docs.slack.dev/reference/block-kit (blocks, block elements, composition objects)
// and docs.slack.dev/reference/views/modal-views.

/** Block Kit size limits Convene's builders stay within. */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  /** Top-level `text` of chat.postMessage: Slack truncates after 40,000; keep notifications short. */
  messageText: 3000,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  plainTextInputMaxLength: 3000,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  selectOptions: 100,
  modalTitle: 24,
  modalSubmit: 24,
  modalClose: 24,
  privateMetadata: 3000,
  callbackId: 255,
  /** A message beside a modal's box (`response_action: "errors"`); Convene keeps them this short. */
  modalError: 1000,
} as const;

const ELLIPSIS = "…";

/** Cuts plain text to `max` characters (ellipsis included) without splitting a surrogate pair. */
export function truncatePlain(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - ELLIPSIS.length);
  // A high surrogate at the cut point would leave half an emoji.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return text.slice(0, cut) + ELLIPSIS;
}

/**
 * Cuts already-escaped mrkdwn to `max` characters without splitting an entity (`&amp;`), a
 * Slack token (`<@U123>`) or a surrogate pair: half an entity would show as garbage, and half
 * a token could turn into an unintended link.
 */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - ELLIPSIS.length);
  const head = text.slice(0, cut);
  const amp = head.lastIndexOf("&");
  if (amp !== -1 && head.indexOf(";", amp) === -1 && cut - amp <= 6) cut = amp;
  const lt = text.lastIndexOf("<", cut - 1);
  if (lt !== -1 && text.lastIndexOf(">", cut - 1) < lt) cut = lt;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return text.slice(0, cut) + ELLIPSIS;
}

type Json = Record<string, unknown>;

function textOf(obj: unknown): string | undefined {
  return obj && typeof obj === "object" && typeof (obj as Json).text === "string" ? ((obj as Json).text as string) : undefined;
}

function checkLength(problems: string[], where: string, value: string | undefined, max: number): void {
  if (value !== undefined && value.length > max) problems.push(`${where}: ${value.length} chars > ${max}`);
}

function checkElement(problems: string[], where: string, el: Json, actionIds: Map<string, string>): void {
  const actionId = el.action_id;
  if (typeof actionId === "string") {
    checkLength(problems, `${where}.action_id`, actionId, SLACK_LIMITS.actionId);
    const seen = actionIds.get(actionId);
    if (seen) problems.push(`${where}: duplicate action_id "${actionId}" (also at ${seen})`);
    else actionIds.set(actionId, where);
  }
  checkLength(problems, `${where}.placeholder`, textOf(el.placeholder), SLACK_LIMITS.placeholder);
  if (el.type === "button") {
    checkLength(problems, `${where}.text`, textOf(el.text), SLACK_LIMITS.buttonText);
    checkLength(problems, `${where}.value`, typeof el.value === "string" ? el.value : undefined, SLACK_LIMITS.buttonValue);
  }
  if (el.type === "plain_text_input" && typeof el.max_length === "number" && el.max_length > SLACK_LIMITS.plainTextInputMaxLength) {
    problems.push(`${where}.max_length: ${el.max_length} > ${SLACK_LIMITS.plainTextInputMaxLength}`);
  }
  const options = Array.isArray(el.options) ? (el.options as Json[]) : [];
  if (options.length > SLACK_LIMITS.selectOptions) problems.push(`${where}.options: ${options.length} > ${SLACK_LIMITS.selectOptions}`);
  options.forEach((o, i) => {
    checkLength(problems, `${where}.options[${i}].text`, textOf(o.text), SLACK_LIMITS.optionText);
    checkLength(problems, `${where}.options[${i}].value`, typeof o.value === "string" ? o.value : undefined, SLACK_LIMITS.optionValue);
    checkLength(problems, `${where}.options[${i}].description`, textOf(o.description), SLACK_LIMITS.optionDescription);
  });
}

/**
 * Every Block Kit limit the blocks break, as readable lines (empty when they fit). Checks
 * block counts for the surface, text lengths, element counts, and that action_ids and
 * block_ids are unique across the surface (Slack needs them unique to route interactions).
 */
export function blockKitProblems(surface: "message" | "modal", blocks: readonly unknown[]): string[] {
  const problems: string[] = [];
  const max = surface === "message" ? SLACK_LIMITS.messageBlocks : SLACK_LIMITS.modalBlocks;
  if (blocks.length > max) problems.push(`${surface}: ${blocks.length} blocks > ${max}`);
  const actionIds = new Map<string, string>();
  const blockIds = new Set<string>();
  blocks.forEach((raw, i) => {
    const b = raw as Json;
    const where = `blocks[${i}](${String(b.type)})`;
    if (typeof b.block_id === "string") {
      checkLength(problems, `${where}.block_id`, b.block_id, SLACK_LIMITS.blockId);
      if (blockIds.has(b.block_id)) problems.push(`${where}: duplicate block_id "${b.block_id}"`);
      blockIds.add(b.block_id);
    }
    switch (b.type) {
      case "section": {
        checkLength(problems, `${where}.text`, textOf(b.text), SLACK_LIMITS.sectionText);
        const fields = Array.isArray(b.fields) ? (b.fields as unknown[]) : [];
        if (fields.length > SLACK_LIMITS.sectionFields) problems.push(`${where}.fields: ${fields.length} > ${SLACK_LIMITS.sectionFields}`);
        fields.forEach((f, j) => checkLength(problems, `${where}.fields[${j}]`, textOf(f), SLACK_LIMITS.sectionFieldText));
        if (!textOf(b.text) && fields.length === 0) problems.push(`${where}: a section needs text or fields`);
        if (b.accessory) checkElement(problems, `${where}.accessory`, b.accessory as Json, actionIds);
        break;
      }
      case "header":
        checkLength(problems, `${where}.text`, textOf(b.text), SLACK_LIMITS.headerText);
        break;
      case "context": {
        const els = Array.isArray(b.elements) ? (b.elements as unknown[]) : [];
        if (els.length > SLACK_LIMITS.contextElements) problems.push(`${where}.elements: ${els.length} > ${SLACK_LIMITS.contextElements}`);
        els.forEach((e, j) => checkLength(problems, `${where}.elements[${j}]`, textOf(e), SLACK_LIMITS.sectionText));
        break;
      }
      case "actions": {
        const els = Array.isArray(b.elements) ? (b.elements as Json[]) : [];
        if (els.length > SLACK_LIMITS.actionsElements) problems.push(`${where}.elements: ${els.length} > ${SLACK_LIMITS.actionsElements}`);
        els.forEach((e, j) => checkElement(problems, `${where}.elements[${j}]`, e, actionIds));
        break;
      }
      case "input": {
        if (surface === "message") problems.push(`${where}: input blocks belong in modals`);
        checkLength(problems, `${where}.label`, textOf(b.label), SLACK_LIMITS.inputLabel);
        checkLength(problems, `${where}.hint`, textOf(b.hint), SLACK_LIMITS.inputHint);
        if (typeof b.block_id !== "string") problems.push(`${where}: input blocks need a block_id (errors are keyed by it)`);
        if (b.element) checkElement(problems, `${where}.element`, b.element as Json, actionIds);
        break;
      }
      default:
        break;
    }
  });
  return problems;
}

/** Problems with a modal view: its blocks plus title, submit, close, private_metadata and callback_id. */
export function modalProblems(view: { title?: unknown; submit?: unknown; close?: unknown; private_metadata?: string; callback_id?: string; blocks: readonly unknown[] }): string[] {
  const problems = blockKitProblems("modal", view.blocks);
  checkLength(problems, "title", textOf(view.title), SLACK_LIMITS.modalTitle);
  checkLength(problems, "submit", textOf(view.submit), SLACK_LIMITS.modalSubmit);
  checkLength(problems, "close", textOf(view.close), SLACK_LIMITS.modalClose);
  checkLength(problems, "private_metadata", view.private_metadata, SLACK_LIMITS.privateMetadata);
  checkLength(problems, "callback_id", view.callback_id, SLACK_LIMITS.callbackId);
  if (view.blocks.some((b) => (b as Json).type === "input") && !view.submit) problems.push("submit: required when a modal has inputs");
  return problems;
}
