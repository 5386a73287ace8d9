import type { Platform } from "./actor";

/** A conversation linked to a case. `conversationRef` is opaque to the app; gateways read it. */
export interface ChannelLink {
  /** Our id for the link; outbox rows point at it. */
  id: string;
  /** The linked case. */
  caseId: string;
  /** The conversation's platform. */
  platform: Platform;
  /** Teams conversation id, Slack channel id. */
  conversationId: string;
  /** The platform's serialised conversation reference, for proactive messages. */
  conversationRef: string;
}

/** Links between conversations and cases. */
export interface ChannelLinkRepository {
  /** The link of this conversation, or null if it is not linked. */
  findByConversation(platform: Platform, conversationId: string): Promise<ChannelLink | null>;
  /** The link with this id, or null. */
  findById(id: string): Promise<ChannelLink | null>;
  /** Every conversation linked to a case. */
  listForCase(caseId: string): Promise<ChannelLink[]>;
  /** The links of several cases at once, each case's in the order {@link listForCase} gives. */
  listForCases(caseIds: string[]): Promise<ChannelLink[]>;
  /** Creates the link, or re-points an existing conversation at `link.caseId` with a fresh reference. */
  upsert(link: ChannelLink): Promise<ChannelLink>;
}
