import type { Case } from "../domain/case/case-reference";
import type { Invitation } from "../domain/invitation/invitation";
import type { Meeting } from "../domain/meeting/meeting";
import type { MeetingKind } from "../domain/meeting/meeting-kind";
import type { OutboundCard } from "../cards/outbound-card";

/** A chat platform Convene speaks to. The playground speaks Teams (real Bot Framework activities). */
export type Platform = "teams" | "slack";

/** Who is acting, as the platform says (never as a card says). */
export interface ActorIdentity {
  platform: Platform;
  /** Teams tenant id, Slack team id; "local" in the playground. */
  tenant: string;
  /** Teams aadObjectId, Slack user id. */
  userId: string;
  /** The platform's display name (for rosters only). */
  displayName: string;
  email?: string | null;
}

/** A practitioner row. */
export interface Practitioner {
  id: string;
  platform: Platform;
  platformTenant: string;
  platformUserId: string;
  displayName: string;
  email: string | null;
  agency: string;
  role: string;
}

/** A conversation linked to a case. `conversationRef` is opaque to the app; gateways read it. */
export interface ChannelLink {
  id: string;
  caseId: string;
  platform: Platform;
  conversationId: string;
  conversationRef: string;
}

/** A stored decision record version. */
export interface StoredRecord {
  id: string;
  meetingId: string;
  caseId: string;
  version: number;
  kind: MeetingKind;
  payload: unknown;
  reason: string | null;
  authorId: string;
  createdAt: Date;
}

/** An agreed action. */
export interface ActionRow {
  id: string;
  caseId: string;
  meetingId: string | null;
  ownerLabel: string;
  ownerPractitionerId: string | null;
  description: string;
  dueDate: string;
  status: "open" | "done" | "cancelled";
}

/** A deadline row. */
export interface DeadlineRow {
  id: string;
  caseId: string;
  rule: string;
  sourceKind: string;
  sourceId: string;
  sourceDate: string;
  dueDate: string;
  status: "open" | "met" | "missed" | "waived";
  waivedReason: string | null;
  closedAt: Date | null;
  closedByMeetingId: string | null;
  workingDaysTaken: number | null;
  nextNudgeAt: Date | null;
  lastNudgeStage: string | null;
  actionId: string | null;
  createdAt: Date;
}

/** A row in the outbox. */
export interface OutboxRow {
  id: string;
  idempotencyKey: string;
  channelLinkId: string;
  operation: "post" | "update";
  anchorKey: string | null;
  payload: OutboundCard;
  status: "pending" | "sent" | "dead" | "superseded";
  attempts: number;
  availableAt: Date;
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  platformMessageId: string | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** A new outbox message. The key makes enqueueing idempotent: a second insert with the same key is ignored. */
export interface NewOutboxMessage {
  idempotencyKey: string;
  channelLinkId: string;
  operation: "post" | "update";
  anchorKey?: string | null;
  payload: OutboundCard;
  availableAt: Date;
}

/** An audit event before it is chained. */
export interface NewAuditEvent {
  at: Date;
  actorId: string;
  action: string;
  entityType: string;
  entityId: string;
  caseId: string | null;
  detail: Record<string, unknown>;
}

export interface PractitionerRepository {
  findByIdentity(identity: Pick<ActorIdentity, "platform" | "tenant" | "userId">): Promise<Practitioner | null>;
  findById(id: string): Promise<Practitioner | null>;
  findManyByIds(ids: string[]): Promise<Practitioner[]>;
  /** Inserts or refreshes the display name/email; agency and role are kept if the row exists. */
  upsert(p: Practitioner): Promise<Practitioner>;
  setRole(id: string, agency: string, role: string): Promise<void>;
}

export interface CaseRepository {
  findByReference(tenant: string, reference: string): Promise<Case | null>;
  findById(id: string): Promise<Case | null>;
  create(c: Case): Promise<Case>;
  update(c: Case): Promise<void>;
}

export interface ChannelLinkRepository {
  findByConversation(platform: Platform, conversationId: string): Promise<ChannelLink | null>;
  findById(id: string): Promise<ChannelLink | null>;
  listForCase(caseId: string): Promise<ChannelLink[]>;
  /** Creates the link, or re-points an existing conversation at `link.caseId` with a fresh reference. */
  upsert(link: ChannelLink): Promise<ChannelLink>;
}

export interface MeetingRepository {
  findById(id: string): Promise<Meeting | null>;
  listForCase(caseId: string): Promise<Meeting[]>;
  create(m: Meeting): Promise<void>;
  update(m: Meeting): Promise<void>;
}

export interface InvitationRepository {
  listForMeeting(meetingId: string): Promise<Invitation[]>;
  findById(id: string): Promise<Invitation | null>;
  create(i: Invitation): Promise<void>;
  update(i: Invitation): Promise<void>;
}

export interface DecisionRecordRepository {
  listForMeeting(meetingId: string): Promise<StoredRecord[]>;
  listForCase(caseId: string): Promise<StoredRecord[]>;
  /** Inserts a new version. There is no update: records are immutable. */
  insert(r: StoredRecord): Promise<void>;
}

export interface ActionRepository {
  create(a: ActionRow): Promise<void>;
  update(a: ActionRow): Promise<void>;
  listOpenForCase(caseId: string): Promise<ActionRow[]>;
  listForCase(caseId: string): Promise<ActionRow[]>;
  findById(id: string): Promise<ActionRow | null>;
}

export interface DeadlineRepository {
  /** Inserts unless (caseId, rule, sourceId) exists; returns the stored row either way. */
  createIfAbsent(d: DeadlineRow): Promise<DeadlineRow>;
  findById(id: string): Promise<DeadlineRow | null>;
  listOpenForCase(caseId: string): Promise<DeadlineRow[]>;
  listForCase(caseId: string): Promise<DeadlineRow[]>;
  update(d: DeadlineRow): Promise<void>;
  /** Open deadlines whose next nudge is due, oldest first. Uses the (status, nextNudgeAt) index. */
  listDueForNudge(now: Date, limit: number): Promise<DeadlineRow[]>;
}

export interface OutboxRepository {
  /** Idempotent by key: returns false if the key already existed. */
  enqueue(m: NewOutboxMessage): Promise<boolean>;
  findByKey(key: string): Promise<OutboxRow | null>;
  /** Marks older pending updates of the same anchor superseded: only the newest state matters. */
  supersedePendingUpdates(anchorKey: string, exceptKey: string): Promise<void>;
}

/** A stored audit row, as the chain verifier reads it: detail as stored text, plus its chain links. */
export interface StoredAuditEvent extends Omit<NewAuditEvent, "detail"> {
  seq: number;
  detail: string;
  prevHash: string;
  hash: string;
}

export interface AuditRepository {
  /** Appends an event to the hash chain. */
  append(e: NewAuditEvent): Promise<void>;
  /** A page of the chain in stored order, from `afterSeq` (exclusive). */
  listChain(afterSeq: number, limit: number): Promise<StoredAuditEvent[]>;
}

export interface ProcessedCommandRepository {
  /** Records the key; returns the stored response if the key was already processed. */
  claim(key: string): Promise<{ fresh: true } | { fresh: false; response: string | null }>;
  saveResponse(key: string, response: string): Promise<void>;
}

/** Every repository, bound to one transaction. */
export interface Repositories {
  practitioners: PractitionerRepository;
  cases: CaseRepository;
  channelLinks: ChannelLinkRepository;
  meetings: MeetingRepository;
  invitations: InvitationRepository;
  records: DecisionRecordRepository;
  actions: ActionRepository;
  deadlines: DeadlineRepository;
  outbox: OutboxRepository;
  audit: AuditRepository;
  processed: ProcessedCommandRepository;
}

/** Runs `fn` in one database transaction: state change, audit and outbox commit together or not at all. */
export interface UnitOfWork {
  run<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
}

/** Makes ids. Injected so tests can predict them. */
export interface IdGenerator {
  next(): string;
}

/** Structured logging as the app needs it (pino satisfies it). Never pass case content at info level. */
export interface AppLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}
