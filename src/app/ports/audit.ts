/** An audit event before it is chained. */
export interface NewAuditEvent {
  /** When it happened. */
  at: Date;
  /** Who acted: a practitioner id, or the operator named on the CLI. */
  actorId: string;
  /** What they did, e.g. "create", "change", "export". */
  action: string;
  /** The kind of thing acted on, e.g. "meeting". */
  entityType: string;
  /** Its id. */
  entityId: string;
  /** The case, when the event belongs to one. */
  caseId: string | null;
  /** Structured detail; stored as text. */
  detail: Record<string, unknown>;
}

/** A stored audit row, as the chain verifier reads it: detail as stored text, plus its chain links. */
export interface StoredAuditEvent extends Omit<NewAuditEvent, "detail"> {
  /** Its place in the chain. */
  seq: number;
  /** The detail exactly as stored (the hash covers this text). */
  detail: string;
  /** The previous row's hash. */
  prevHash: string;
  /** This row's hash, over its content and `prevHash`. */
  hash: string;
}

/** The chain's head as last appended, MACed so that it cannot be set back without the key. */
export interface AuditCheckpoint {
  /** The head's seq. */
  seq: number;
  /** The head's MAC. */
  hash: string;
  /** The checkpoint's own MAC over seq and hash. */
  mac: string;
}

/** A sealed row whose seal no longer matches its columns: it was edited outside Convene. */
export interface BrokenSeal {
  /** The table, e.g. "Deadline". */
  table: string;
  /** The row's id. */
  id: string;
}

/** The MAC-chained audit trail. */
export interface AuditRepository {
  /** Appends an event to the chain and moves the checkpoint (compare-and-set: a concurrent append makes the unit of work retry). */
  append(e: NewAuditEvent): Promise<void>;
  /** The checkpoint, or null when nothing was ever appended. */
  checkpoint(): Promise<AuditCheckpoint | null>;
  /** Sealed rows (roster rows, deadlines) whose seals do not match, up to `limit`. */
  brokenSeals(limit: number): Promise<BrokenSeal[]>;
  /** An actor's events of one action since `since` (inclusive), newest first, up to `limit` (the denial rate limit reads it). */
  recentByActor(actorId: string, action: string, since: Date, limit: number): Promise<StoredAuditEvent[]>;
  /** A page of the chain in stored order, from `afterSeq` (exclusive). */
  listChain(afterSeq: number, limit: number): Promise<StoredAuditEvent[]>;
}
