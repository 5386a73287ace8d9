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

/** The hash-chained audit trail. */
export interface AuditRepository {
  /** Appends an event to the hash chain. */
  append(e: NewAuditEvent): Promise<void>;
  /** A page of the chain in stored order, from `afterSeq` (exclusive). */
  listChain(afterSeq: number, limit: number): Promise<StoredAuditEvent[]>;
}
