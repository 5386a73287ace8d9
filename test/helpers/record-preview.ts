/**
 * The decision form's "check" step in tests: a submission returns the record as it will be
 * saved, and its Save button carries the checked draft. These read that button back.
 */

interface ExecuteAction {
  type?: string;
  title?: string;
  verb?: string;
  data?: Record<string, string>;
}

/** The data of the preview card's button whose step is `step` ("save" or "edit"), from an invoke response body or card JSON. */
export function previewButtonData(body: unknown, step: "save" | "edit" = "save"): Record<string, string> {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const card = findCard(JSON.parse(text));
  const action = ((card?.actions ?? []) as ExecuteAction[]).find((a) => a.data?.step === step);
  if (!action?.data) throw new Error(`no ${step} button on the preview: ${text.slice(0, 300)}`);
  return action.data;
}

function findCard(node: unknown): { actions?: unknown[] } | undefined {
  if (!node || typeof node !== "object") return undefined;
  const o = node as Record<string, unknown>;
  if (o.type === "AdaptiveCard") return o as { actions?: unknown[] };
  for (const v of Object.values(o)) {
    const found = findCard(v);
    if (found) return found;
  }
  return undefined;
}
