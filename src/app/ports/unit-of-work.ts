import type { ActionRepository } from "./action";
import type { AgencyDirectoryRepository } from "./agency-directory";
import type { AuditRepository } from "./audit";
import type { CaseRepository } from "./case";
import type { ChannelLinkRepository } from "./channel-link";
import type { DeadlineRepository } from "./deadline";
import type { DecisionRecordRepository } from "./decision-record";
import type { InformationSharingRepository } from "./information-sharing";
import type { EnquiryRepository } from "./enquiry";
import type { InvitationRepository } from "./invitation";
import type { TimePollRepository } from "./time-poll";
import type { MeetingRepository } from "./meeting";
import type { OutboxRepository } from "./outbox";
import type { PractitionerRepository } from "./practitioner";
import type { ProcessedCommandRepository } from "./processed-command";
import type { RecordDraftRepository } from "./record-draft";
import type { PlanEndRepository } from "./plan-end";

/** Every repository, bound to one transaction. */
export interface Repositories {
  /** Practitioners. */
  practitioners: PractitionerRepository;
  /** Cases. */
  cases: CaseRepository;
  /** Conversation-to-case links. */
  channelLinks: ChannelLinkRepository;
  /** Meetings. */
  meetings: MeetingRepository;
  /** Invitations (roster rows). */
  invitations: InvitationRepository;
  /** Decision record versions. */
  records: DecisionRecordRepository;
  /** Agreed actions. */
  actions: ActionRepository;
  /** Deadlines. */
  deadlines: DeadlineRepository;
  /** Section 47 enquiries. */
  enquiries: EnquiryRepository;
  /** Outbound messages. */
  outbox: OutboxRepository;
  /** The audit chain. */
  audit: AuditRepository;
  /** Applied command keys. */
  processed: ProcessedCommandRepository;
  /** The administrator's agency directory. */
  agencyDirectory: AgencyDirectoryRepository;
  /** The information-sharing log. */
  sharing: InformationSharingRepository;
  /** Decision records checked but not yet saved. */
  drafts: RecordDraftRepository;
  /** Ends of child protection plans, with their reasons. */
  planEnds: PlanEndRepository;
  /** Times proposed for meetings still to be timed, and the answers. */
  timePolls: TimePollRepository;
}

/** Runs `fn` in one database transaction: state change, audit and outbox commit together or not at all. */
export interface UnitOfWork {
  /** Runs `fn` with repositories bound to a new transaction; commits if it resolves, rolls back if it throws. */
  run<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
}
