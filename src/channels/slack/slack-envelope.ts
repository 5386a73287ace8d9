import { z } from "zod";

// The transport shapes of what Slack posts to /slack/events, checked before Bolt or a
// listener reads them: a field Bolt or a listener dereferences must be there with its type,
// or the request is answered 400. These are Slack's envelopes, not Convene's grammar; what a
// person typed or picked is read by the conversation core.

const id = z.string().min(1).max(255);
const text = z.string().max(40_000);

/** `/convene …` as Slack posts it (form-encoded). */
const SlashCommand = z.looseObject({
  command: id,
  text: text.optional(),
  user_id: id,
  channel_id: id,
  team_id: id,
  trigger_id: id,
});

/** A button press or a pick in a message. */
const BlockActions = z.looseObject({
  type: z.literal("block_actions"),
  user: z.looseObject({ id }),
  team: z.looseObject({ id }).nullable().optional(),
  channel: z.looseObject({ id }).optional(),
  container: z.looseObject({ channel_id: id.optional() }).optional(),
  trigger_id: id.optional(),
  actions: z
    .array(z.looseObject({ action_id: z.string().max(255), action_ts: z.string().max(64).optional(), value: z.string().max(2000).optional(), selected_user: id.optional() }))
    .min(1)
    .max(10),
});

/** A state value of one element in a submitted modal. */
const StateValue = z.looseObject({
  type: z.string().max(64).optional(),
  value: z.string().max(40_000).nullable().optional(),
  selected_date: z.string().max(64).nullable().optional(),
  selected_time: z.string().max(64).nullable().optional(),
  selected_user: z.string().max(255).nullable().optional(),
  selected_option: z.looseObject({ value: z.string().max(2000) }).nullable().optional(),
  selected_options: z.array(z.looseObject({ value: z.string().max(2000) })).max(100).optional(),
});

/** A modal's submission. */
const ViewSubmission = z.looseObject({
  type: z.literal("view_submission"),
  user: z.looseObject({ id }),
  team: z.looseObject({ id }).nullable().optional(),
  view: z.looseObject({
    id,
    hash: z.string().max(255),
    callback_id: z.string().max(255),
    private_metadata: z.string().max(3000),
    blocks: z.array(z.looseObject({ type: z.string().max(64), block_id: z.string().max(255).optional() })).max(100),
    state: z.looseObject({ values: z.record(z.string().max(255), z.record(z.string().max(255), StateValue)) }),
  }),
});

/** An Events API callback; only `app_mention` is read beyond its envelope. */
const EventCallback = z.looseObject({
  type: z.literal("event_callback"),
  team_id: id.optional(),
  event_id: id.optional(),
  // Bolt itself reads an event's channel, user and item to find its conversation.
  event: z.looseObject({
    type: z.string().min(1).max(64),
    channel: z.union([id, z.looseObject({ id })]).optional(),
    user: z.union([id, z.looseObject({ id })]).optional(),
    item: z.looseObject({ channel: id.optional() }).optional(),
    text: text.optional(),
    ts: z.string().max(64).optional(),
    event_ts: z.string().max(64).optional(),
  }),
});

const AppMention = z.looseObject({ type: z.literal("app_mention"), user: id.optional(), text, channel: id, ts: z.string().min(1).max(64) });

/** What a request is, once its envelope checks out. */
export type SlackEnvelopeKind = "command" | "block_actions" | "view_submission" | "event" | "url_verification" | "ssl_check" | "other";

/**
 * Checks a parsed body's envelope: its kind when every field a listener reads is there with
 * its type, or null for a malformed one (to be answered 400). Kinds Convene has no listener
 * for pass as "other" and are acknowledged without effect.
 */
export function slackEnvelopeKind(body: unknown): SlackEnvelopeKind | null {
  if (!body || typeof body !== "object" || Array.isArray(body)) return null;
  const b = body as Record<string, unknown>;
  if (b.ssl_check === "1") return "ssl_check";
  if (b.type === "url_verification") return typeof b.challenge === "string" && b.challenge.length <= 1000 ? "url_verification" : null;
  if ("command" in b) return SlashCommand.safeParse(b).success ? "command" : null;
  if (b.type === "block_actions") return BlockActions.safeParse(b).success ? "block_actions" : null;
  if (b.type === "view_submission") return ViewSubmission.safeParse(b).success ? "view_submission" : null;
  if (b.type === "event_callback") {
    const parsed = EventCallback.safeParse(b);
    if (!parsed.success) return null;
    if (parsed.data.event.type === "app_mention" && !AppMention.safeParse(parsed.data.event).success) return null;
    return "event";
  }
  return typeof b.type === "string" ? "other" : null;
}
