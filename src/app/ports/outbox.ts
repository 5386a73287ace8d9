import type { OutboundCard } from "../views/view-models";

/**
 * Work for the dispatcher that is not a chat message: it runs with the outbox's durability,
 * leases and retries. `calendar-sync` brings a meeting's Teams meeting (Graph event) in line
 * with the meeting as it now is; `free-busy` reads the invitees' Outlook free/busy at the
 * meeting's proposed times (advisory, shown on the roster).
 */
export type OutboxJob = { type: "calendar-sync"; meetingId: string } | { type: "free-busy"; meetingId: string };

/** What an outbox row carries: a card for a conversation, or a job. */
export type OutboxPayload = OutboundCard | OutboxJob;

/** True for a job row (no card to send). */
export function isOutboxJob(p: OutboxPayload): p is OutboxJob {
  return p.type === "calendar-sync" || p.type === "free-busy";
}

/** A row in the outbox. */
export interface OutboxRow {
  /** The row's id. */
  id: string;
  /** Unique: a second enqueue with the same key is ignored. */
  idempotencyKey: string;
  /** The conversation to send to. */
  channelLinkId: string;
  /** Post a new message, or replace the one posted under `anchorKey`. */
  operation: "post" | "update";
  /** For an update, the idempotency key of the post whose message it replaces (e.g. a meeting's roster card). */
  anchorKey: string | null;
  /** The card to render and send, or the job to run. */
  payload: OutboxPayload;
  /** Where the row is in delivery. */
  status: "pending" | "sent" | "dead" | "superseded";
  /** Sends tried so far. */
  attempts: number;
  /** Not sent before this time (retry backoff, rate limits). */
  availableAt: Date;
  /** The dispatcher holding the lease, if any. */
  leaseOwner: string | null;
  /** When that lease lapses and another dispatcher may claim the row. */
  leaseExpiresAt: Date | null;
  /** The platform's message id once sent (Teams activity id, Slack ts). */
  platformMessageId: string | null;
  /** The last failure, for operators. */
  lastError: string | null;
  /** When the row was enqueued. */
  createdAt: Date;
  /** When it was sent, once it was. */
  sentAt: Date | null;
  /** A personal message to this platform user, on the link's platform; null for a post to the conversation. */
  directTo?: string | null;
}

/** A new outbox message. The key makes enqueueing idempotent: a second insert with the same key is ignored. */
export interface NewOutboxMessage {
  /** Unique per message; see {@link OutboxRow.idempotencyKey}. */
  idempotencyKey: string;
  /** The conversation to send to. */
  channelLinkId: string;
  /** Post a new message, or replace the one posted under `anchorKey`. */
  operation: "post" | "update";
  /** For an update, the idempotency key of the post whose message it replaces. */
  anchorKey?: string | null;
  /** The card to render and send, or the job to run. */
  payload: OutboxPayload;
  /** Not sent before this time. */
  availableAt: Date;
  /** Send it as a personal message to this platform user (Teams Entra object id, Slack user id) instead of to the conversation. */
  directTo?: string | null;
}

/** The outbox, as use cases write it (the dispatcher's claims live in the store). */
export interface OutboxRepository {
  /** Idempotent by key: returns false if the key already existed. */
  enqueue(m: NewOutboxMessage): Promise<boolean>;
  /** {@link enqueue} for many messages in two statements; returns the keys that were new. */
  enqueueMany(ms: NewOutboxMessage[]): Promise<string[]>;
  /** The row with this key, or null. */
  findByKey(key: string): Promise<OutboxRow | null>;
  /** Marks older pending updates of the same anchor superseded: only the newest state matters. */
  supersedePendingUpdates(anchorKey: string, exceptKey: string): Promise<void>;
  /**
   * Retention: deletes up to `limit` card updates created before `cutoff` that were sent or
   * superseded, and returns how many went. Posts (the anchors later updates
   * need, and whose keys stop a double post), pending and dead rows are never touched.
   */
  deleteSettledUpdatesBefore(cutoff: Date, limit: number): Promise<number>;
}
