import { ACTION_TARGET, isActionId, type ActionId } from "../../app/conversation/action-id";
import { SLACK_LIMITS } from "./block-kit-limits";

// Slack wants every action_id unique within a message, so a button's id is the conversation's
// ActionId followed by its target ("invitation.accept:inv-1"); the listener splits it back.

/** `invitation.accept:inv-1`: the action and the row it acts on. */
export function slackActionId(action: ActionId, target: string): string {
  return `${action}:${target}`.slice(0, SLACK_LIMITS.actionId);
}

/** Splits an action_id back into action and target; null when it is not one of ours. */
export function parseSlackActionId(actionId: string): { action: ActionId; target: string } | null {
  const at = actionId.indexOf(":");
  if (at <= 0) return null;
  const action = actionId.slice(0, at);
  if (!isActionId(action)) return null;
  return { action, target: actionId.slice(at + 1) };
}

/**
 * A button's data as the conversation reads it: the target under its action's key, plus any
 * extras the button's value carried as JSON (e.g. the row's role, for the decline form's words).
 */
export function slackActionData(action: ActionId, target: string, value: string | undefined): Record<string, string> {
  const data: Record<string, string> = {};
  try {
    const parsed: unknown = value ? JSON.parse(value) : null;
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) for (const [k, v] of Object.entries(parsed)) if (typeof v === "string") data[k] = v;
  } catch {
    // A plain value (the target itself) carries no extras.
  }
  data[ACTION_TARGET[action]] = target;
  return data;
}
