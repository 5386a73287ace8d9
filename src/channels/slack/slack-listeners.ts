import { createHash } from "node:crypto";
import type { App as BoltApp, BlockAction, SlackViewAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { ActionId, isActionId } from "../../app/conversation/action-id";
import { typedWords } from "../../app/conversation/command-grammar";
import type { Conversation } from "../../app/conversation/conversation";
import type { ConversationReply } from "../../app/conversation/conversation-reply";
import type { ConversationTurn } from "../../app/conversation/conversation-turn";
import { DELEGATE_FIELD } from "../../app/conversation/forms/delegate.form";
import { DomainError } from "../../domain/shared/domain-error";
import { SLACK_LIMITS, truncatePlain } from "../../cards/slack/block-kit-limits";
import { deadlinesBlocks } from "../../cards/slack/deadlines.blocks";
import { decisionRecordModal, decisionRecordSummaryBlocks } from "../../cards/slack/decision-record.blocks";
import { recordPreviewModal } from "../../cards/slack/record-preview.blocks";
import { formModal, formModalErrors, readFormModalMetadata } from "../../cards/slack/form.blocks";
import { helpBlocks } from "../../cards/slack/help.blocks";
import { myWorkHomeView, myWorkMessage } from "../../cards/slack/my-work.blocks";
import { noticeBlocks } from "../../cards/slack/notice.blocks";
import { openFormBlocks, textBlocks } from "../../cards/slack/reply.blocks";
import type { SlackMessage } from "../../cards/slack/roster.blocks";
import { parseSlackActionId, slackActionData } from "../../cards/slack/slack-action-id";
import { flattenState, type SlackViewState } from "../../cards/slack/view-state";
import type { SlackDirectory } from "./slack-directory";

/** What the Slack listeners need. */
export interface SlackListenerDeps {
  /** The channel-neutral conversation every edge talks to. */
  conversation: Conversation;
  /** Slack users and the installation, through users.info and auth.test. */
  directory: SlackDirectory;
  logger: { error(obj: object, msg?: string): void; debug(obj: object, msg?: string): void };
}

/** The conversation ref stored at link time; the SlackGateway reads it back. */
export interface SlackConversationRef {
  teamId: string;
  channelId: string;
}

// Bolt types ack per payload kind; listeners here pass Slack's documented response shapes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Ack = (response?: any) => Promise<void>;

function sha(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/**
 * A view submission's idempotency key: the view and its hash identify one submission of one
 * modal; the digest of the values keeps a corrected resubmission (after field errors) from
 * being taken for a redelivery of the first.
 */
export function viewSubmissionKey(view: { id: string; hash: string; state: { values: unknown } }): string {
  return `view:${view.id}:${view.hash}:${sha(JSON.stringify(view.state.values))}`;
}

/** A block action's idempotency key: when, who and which control (Slack redelivers the same triple). */
export function blockActionKey(actionTs: string, userId: string, actionId: string): string {
  return `action:${actionTs}:${userId}:${actionId}`;
}

/**
 * The conversation id of a person's App Home. A press on the Home tab carries no channel, so
 * the turn happens in this per-person place: personal, linked to no case (like a DM), and
 * recognised again when a modal opened from the Home tab is submitted.
 */
export function slackHomePlaceId(userId: string): string {
  return `${SLACK_HOME_PREFIX}${userId}`;
}
const SLACK_HOME_PREFIX = "app-home:";
const isHomePlace = (channelId: string) => channelId.startsWith(SLACK_HOME_PREFIX);

/** Where a turn happened and how it was typed. */
interface TurnPlace {
  key: string;
  userId: string;
  channelId: string;
  teamId: string;
  /** "/convene " from a slash command; "" for a mention, a button or a modal. */
  prefix: string;
}

/**
 * Registers Convene on a Bolt app: the `/convene` command, `app_mention`, every button and
 * every modal submission. Each becomes a conversation turn (identity from Slack's ids and
 * users.info, never from message data); each reply is rendered as an ephemeral or in-channel
 * message, a modal, or modal errors. No rule, label or parser lives here.
 */
export function registerSlackListeners(bolt: BoltApp, deps: SlackListenerDeps): void {
  const { conversation, directory, logger } = deps;

  const turnOf = (place: TurnPlace): ConversationTurn => ({
    key: place.key,
    conversation: { platform: "slack", conversationId: place.channelId },
    // Direct messages with the bot have ids starting with D, and the App Home is the person's own: no case lives there.
    personal: place.channelId.startsWith("D") || isHomePlace(place.channelId),
    // Replies to typed words are ephemeral: seen by the typist alone, even in a channel.
    privateReplies: true,
    commandPrefix: place.prefix,
    actor: () => directory.actor(place.userId),
    resolvePerson: async (userId) => {
      const person = await directory.person(userId);
      if (person.isBot) throw new DomainError("NOT_A_PERSON", "Pick a person, not an app.");
      return directory.actor(userId);
    },
    conversationRef: () => JSON.stringify({ teamId: place.teamId, channelId: place.channelId } satisfies SlackConversationRef),
  });

  /** A reply as a message, and whether the whole channel should see it. */
  const messageOf = (reply: ConversationReply): { message: SlackMessage; inChannel: boolean } | null => {
    switch (reply.kind) {
      case "notice":
        return { message: noticeBlocks(reply.notice), inChannel: reply.audience === "conversation" && reply.tone === "info" };
      case "help":
        return { message: helpBlocks(reply.help), inChannel: false };
      case "deadlines":
        return { message: deadlinesBlocks(reply.deadlines, reply.notice), inChannel: false };
      case "refusal":
        return { message: textBlocks(reply.message), inChannel: false };
      case "record":
        // Only reached without a trigger (a modal needs one): never post the full record into the channel.
        return { message: textBlocks("Press View full record on the decision record to read it."), inChannel: false };
      case "record-summary":
        return { message: decisionRecordSummaryBlocks(reply.summary), inChannel: false };
      case "record-preview":
        // Only reached without a trigger: the check is a modal, never a message.
        return { message: textBlocks("Open the decision form again to check and save the record."), inChannel: false };
      case "roster":
        // The roster message itself updates through the outbox; only a note must reach the actor.
        return reply.note?.length ? { message: textBlocks([reply.notice ?? "", ...reply.note].filter(Boolean).join("\n")), inChannel: false } : null;
      case "form":
        return { message: openFormBlocks(reply.form) ?? textBlocks("Open the form from a slash command: type /convene help."), inChannel: false };
      case "my-work":
        // Someone's own list: ephemeral, whatever the channel.
        return { message: myWorkMessage(reply.myWork, { ...(reply.notice ? { notice: reply.notice } : {}), ...(reply.tone ? { tone: reply.tone } : {}) }), inChannel: false };
      case "my-work-elsewhere":
        return { message: noticeBlocks(reply.notice), inChannel: false };
    }
  };

  /**
   * Publishes the person's Home tab: the list the reply carries, or (after anything else a
   * press on the Home tab answered) the list read again, with what happened on top.
   */
  async function publishHome(client: WebClient, place: TurnPlace, reply: ConversationReply): Promise<void> {
    try {
      const notice = reply.kind === "refusal" ? { title: "Convene could not do that", text: reply.message } : reply.kind === "notice" ? reply.notice : undefined;
      const tone = reply.kind === "refusal" || (reply.kind === "notice" && reply.tone === "error") ? "error" : "info";
      const shown = reply.kind === "my-work" ? reply : await conversation.showMyWork(turnOf(place));
      if (shown.kind !== "my-work") return;
      const top = shown.notice ?? notice;
      await client.views.publish({ user_id: place.userId, view: myWorkHomeView(shown.myWork, { ...(top ? { notice: top, tone: shown.notice ? (shown.tone ?? "info") : tone } : {}) }) });
    } catch (err) {
      logger.error({ err: { message: (err as Error).message, code: (err as { code?: string }).code } }, "slack home publish failed");
    }
  }

  async function ephemeral(client: WebClient, channel: string, user: string, message: SlackMessage): Promise<void> {
    try {
      await client.chat.postEphemeral({ channel, user, text: message.text, blocks: message.blocks });
    } catch (err) {
      logger.error({ err: { message: (err as Error).message } }, "slack ephemeral failed");
    }
  }

  /** Shows a reply to a click or a mention: a modal when there is a trigger, else a message. */
  async function show(client: WebClient, place: TurnPlace, reply: ConversationReply, triggerId: string | undefined, thread?: string): Promise<void> {
    if (reply.kind === "record" && triggerId) {
      // The full record opens for the person who pressed, never in the channel.
      await client.views.open({ trigger_id: triggerId, view: decisionRecordModal(reply.record) });
      return;
    }
    if (reply.kind === "record-preview" && triggerId) {
      await client.views.open({ trigger_id: triggerId, view: recordPreviewModal(reply.preview, place.channelId) });
      return;
    }
    if (reply.kind === "form" && triggerId) {
      await client.views.open({ trigger_id: triggerId, view: formModal(reply.form, place.channelId) });
      return;
    }
    // The App Home has no channel to post in: its answer is the Home tab, published again.
    if (isHomePlace(place.channelId)) return publishHome(client, place, reply);
    const out = messageOf(reply);
    if (!out) return;
    if (out.inChannel) await client.chat.postMessage({ channel: place.channelId, text: out.message.text, blocks: out.message.blocks, ...(thread ? { thread_ts: thread } : {}) });
    else await ephemeral(client, place.channelId, place.userId, out.message);
  }

  bolt.command("/convene", async ({ command, ack, client }) => {
    const place: TurnPlace = { key: `command:${command.trigger_id}`, userId: command.user_id, channelId: command.channel_id, teamId: command.team_id, prefix: "/convene " };
    const reply = await conversation.handleText(turnOf(place), typedWords(command.text ?? ""));
    // A request replayed inside the signature window carries the same trigger_id: the command
    // itself is idempotent on it, and its reply (a form, a message) is shown once only.
    if (!(await conversation.claimReply(`slack:reply:command:${command.trigger_id}`))) return void (await ack());
    if (reply.kind === "form") {
      await ack();
      return show(client, place, reply, command.trigger_id);
    }
    const out = messageOf(reply);
    await ack(out ? { response_type: out.inChannel ? "in_channel" : "ephemeral", ...out.message } : undefined);
  });

  // Mentions work where slash commands do not (e.g. for members of a Slack Connect partner
  // organisation). Slack retries events it thinks were lost: the app dedupes the state change
  // on the event id, and the reply is claimed once in the database, so every replica agrees.
  bolt.event("app_mention", async ({ event, body, client }) => {
    if (!event.user) return;
    const eventId = (body as { event_id?: string }).event_id ?? `${event.channel}:${event.ts}`;
    const place: TurnPlace = { key: `event:${eventId}`, userId: event.user, channelId: event.channel, teamId: (body as { team_id?: string }).team_id ?? "", prefix: "@Convene " };
    const reply = await conversation.handleText(turnOf(place), typedWords(event.text));
    if (!(await conversation.claimReply(`slack:reply:${eventId}`))) return;
    await show(client, place, reply, undefined, event.ts);
  });

  // The App Home's Home tab: the person's own meetings and actions, published for them alone
  // each time they open it. A read: a redelivered event publishes the same list again.
  bolt.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home" || !event.user) return;
    const eventId = (body as { event_id?: string }).event_id ?? `${event.user}:${event.event_ts}`;
    const place: TurnPlace = { key: `event:${eventId}`, userId: event.user, channelId: slackHomePlaceId(event.user), teamId: (body as { team_id?: string }).team_id ?? "", prefix: "/convene " };
    await publishHome(client, place, await conversation.showMyWork(turnOf(place)));
  });

  // Every button: the action id names the conversation's action and its target.
  bolt.action<BlockAction>(/^[a-z]+\.[A-Za-z]+:/, async ({ body, ack, client }) => {
    await ack();
    const action = body.actions[0] as { action_id: string; action_ts: string; value?: string; selected_user?: string };
    const parsed = parseSlackActionId(action.action_id);
    // A press on the App Home carries no channel: it happens in the person's own home place.
    const fromHome = (body.view as { type?: string } | undefined)?.type === "home";
    const channelId = body.channel?.id ?? (body.container as { channel_id?: string } | undefined)?.channel_id ?? (fromHome ? slackHomePlaceId(body.user.id) : undefined);
    if (!parsed || !channelId) return;
    const data = slackActionData(parsed.action, parsed.target, action.value);
    // The row's colleague picker answers the delegate form's one field.
    if (parsed.action === ActionId.Delegate && action.selected_user) data[DELEGATE_FIELD] = action.selected_user;
    const place: TurnPlace = { key: blockActionKey(action.action_ts, body.user.id, action.action_id), userId: body.user.id, channelId, teamId: body.team?.id ?? "", prefix: "" };
    const reply = await conversation.handleAction(turnOf(place), parsed.action, data);
    await show(client, place, reply, body.trigger_id);
  });

  // Every modal: callback_id is the action the submission performs; the metadata carries its data.
  bolt.view({ callback_id: /^[a-z]+\.[A-Za-z]+$/, type: "view_submission" }, async ({ body, ack, client }: { body: SlackViewAction; ack: Ack; client: WebClient }) => {
    const meta = readFormModalMetadata(body.view.private_metadata);
    const action = body.view.callback_id;
    if (!meta || !isActionId(action)) return void (await ack());
    const state = body.view.state.values as unknown as SlackViewState;
    const key = viewSubmissionKey(body.view as unknown as { id: string; hash: string; state: { values: unknown } });
    const place: TurnPlace = { key, userId: body.user.id, channelId: meta.channelId, teamId: body.team?.id ?? "", prefix: "" };
    const reply = await conversation.handleAction(turnOf(place), action, { ...flattenState(state), ...meta });
    const shown = new Set((body.view.blocks as Array<{ type: string; block_id?: string }>).filter((b) => b.type === "input").map((b) => b.block_id));
    if (reply.kind === "form") {
      const errors = formModalErrors(reply.form);
      // Errors beside the boxes when the form is the same; a form that gained a box (a
      // confirmation the app asks for) replaces the modal, with the message above the box.
      const same = reply.form.descriptor.fields.every((f) => shown.has(f.id));
      return void (await ack(same && Object.keys(errors).length ? { response_action: "errors", errors } : { response_action: "update", view: formModal(reply.form, meta.channelId) }));
    }
    // The "check" step replaces the form with the record as it will be saved; its submit is Save.
    if (reply.kind === "record-preview") return void (await ack({ response_action: "update", view: recordPreviewModal(reply.preview, meta.channelId) }));
    if (reply.kind === "refusal" || (reply.kind === "notice" && reply.tone === "error")) {
      // Shown beside the first box: a refusal (only the invitee can decline) or a failure to fix.
      const first = (body.view.blocks as Array<{ type: string; block_id?: string }>).find((b) => b.type === "input" && b.block_id)?.block_id;
      const message = truncatePlain(reply.kind === "refusal" ? reply.message : reply.notice.text, SLACK_LIMITS.modalError);
      return void (await ack(first ? { response_action: "errors", errors: { [first]: message } } : undefined));
    }
    await ack();
    await show(client, place, reply, undefined);
  });
}
