import type { ActorIdentity, Platform } from "../ports/actor";

/**
 * One inbound event, as an edge hands it to the conversation: the platform's own facts,
 * already authenticated. Identity comes from the platform (`actor`, `resolvePerson`), never
 * from a card's data.
 */
export interface ConversationTurn {
  /** The idempotency key of the event (activity id, Slack trigger or event id). Redeliveries share it. */
  key: string;
  /** Where it happened. */
  conversation: { platform: Platform; conversationId: string };
  /** A one-to-one chat with the bot (Teams personal scope, a Slack DM): no case lives there. */
  personal: boolean;
  /**
   * Whether a reply to typed words is seen by the typist alone even outside a personal chat
   * (Slack's ephemeral messages). Absent or false: a reply in a channel is seen by everyone
   * in it (Teams), so nothing personal may be answered there.
   */
  privateReplies?: boolean;
  /** How commands are typed here, for usage lines: "/convene " from a Slack slash command, "" where the words alone do. */
  commandPrefix: string;
  /** The acting person, from the platform's authenticated sender. */
  actor(): Promise<ActorIdentity>;
  /** A person picked in a form, looked up again through the platform. Throws DomainError when it cannot be. */
  resolvePerson(platformUserId: string): Promise<ActorIdentity>;
  /** The platform's reference for posting to this conversation later (stored when a case is linked). */
  conversationRef(): string;
}
