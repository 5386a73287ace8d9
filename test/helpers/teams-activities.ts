// Bot Framework activity builders for Teams tests (one helpers file per channel).

/** A fake Teams user. */
export interface TestTeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
  email: string;
  /** Their own Entra tenant, as the connector's member record reports it (default "local"). */
  tenantId?: string;
}

/** The bot as the activities address it. */
export const TEST_BOT = { id: "28:convene-test-bot", name: "Convene" };

/** Conversation defaults. */
export interface ActivityContext {
  serviceUrl: string;
  conversationId: string;
  tenantId?: string;
  /** "personal" for a one-to-one chat with the bot; a channel otherwise. */
  conversationType?: "personal" | "channel";
}

let counter = 0;
/** A unique activity id (tests pass their own to test redelivery). */
export function nextActivityId(): string {
  counter += 1;
  return `act-${counter}-${Date.now().toString(36)}`;
}

function base(ctx: ActivityContext, from: TestTeamsUser, id: string) {
  const tenantId = ctx.tenantId ?? "local";
  return {
    id,
    timestamp: "2026-11-23T09:00:00.000Z",
    channelId: "msteams",
    serviceUrl: ctx.serviceUrl,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: { id: TEST_BOT.id, name: TEST_BOT.name },
    conversation: { id: ctx.conversationId, conversationType: ctx.conversationType ?? "channel", isGroup: ctx.conversationType !== "personal", tenantId },
    channelData: { tenant: { id: tenantId } },
    locale: "en-GB",
  };
}

/** A channel message that @mentions the bot, as Teams sends it. */
export function messageActivity(ctx: ActivityContext, from: TestTeamsUser, text: string, id = nextActivityId()) {
  const at = `<at>${TEST_BOT.name}</at>`;
  return {
    ...base(ctx, from, id),
    type: "message",
    text: `${at} ${text}`,
    entities: [{ type: "mention", text: at, mentioned: { id: TEST_BOT.id, name: TEST_BOT.name } }],
  };
}

/** An Action.Execute invoke (`adaptiveCard/action`) with the card's inputs merged into data, as Teams does. */
export function actionActivity(ctx: ActivityContext, from: TestTeamsUser, verb: string, data: Record<string, unknown>, id = nextActivityId(), replyToId?: string) {
  return {
    ...base(ctx, from, id),
    type: "invoke",
    name: "adaptiveCard/action",
    ...(replyToId ? { replyToId } : {}),
    value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" },
  };
}

/** Teams' connector member JSON for a user. */
export function memberJson(u: TestTeamsUser) {
  return { id: u.id, name: u.name, aadObjectId: u.aadObjectId, objectId: u.aadObjectId, email: u.email, userPrincipalName: u.email, tenantId: u.tenantId ?? "local" };
}
