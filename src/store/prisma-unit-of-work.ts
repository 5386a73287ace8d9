import type { Repositories, UnitOfWork } from "../app/ports/unit-of-work";
import type { AuditKey } from "../domain/audit/audit-chain";
import { dialectOf, type PrismaClient, type SqlDialect, type Tx } from "./prisma-client";
import { PrismaActionRepository } from "./repositories/prisma-action-repository";
import { PrismaAgencyDirectoryRepository } from "./repositories/prisma-agency-directory-repository";
import { PrismaAuditRepository } from "./repositories/prisma-audit-repository";
import { PrismaCaseRepository } from "./repositories/prisma-case-repository";
import { PrismaChannelLinkRepository } from "./repositories/prisma-channel-link-repository";
import { PrismaDeadlineRepository } from "./repositories/prisma-deadline-repository";
import { PrismaDecisionRecordRepository } from "./repositories/prisma-decision-record-repository";
import { PrismaInformationSharingRepository } from "./repositories/prisma-information-sharing-repository";
import { PrismaRecordDraftRepository } from "./repositories/prisma-record-draft-repository";
import { PrismaEnquiryRepository } from "./repositories/prisma-enquiry-repository";
import { PrismaInvitationRepository } from "./repositories/prisma-invitation-repository";
import { PrismaMeetingRepository } from "./repositories/prisma-meeting-repository";
import { PrismaOutboxRepository } from "./repositories/prisma-outbox-repository";
import { PrismaPractitionerRepository } from "./repositories/prisma-practitioner-repository";
import { PrismaProcessedCommandRepository } from "./repositories/prisma-processed-command-repository";
import { PrismaPlanEndRepository } from "./repositories/prisma-plan-end-repository";
import { PrismaTimePollRepository } from "./repositories/prisma-time-poll-repository";

/** Binds every repository to one transaction client; the audit key MACs the chain and seals rows. */
export function repositoriesFor(tx: Tx, auditKey: AuditKey, dialect: SqlDialect): Repositories {
  return {
    practitioners: new PrismaPractitionerRepository(tx),
    cases: new PrismaCaseRepository(tx),
    channelLinks: new PrismaChannelLinkRepository(tx),
    meetings: new PrismaMeetingRepository(tx),
    invitations: new PrismaInvitationRepository(tx, auditKey),
    records: new PrismaDecisionRecordRepository(tx),
    actions: new PrismaActionRepository(tx),
    deadlines: new PrismaDeadlineRepository(tx, auditKey, dialect),
    enquiries: new PrismaEnquiryRepository(tx),
    outbox: new PrismaOutboxRepository(tx),
    audit: new PrismaAuditRepository(tx, auditKey),
    processed: new PrismaProcessedCommandRepository(tx),
    agencyDirectory: new PrismaAgencyDirectoryRepository(tx),
    sharing: new PrismaInformationSharingRepository(tx),
    drafts: new PrismaRecordDraftRepository(tx),
    planEnds: new PrismaPlanEndRepository(tx),
    timePolls: new PrismaTimePollRepository(tx),
  };
}

// P1008 ("Operation has timed out") is how the SQLite adapter reports SQLITE_BUSY when a read
// transaction cannot upgrade to write because another process is writing: SQLite gives up at
// once rather than deadlock, and the transaction has rolled back, so it is safe to run again.
// On PostgreSQL, 40001/40P01 (serialization failure, deadlock) are the same kind of collision.
const RETRYABLE = /SQLITE_BUSY|database is locked|Unique constraint failed|P2002|P2034|P1008|Operation has timed out|write conflict|40001|40P01|could not serialize|deadlock detected/i;

/**
 * The advisory lock every PostgreSQL unit of work takes first (any constant nothing else uses).
 * Held to the end of the transaction, so it also ends with a crashed replica's connection.
 */
export const POSTGRES_WRITE_LOCK = 0x636f6e77;

/**
 * Takes the PostgreSQL write lock (see {@link PrismaUnitOfWork}) as a transaction's first
 * statement; nothing on SQLite, whose single writer already orders transactions. Every
 * transaction that appends to the audit chain or reads-then-writes must start with this.
 */
export async function takeWriteLock(tx: Tx, client: PrismaClient): Promise<SqlDialect> {
  const dialect = dialectOf(client);
  if (dialect === "postgresql") await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${POSTGRES_WRITE_LOCK})`);
  return dialect;
}

/**
 * One Prisma interactive transaction per unit of work. SQLite allows one writer: when two
 * processes collide the loser gets SQLITE_BUSY (or a unique-key race), and the whole unit
 * is retried from the start, which is safe because nothing leaves the process until the
 * outbox is dispatched after commit.
 *
 * PostgreSQL lets replicas write at once, but Convene's invariants were built on a serial order
 * of units of work: the audit chain is one sequence (each entry MACs the one before), an
 * answer reads the roster it changes, a processed command's key is checked before the command
 * runs. So each unit of work takes one transaction-scoped advisory lock as its first statement:
 * units of work run one at a time across every replica, and each (at READ COMMITTED) sees
 * everything committed before it. That is the single-writer order SQLite gave, made explicit,
 * and it appends the audit chain under a lock without retry storms on its head. Work outside
 * units of work (the dispatcher's claims and settles) is single statements that need no lock.
 */
export class PrismaUnitOfWork implements UnitOfWork {
  constructor(
    /** The connected client. */
    readonly prisma: PrismaClient,
    /** The audit key (see store/audit-key.ts): every unit of work's audit appends and row seals use it. */
    private readonly auditKey: AuditKey,
    private readonly attempts = 6,
  ) {}

  async run<T>(fn: (repos: Repositories) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.prisma.$transaction(
          async (tx) => {
            const dialect = await takeWriteLock(tx as Tx, this.prisma);
            return fn(repositoriesFor(tx as Tx, this.auditKey, dialect));
          },
          { timeout: 20_000, maxWait: 20_000 },
        );
      } catch (err) {
        const text = `${(err as { code?: string }).code ?? ""} ${(err as Error).message ?? ""}`;
        if (attempt >= this.attempts || !RETRYABLE.test(text) || (err as { name?: string }).name === "DomainError") throw err;
        await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
      }
    }
  }
}
