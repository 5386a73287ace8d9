// Every Slack action_id, callback_id and block_id prefix lives here, so the builders that
// emit them and the listeners that match them cannot drift apart (the dispatch pattern:
// action ids in one enum).

/** Button and select action_ids. Per-row actions append `:<id>` so each is unique in its message. */
export enum SlackActionId {
  Accept = "invite_accept",
  Tentative = "invite_tentative",
  Decline = "invite_decline",
  Delegate = "invite_delegate",
  MarkHeld = "meeting_mark_held",
  RecordDecision = "meeting_record_decision",
  ShowDeadlines = "case_show_deadlines",
  /** "Waive" on a deadline line; opens the reason modal. */
  WaiveDeadline = "deadline_waive",
}

/** Modal callback_ids. */
export enum SlackCallbackId {
  ConveneMeeting = "convene_meeting",
  DeclineReason = "decline_reason",
  QuorumOverride = "quorum_override",
  RecordDecision = "record_decision",
  WaiveDeadline = "waive_deadline",
}

/** `invite_accept:inv_123` — the action and the row it acts on. */
export function rowActionId(action: SlackActionId, id: string): string {
  return `${action}:${id}`;
}

/** Splits a row action_id back into action and id; null when it is not one of ours. */
export function parseRowActionId(actionId: string): { action: SlackActionId; id: string } | null {
  const at = actionId.indexOf(":");
  if (at <= 0) return null;
  const action = actionId.slice(0, at);
  if (!(Object.values(SlackActionId) as string[]).includes(action)) return null;
  return { action: action as SlackActionId, id: actionId.slice(at + 1) };
}

/** Matches every row action of one kind (for Bolt's `app.action`). */
export function rowActionPattern(action: SlackActionId): RegExp {
  return new RegExp(`^${action}:`);
}
