import { describeLanguageAdvice } from "../../app/views/language-advice";
import { createHash } from "node:crypto";
import type { App as BoltApp, BlockAction, SlackViewAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { App } from "../../app/app";
import type { ActorIdentity } from "../../app/ports/actor";
import { INVITEE_ROLE_LABELS, type InviteeRole } from "../../domain/invitation/invitation";
import { parseCaseReference } from "../../domain/case/case-reference";
import { DomainError } from "../../domain/shared/domain-error";
import { conveneModal, type ConveneModalMetadata } from "../../cards/slack/convene-modal.blocks";
import { deadlinesBlocks, helpBlocks } from "../../cards/slack/deadlines.blocks";
import { escapeMrkdwn } from "../../cards/slack/escape-mrkdwn";
import type { NoticeView } from "../../app/views/view-models";
import { noticeBlocks } from "../../cards/slack/notice.blocks";
import { AMENDMENT_REASON_BLOCK, recordDecisionModal, type RecordModalMetadata } from "../../cards/slack/record-decision-modal.blocks";
import { SlackActionId, SlackCallbackId, parseRowActionId, rowActionPattern } from "../../cards/slack/slack-action-ids";
import {
  declineModal,
  messageModal,
  quorumOverrideModal,
  REASON_ACTION,
  REASON_BLOCK,
  waiveDeadlineModal,
  type DeclineModalMetadata,
  type OverrideModalMetadata,
  type WaiveModalMetadata,
} from "../../cards/slack/small-modals.blocks";
import { flattenState, readState, type SlackViewState } from "../../cards/slack/view-state";
import { parseConveneText, stripMentions, type ConveneRequest } from "./convene-command.parser";
import { conveneErrorsToBlocks, readConveneSubmission } from "./convene-submission";
import type { SlackDirectory } from "./slack-directory";
import { userMessage, zodIssues, type ErrorLogger } from "./slack-errors";

/** What the Slack listeners need. */
export interface SlackListenerDeps {
  app: App;
  directory: SlackDirectory;
  logger: ErrorLogger & { debug(obj: object, msg?: string): void };
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

function parseMeta<T>(raw: string | undefined): T | null {
  try {
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** Errors for `response_action: "errors"`, each keyed by a block that exists in the view. */
function errorsForView(view: { blocks: { block_id?: string; type: string }[] }, errors: Record<string, string>): Record<string, string> {
  const inputs = view.blocks.filter((b) => b.type === "input" && b.block_id).map((b) => b.block_id as string);
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    // Errors for fields the modal does not show (e.g. "form") go on the first box.
    const block = inputs.includes(key) ? key : inputs[0];
    if (block && !out[block]) out[block] = message.slice(0, 1000);
  }
  return out;
}

/**
 * Registers every Convene listener on a Bolt app: the `/convene` command, the roster's
 * buttons, the modals' submissions and `app_mention`. Listeners turn payloads into commands
 * (identity from Slack's ids and users.info, never from card data) and show the app's
 * answers; the app authorises, validates and enqueues every message that goes to a channel.
 */
export function registerSlackListeners(bolt: BoltApp, deps: SlackListenerDeps): void {
  const { app, directory, logger } = deps;
  const slack = (conversationId: string) => ({ platform: "slack" as const, conversationId });

  async function ephemeral(client: WebClient, channel: string | undefined, user: string, text: string): Promise<void> {
    if (!channel) return;
    try {
      await client.chat.postEphemeral({ channel, user, text: escapeMrkdwn(text) });
    } catch (err) {
      logger.error({ err: { message: (err as Error).message } }, "slack ephemeral failed");
    }
  }

  /** Runs a request from `/convene` or a mention. Returns the message to show privately, or null when a modal opened. */
  async function runRequest(
    req: ConveneRequest,
    ctx: { key: string; userId: string; channelId: string; teamId: string; triggerId?: string; verbText?: string; client: WebClient },
  ): Promise<{ text: string; blocks?: unknown[]; inChannel?: boolean } | null> {
    if (req.verb === "help") return helpBlocks();
    const actor = await directory.actor(ctx.userId);
    const conversation = slack(ctx.channelId);
    switch (req.verb) {
      case "link": {
        const ref: SlackConversationRef = { teamId: ctx.teamId, channelId: ctx.channelId };
        const r = await app.linkChannel({ key: ctx.key, actor, conversation, caseRef: req.caseRef, conversationRef: JSON.stringify(ref) });
        return { ...noticeBlocks(r.notice), inChannel: true };
      }
      case "deadlines": {
        const view = await app.listDeadlines({ key: ctx.key, actor, conversation, ...(req.caseRef ? { caseRef: req.caseRef } : {}) });
        return deadlinesBlocks(view);
      }
      case "case-event": {
        const word = req.event === "date-of-birth" ? "dob" : req.event;
        if (!req.caseRef || !req.date) return { text: `Give a case reference and a date: \`/convene ${word} CS-2026-0142 2026-11-20\`.` };
        // The app checks that this channel is linked to the case and that the actor manages it.
        const r = await app.recordCaseEvent({ key: ctx.key, actor, conversation, caseRef: req.caseRef, event: req.event, date: req.date });
        return { ...noticeBlocks(r.notice), inChannel: true };
      }
      case "convene": {
        const caseReference = parseCaseReference(req.caseRef);
        if (!ctx.triggerId) return { text: `Type \`/convene ${escapeMrkdwn(ctx.verbText ?? "strategy")} ${escapeMrkdwn(caseReference)}\` to open the form: forms open from slash commands only.` };
        const meta: ConveneModalMetadata = { caseRef: caseReference, kind: req.kind, channelId: ctx.channelId, teamId: ctx.teamId };
        await ctx.client.views.open({ trigger_id: ctx.triggerId, view: conveneModal(meta, caseReference) });
        return null;
      }
    }
  }

  bolt.command("/convene", async ({ command, ack, client }) => {
    const req = parseConveneText(command.text ?? "");
    try {
      const reply = await runRequest(req, {
        key: `command:${command.trigger_id}`,
        userId: command.user_id,
        channelId: command.channel_id,
        teamId: command.team_id,
        triggerId: command.trigger_id,
        client,
      });
      if (!reply) return void (await ack());
      const { inChannel, ...message } = reply;
      await ack({ response_type: inChannel ? "in_channel" : "ephemeral", ...message });
    } catch (err) {
      await ack({ response_type: "ephemeral", text: escapeMrkdwn(userMessage(err, logger)) });
    }
  });

  // Mentions work where slash commands do not (e.g. for members of a Slack Connect partner
  // organisation). Slack retries events it thinks were lost; the app dedupes the state change
  // on event_id, and this set keeps a retried event from replying twice in this process.
  const repliedEvents = new Set<string>();
  bolt.event("app_mention", async ({ event, body, client }) => {
    const eventId = (body as { event_id?: string }).event_id ?? `${event.channel}:${event.ts}`;
    if (!event.user) return;
    const req = parseConveneText(stripMentions(event.text));
    let reply: { text: string; blocks?: unknown[]; inChannel?: boolean } | null;
    try {
      const verbText = stripMentions(event.text).split(/\s+/)[0];
      reply = await runRequest(req, { key: `event:${eventId}`, userId: event.user, channelId: event.channel, teamId: (body as { team_id?: string }).team_id ?? "", client, ...(verbText ? { verbText } : {}) });
    } catch (err) {
      reply = { text: escapeMrkdwn(userMessage(err, logger)) };
    }
    if (!reply || repliedEvents.has(eventId)) return;
    repliedEvents.add(eventId);
    if (repliedEvents.size > 1000) repliedEvents.delete(repliedEvents.values().next().value as string);
    const { inChannel, ...message } = reply;
    if (inChannel) await client.chat.postMessage({ channel: event.channel, thread_ts: event.ts, text: message.text, ...(message.blocks ? { blocks: message.blocks as never } : {}) });
    else await client.chat.postEphemeral({ channel: event.channel, user: event.user, text: message.text, ...(message.blocks ? { blocks: message.blocks as never } : {}) });
  });

  // --- roster buttons --------------------------------------------------------------------

  type ActionArgs = { body: BlockAction; ack: Ack; client: WebClient };
  const actionContext = ({ body }: { body: BlockAction }) => {
    const action = body.actions[0] as { action_id: string; action_ts: string; value?: string; selected_user?: string };
    const parsed = parseRowActionId(action.action_id);
    const channelId = body.channel?.id ?? (body.container as { channel_id?: string } | undefined)?.channel_id;
    return { action, parsed, channelId, key: blockActionKey(action.action_ts, body.user.id, action.action_id) };
  };

  /** What a row button's handler gets: the platform's own facts about the click. */
  interface RowClick {
    body: BlockAction;
    client: WebClient;
    action: ReturnType<typeof actionContext>["action"];
    /** The row the button belongs to (meeting, invitation or deadline id). */
    id: string;
    channelId: string;
    key: string;
    /** The clicker, resolved through Slack (never from the message). */
    actor(): Promise<ActorIdentity>;
  }

  /**
   * Registers a row button: acks at once (Slack wants 3 s), ignores clicks without a row or
   * channel, and tells the clicker privately when the app refuses (e.g. the wrong invitee),
   * so the shared message never changes on a refusal.
   */
  function onRowButton(actionId: SlackActionId, handle: (click: RowClick) => Promise<void>): void {
    bolt.action<BlockAction>({ action_id: rowActionPattern(actionId) }, async (args: ActionArgs) => {
      const { body, ack, client } = args;
      await ack();
      const { action, parsed, channelId, key } = actionContext(args);
      if (!parsed || !channelId) return;
      try {
        await handle({ body, client, action, id: parsed.id, channelId, key, actor: () => directory.actor(body.user.id) });
      } catch (err) {
        await ephemeral(client, channelId, body.user.id, userMessage(err, logger));
      }
    });
  }

  const answer = (kind: "accept" | "tentative" | "delegate") => async ({ action, id, channelId, key, actor }: RowClick) => {
    let cmdAnswer: { kind: "accept" } | { kind: "tentative" } | { kind: "delegate"; delegate: ActorIdentity };
    if (kind === "delegate") {
      if (!action.selected_user) return;
      cmdAnswer = { kind: "delegate", delegate: await directory.actor(action.selected_user) };
    } else cmdAnswer = { kind };
    await app.respondToInvitation({ key, actor: await actor(), conversation: slack(channelId), invitationId: id, answer: cmdAnswer });
  };
  onRowButton(SlackActionId.Accept, answer("accept"));
  onRowButton(SlackActionId.Tentative, answer("tentative"));
  onRowButton(SlackActionId.Delegate, answer("delegate"));

  onRowButton(SlackActionId.Decline, async ({ body, client, id, channelId }) => {
    const roleRow = body.message?.blocks?.find((b: { block_id?: string }) => b.block_id === `row:${id}`) as { text?: { text?: string } } | undefined;
    const roleLabel = roleRow?.text?.text?.match(/^\*([^*]+)\*/)?.[1] ?? "this";
    const meta: DeclineModalMetadata = { invitationId: id, channelId, teamId: body.team?.id ?? "" };
    await client.views.open({ trigger_id: body.trigger_id, view: declineModal(meta, roleLabel) });
  });

  onRowButton(SlackActionId.MarkHeld, async ({ body, client, id, channelId, key, actor }) => {
    try {
      await app.markMeetingHeld({ key, actor: await actor(), conversation: slack(channelId), meetingId: id });
    } catch (err) {
      if (!(err instanceof DomainError && err.code === "QUORUM_NOT_MET")) throw err;
      // Without the statutory minimum, ask the convenor why it went ahead; the record keeps it.
      const missing = ((err.details?.missing as string[] | undefined) ?? []).map((r) => INVITEE_ROLE_LABELS[r as InviteeRole] ?? r);
      const meta: OverrideModalMetadata = { meetingId: id, channelId, teamId: body.team?.id ?? "" };
      await client.views.open({ trigger_id: body.trigger_id, view: quorumOverrideModal(meta, missing, err.message) });
    }
  });

  onRowButton(SlackActionId.RecordDecision, async ({ body, client, id, channelId, key, actor }) => {
    // Authorised in the app: only the convenor or the case's social worker or manager gets the form.
    const form = await app.openDecisionForm({ key, actor: await actor(), conversation: slack(channelId), meetingId: id });
    const meta: RecordModalMetadata = { meetingId: id, channelId, teamId: body.team?.id ?? "", amend: form.amend };
    await client.views.open({ trigger_id: body.trigger_id, view: recordDecisionModal(form.kind, meta, form.caseReference, form.values) });
  });

  bolt.action<BlockAction>(SlackActionId.ShowDeadlines, async (args) => {
    const { body, ack, client } = args;
    await ack();
    const { action, channelId, key } = actionContext(args);
    if (!channelId) return;
    try {
      const actor = await directory.actor(body.user.id);
      const view = await app.listDeadlines({ key, actor, conversation: slack(channelId), ...(action.value ? { caseRef: action.value } : {}) });
      const message = deadlinesBlocks(view);
      await client.chat.postEphemeral({ channel: channelId, user: body.user.id, text: message.text, blocks: message.blocks });
    } catch (err) {
      await ephemeral(client, channelId, body.user.id, userMessage(err, logger));
    }
  });

  // A deadline's Waive button (in the ephemeral deadlines list) opens the reason modal. The
  // deadline is looked up again through the app, so the modal names what the case really has.
  onRowButton(SlackActionId.WaiveDeadline, async ({ body, client, id, channelId, key, actor }) => {
    const view = await app.listDeadlines({ key, actor: await actor(), conversation: slack(channelId) });
    const line = view.lines.find((l) => l.kind === "deadline" && l.id === id);
    if (!line) return void (await ephemeral(client, channelId, body.user.id, "That deadline is no longer open."));
    const meta: WaiveModalMetadata = { deadlineId: line.id, channelId, teamId: body.team?.id ?? "" };
    await client.views.open({ trigger_id: body.trigger_id, view: waiveDeadlineModal(meta, line.title, view.caseReference) });
  });

  // --- modal submissions -----------------------------------------------------------------

  type ViewArgs = { body: SlackViewAction; ack: Ack; client: WebClient };
  const viewBasics = (body: SlackViewAction) => ({
    state: body.view.state.values as unknown as SlackViewState,
    key: viewSubmissionKey(body.view as unknown as { id: string; hash: string; state: { values: unknown } }),
    blocks: body.view.blocks as unknown as { block_id?: string; type: string }[],
  });

  bolt.view(SlackCallbackId.ConveneMeeting, async ({ body, ack }: ViewArgs) => {
    const meta = parseMeta<ConveneModalMetadata>(body.view.private_metadata);
    if (!meta) return void (await ack());
    const { state, key, blocks } = viewBasics(body);
    let roles: InviteeRole[] = [];
    try {
      const actor = await directory.actor(body.user.id);
      const read = await readConveneSubmission(state, meta, key, actor, directory);
      if (!read.ok) return void (await ack({ response_action: "errors", errors: errorsForView({ blocks }, read.errors) }));
      roles = read.roles;
      await app.conveneMeeting(read.cmd);
      await ack();
    } catch (err) {
      const fieldErrors = conveneErrorsToBlocks(zodIssues(err), err, roles);
      if (fieldErrors) return void (await ack({ response_action: "errors", errors: errorsForView({ blocks }, fieldErrors) }));
      await ack({ response_action: "update", view: messageModal("Not convened", userMessage(err, logger)) });
    }
  });

  bolt.view(SlackCallbackId.DeclineReason, async ({ body, ack }: ViewArgs) => {
    const meta = parseMeta<DeclineModalMetadata>(body.view.private_metadata);
    if (!meta) return void (await ack());
    const { state, key } = viewBasics(body);
    try {
      const actor = await directory.actor(body.user.id);
      const reason = readState(state, REASON_BLOCK, REASON_ACTION) ?? "";
      await app.respondToInvitation({ key, actor, conversation: slack(meta.channelId), invitationId: meta.invitationId, answer: { kind: "decline", reason } });
      await ack();
    } catch (err) {
      // Shown beside the reason: a missing reason, or that only the invitee can decline.
      await ack({ response_action: "errors", errors: { [REASON_BLOCK]: userMessage(err, logger) } });
    }
  });

  bolt.view(SlackCallbackId.QuorumOverride, async ({ body, ack }: ViewArgs) => {
    const meta = parseMeta<OverrideModalMetadata>(body.view.private_metadata);
    if (!meta) return void (await ack());
    const { state, key } = viewBasics(body);
    try {
      const actor = await directory.actor(body.user.id);
      const overrideReason = readState(state, REASON_BLOCK, REASON_ACTION) ?? "";
      await app.markMeetingHeld({ key, actor, conversation: slack(meta.channelId), meetingId: meta.meetingId, overrideReason });
      await ack();
    } catch (err) {
      await ack({ response_action: "errors", errors: { [REASON_BLOCK]: userMessage(err, logger) } });
    }
  });

  bolt.view(SlackCallbackId.WaiveDeadline, async ({ body, ack, client }: ViewArgs) => {
    const meta = parseMeta<WaiveModalMetadata>(body.view.private_metadata);
    if (!meta) return void (await ack());
    const { state, key } = viewBasics(body);
    let notice: NoticeView;
    try {
      const actor = await directory.actor(body.user.id);
      const reason = readState(state, REASON_BLOCK, REASON_ACTION) ?? "";
      ({ notice } = await app.waiveDeadline({ key, actor, conversation: slack(meta.channelId), deadlineId: meta.deadlineId, reason }));
    } catch (err) {
      // Shown beside the reason: too short a reason, or that only a team manager can waive.
      return void (await ack({ response_action: "errors", errors: { [REASON_BLOCK]: userMessage(err, logger).slice(0, 1000) } }));
    }
    await ack();
    const message = noticeBlocks(notice);
    try {
      await client.chat.postEphemeral({ channel: meta.channelId, user: body.user.id, text: message.text, blocks: message.blocks });
    } catch (err) {
      logger.error({ err: { message: (err as Error).message } }, "slack ephemeral failed");
    }
  });

  bolt.view(SlackCallbackId.RecordDecision, async ({ body, ack, client }: ViewArgs) => {
    const meta = parseMeta<RecordModalMetadata>(body.view.private_metadata);
    if (!meta) return void (await ack());
    const { state, key, blocks } = viewBasics(body);
    try {
      const actor = await directory.actor(body.user.id);
      const { [AMENDMENT_REASON_BLOCK]: amendmentReason, ...values } = flattenState(state);
      const result = await app.recordDecision({
        key,
        actor,
        conversation: slack(meta.channelId),
        meetingId: meta.meetingId,
        values,
        ...(amendmentReason ? { amendmentReason } : {}),
      });
      if (!result.ok) return void (await ack({ response_action: "errors", errors: errorsForView({ blocks }, result.errors) }));
      await ack();
      const advice = describeLanguageAdvice(result.advice);
      if (advice.length) {
        // Advisory only: the record is saved; the recorder may amend it if they agree.
        await ephemeral(client, meta.channelId, body.user.id, ["Decision recorded. Plain-language check (advice only):", ...advice].join("\n"));
      }
    } catch (err) {
      await ack({ response_action: "update", view: messageModal("Not recorded", userMessage(err, logger)) });
    }
  });
}
