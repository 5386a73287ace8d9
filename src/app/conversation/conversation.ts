import type { App } from "../app";
import type { AppLogger } from "../ports/plumbing";
import type { ActorIdentity } from "../ports/actor";
import { stripInvisible, stripInvisibleDeep } from "../../domain/shared/invisible-characters";
import type { ConversationReply } from "./conversation-reply";
import type { ConversationTurn } from "./conversation-turn";
import { handleAction } from "./handle-action";
import { handleTypedCommand } from "./handle-typed-command";
import { myWorkReply } from "./my-work-reply";

/** What the conversation core needs. */
export interface ConversationDeps {
  /** The use cases. */
  app: App;
  /** Faults are logged by code, never with case content. */
  logger: AppLogger;
}

/**
 * The channel-neutral conversation: what a person can type and press, and what Convene
 * answers. Teams, Slack and the playground only authenticate, describe the turn, and render
 * the reply; every rule, label and parser lives behind this.
 */
export interface Conversation {
  /** Answers typed words (after the platform's mention markup is removed). */
  handleText(turn: ConversationTurn, text: string): Promise<ConversationReply>;
  /** Answers a button press or form submission: an {@link ActionId} and its data with the inputs. */
  handleAction(turn: ConversationTurn, action: string, data: Record<string, unknown>): Promise<ConversationReply>;
  /** The person's own meetings and actions, for them alone (the Slack App Home when it is opened). */
  showMyWork(turn: ConversationTurn): Promise<ConversationReply>;
  /**
   * Claims the one reply to an inbound event: true the first time, false for a redelivery.
   * Kept in the database, so every replica agrees. Claim after the command has run, so a
   * crash in between cannot make the redelivery skip the command itself.
   */
  claimReply(key: string): Promise<boolean>;
}

/** A person as the platform names them, with invisible characters taken out of the name. */
function visibleIdentity(person: ActorIdentity): ActorIdentity {
  return { ...person, displayName: stripInvisible(person.displayName), ...(person.email ? { email: stripInvisible(person.email) } : {}) };
}

/**
 * The turn with the platform's names cleaned as they enter: a display name is user text too,
 * and it reaches roster cards and records.
 */
function visibleTurn(turn: ConversationTurn): ConversationTurn {
  return {
    ...turn,
    actor: async () => visibleIdentity(await turn.actor()),
    resolvePerson: async (userId) => visibleIdentity(await turn.resolvePerson(userId)),
  };
}

/**
 * The reply claim, failing open. The claim is a database row; when the database cannot be
 * reached (an outage, a failover), the command has already failed and its reply says so, and
 * staying silent would leave the person thinking it worked. Answering is worth the rare
 * duplicate reply a redelivery during the outage could bring.
 */
async function claimReplyOrAnswer(deps: ConversationDeps, key: string): Promise<boolean> {
  try {
    return await deps.app.claimReply(key);
  } catch (err) {
    deps.logger.warn({ err: { message: (err as Error)?.message, code: (err as { code?: string })?.code } }, "reply claim failed; answering anyway");
    return true;
  }
}

/**
 * Binds the conversation to the app. This is where user text enters Convene, from every
 * channel: right-to-left overrides and zero-width characters are stripped here, once, from
 * typed words, form values and people's names, so no card, record or export ever holds them.
 */
export function createConversation(deps: ConversationDeps): Conversation {
  return {
    handleText: (turn, text) => handleTypedCommand(deps, visibleTurn(turn), stripInvisible(text)),
    handleAction: (turn, action, data) => handleAction(deps, visibleTurn(turn), stripInvisible(action), stripInvisibleDeep(data)),
    showMyWork: (turn) => myWorkReply(deps, visibleTurn(turn)),
    claimReply: (key) => claimReplyOrAnswer(deps, key),
  };
}
