import type { Repositories, UnitOfWork } from "../app/ports/unit-of-work";
import type { AuditKey } from "../domain/audit/audit-chain";
import type { PrismaClient, Tx } from "./prisma-client";
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
export function repositoriesFor(tx: Tx, auditKey: AuditKey): Repositories {
  return {
    practitioners: new PrismaPractitionerRepository(tx),
    cases: new PrismaCaseRepository(tx),
    channelLinks: new PrismaChannelLinkRepository(tx),
    meetings: new PrismaMeetingRepository(tx),
    invitations: new PrismaInvitationRepository(tx, auditKey),
    records: new PrismaDecisionRecordRepository(tx),
    actions: new PrismaActionRepository(tx),
    deadlines: new PrismaDeadlineRepository(tx, auditKey),
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
const RETRYABLE = /SQLITE_BUSY|database is locked|Unique constraint failed|P2002|P2034|P1008|Operation has timed out|write conflict/i;

/**
 * One Prisma interactive transaction per unit of work. SQLite allows one writer: when two
 * processes collide the loser gets SQLITE_BUSY (or a unique-key race), and the whole unit
 * is retried from the start, which is safe because nothing leaves the process until the
 * outbox is dispatched after commit.
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
        return await this.prisma.$transaction(async (tx) => fn(repositoriesFor(tx as Tx, this.auditKey)), { timeout: 20_000, maxWait: 20_000 });
      } catch (err) {
        const text = `${(err as { code?: string }).code ?? ""} ${(err as Error).message ?? ""}`;
        if (attempt >= this.attempts || !RETRYABLE.test(text) || (err as { name?: string }).name === "DomainError") throw err;
        await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
      }
    }
  }
}
