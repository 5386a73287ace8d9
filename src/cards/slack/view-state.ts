// Reads what a user entered in a modal from `view.state.values`, whatever the element type,
// as the flat strings the app's forms take.

/** One element's state as Slack sends it in view_submission. */
export interface SlackStateValue {
  type: string;
  value?: string | null;
  selected_date?: string | null;
  selected_time?: string | null;
  selected_user?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[] | null;
}

/** `view.state.values`: block id → action id → state. */
export type SlackViewState = Record<string, Record<string, SlackStateValue>>;

/** One element's value as a string; undefined when empty. Checkboxes give "true"/"false". */
export function stateValueToString(v: SlackStateValue | undefined): string | undefined {
  if (!v) return undefined;
  switch (v.type) {
    case "datepicker":
      return v.selected_date ?? undefined;
    case "timepicker":
      return v.selected_time ?? undefined;
    case "users_select":
      return v.selected_user ?? undefined;
    case "static_select":
    case "radio_buttons":
      return v.selected_option?.value ?? undefined;
    case "checkboxes":
      return (v.selected_options ?? []).some((o) => o.value === "true") ? "true" : "false";
    default: {
      const s = v.value ?? undefined;
      return s === undefined || s === "" ? undefined : s;
    }
  }
}

/** The value of `blockId`'s `actionId` element (Convene's inputs use the block id as action id). */
export function readState(state: SlackViewState, blockId: string, actionId = blockId): string | undefined {
  return stateValueToString(state[blockId]?.[actionId]);
}

/** Every block's value (first action of each block), keyed by block id. */
export function flattenState(state: SlackViewState): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [blockId, actions] of Object.entries(state)) {
    const first = Object.values(actions)[0];
    out[blockId] = stateValueToString(first);
  }
  return out;
}
