-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Practitioner" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "platformTenant" TEXT NOT NULL,
    "platformUserId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "email" TEXT,
    "agency" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "homeTenant" TEXT,

    CONSTRAINT "Practitioner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "tenant" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "leadSocialWorkerId" TEXT,
    "teamManagerId" TEXT,
    "childDateOfBirth" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelLink" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "conversationRef" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "concern" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "scheduledAt" TIMESTAMPTZ(3),
    "mode" TEXT NOT NULL,
    "convenorId" TEXT NOT NULL,
    "heldAt" TIMESTAMPTZ(3),
    "quorumOverrideReason" TEXT,
    "cancelledReason" TEXT,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "onlineEventId" TEXT,
    "onlineJoinUrl" TEXT,
    "onlineEventState" TEXT,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "agency" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL,
    "inviteeKind" TEXT NOT NULL,
    "inviteePractitionerId" TEXT,
    "inviteeLabel" TEXT NOT NULL,
    "claimedById" TEXT,
    "delegateId" TEXT,
    "response" TEXT NOT NULL,
    "responseReason" TEXT,
    "seniorityConfirmed" BOOLEAN NOT NULL DEFAULT false,
    "attendance" TEXT NOT NULL DEFAULT 'unknown',
    "apologiesNote" TEXT,
    "respondedAt" TIMESTAMPTZ(3),
    "chaseCount" INTEGER NOT NULL DEFAULT 0,
    "nextChaseAt" TIMESTAMPTZ(3),
    "seal" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionRecord" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "reason" TEXT,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DecisionRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "meetingId" TEXT,
    "ownerLabel" TEXT NOT NULL,
    "ownerPractitionerId" TEXT,
    "description" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deadline" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "sourceKind" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "sourceDate" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "waivedReason" TEXT,
    "closedAt" TIMESTAMPTZ(3),
    "closedByMeetingId" TEXT,
    "workingDaysTaken" INTEGER,
    "nextNudgeAt" TIMESTAMPTZ(3),
    "lastNudgeStage" TEXT,
    "actionId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedOn" TEXT,
    "closedById" TEXT,
    "closingEvent" TEXT,
    "closeReason" TEXT,
    "closeDetail" TEXT,
    "seal" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Deadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "channelLinkId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "anchorKey" TEXT,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "availableAt" TIMESTAMPTZ(3) NOT NULL,
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMPTZ(3),
    "platformMessageId" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "directTo" TEXT,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessedCommand" (
    "key" TEXT NOT NULL,
    "response" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedCommand_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "seq" SERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "caseId" TEXT,
    "detail" TEXT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "AgencyDirectoryEntry" (
    "id" TEXT NOT NULL,
    "match" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "agency" TEXT NOT NULL,
    "dutyContact" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgencyDirectoryEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InformationSharing" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "meetingId" TEXT,
    "recordId" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "recipientLabel" TEXT NOT NULL,
    "recipientId" TEXT,
    "disclosedBy" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "why" TEXT NOT NULL,
    "lawfulBasis" TEXT NOT NULL,
    "consentSought" BOOLEAN,
    "noConsentReason" TEXT,

    CONSTRAINT "InformationSharing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Section47Enquiry" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "startSource" TEXT NOT NULL,
    "startedByMeetingId" TEXT,
    "status" TEXT NOT NULL,
    "outcome" TEXT,
    "outcomeReason" TEXT,
    "outcomeDate" TEXT,
    "outcomeById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Section47Enquiry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Section47Discussion" (
    "meetingId" TEXT NOT NULL,
    "enquiryId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Section47Discussion_pkey" PRIMARY KEY ("meetingId")
);

-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "id" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "mac" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordDraft" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "values" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecordDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanEnd" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "endedOn" TEXT NOT NULL,
    "planStartedOn" TEXT NOT NULL,
    "movedOn" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanEnd_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingSlot" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlotAnswer" (
    "slotId" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "available" BOOLEAN NOT NULL,
    "answeredById" TEXT NOT NULL,
    "answeredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SlotAnswer_pkey" PRIMARY KEY ("slotId","invitationId")
);

-- CreateTable
CREATE TABLE "SlotFreeBusy" (
    "slotId" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "checkedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SlotFreeBusy_pkey" PRIMARY KEY ("slotId","invitationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Practitioner_platform_platformTenant_platformUserId_key" ON "Practitioner"("platform", "platformTenant", "platformUserId");

-- CreateIndex
CREATE INDEX "Case_leadSocialWorkerId_idx" ON "Case"("leadSocialWorkerId");

-- CreateIndex
CREATE INDEX "Case_teamManagerId_idx" ON "Case"("teamManagerId");

-- CreateIndex
CREATE UNIQUE INDEX "Case_tenant_reference_key" ON "Case"("tenant", "reference");

-- CreateIndex
CREATE INDEX "ChannelLink_caseId_idx" ON "ChannelLink"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelLink_platform_conversationId_key" ON "ChannelLink"("platform", "conversationId");

-- CreateIndex
CREATE INDEX "Meeting_caseId_idx" ON "Meeting"("caseId");

-- CreateIndex
CREATE INDEX "Meeting_convenorId_idx" ON "Meeting"("convenorId");

-- CreateIndex
CREATE INDEX "Invitation_meetingId_idx" ON "Invitation"("meetingId");

-- CreateIndex
CREATE INDEX "Invitation_inviteePractitionerId_idx" ON "Invitation"("inviteePractitionerId");

-- CreateIndex
CREATE INDEX "Invitation_claimedById_idx" ON "Invitation"("claimedById");

-- CreateIndex
CREATE INDEX "Invitation_delegateId_idx" ON "Invitation"("delegateId");

-- CreateIndex
CREATE INDEX "Invitation_nextChaseAt_idx" ON "Invitation"("nextChaseAt");

-- CreateIndex
CREATE INDEX "DecisionRecord_caseId_idx" ON "DecisionRecord"("caseId");

-- CreateIndex
CREATE INDEX "DecisionRecord_authorId_idx" ON "DecisionRecord"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionRecord_meetingId_version_key" ON "DecisionRecord"("meetingId", "version");

-- CreateIndex
CREATE INDEX "Action_caseId_idx" ON "Action"("caseId");

-- CreateIndex
CREATE INDEX "Action_meetingId_idx" ON "Action"("meetingId");

-- CreateIndex
CREATE INDEX "Action_ownerPractitionerId_idx" ON "Action"("ownerPractitionerId");

-- CreateIndex
CREATE INDEX "Deadline_caseId_idx" ON "Deadline"("caseId");

-- CreateIndex
CREATE INDEX "Deadline_caseId_status_dueDate_idx" ON "Deadline"("caseId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Deadline_status_nextNudgeAt_idx" ON "Deadline"("status", "nextNudgeAt");

-- CreateIndex
CREATE INDEX "Deadline_nextNudgeAt_idx" ON "Deadline"("nextNudgeAt");

-- CreateIndex
CREATE INDEX "Deadline_actionId_idx" ON "Deadline"("actionId");

-- CreateIndex
CREATE UNIQUE INDEX "Deadline_caseId_rule_sourceId_key" ON "Deadline"("caseId", "rule", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_idempotencyKey_key" ON "OutboxMessage"("idempotencyKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_availableAt_idx" ON "OutboxMessage"("status", "availableAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_claim_idx" ON "OutboxMessage"("status", "createdAt", "id", "availableAt", "leaseExpiresAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_operation_createdAt_idx" ON "OutboxMessage"("status", "operation", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_channelLinkId_idx" ON "OutboxMessage"("channelLinkId");

-- CreateIndex
CREATE INDEX "OutboxMessage_anchorKey_status_operation_createdAt_idx" ON "OutboxMessage"("anchorKey", "status", "operation", "createdAt");

-- CreateIndex
CREATE INDEX "ProcessedCommand_createdAt_idx" ON "ProcessedCommand"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_caseId_idx" ON "AuditEvent"("caseId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "AgencyDirectoryEntry_match_value_key" ON "AgencyDirectoryEntry"("match", "value");

-- CreateIndex
CREATE UNIQUE INDEX "InformationSharing_idempotencyKey_key" ON "InformationSharing"("idempotencyKey");

-- CreateIndex
CREATE INDEX "InformationSharing_caseId_at_idx" ON "InformationSharing"("caseId", "at");

-- CreateIndex
CREATE INDEX "InformationSharing_meetingId_idx" ON "InformationSharing"("meetingId");

-- CreateIndex
CREATE INDEX "InformationSharing_recordId_idx" ON "InformationSharing"("recordId");

-- CreateIndex
CREATE INDEX "InformationSharing_recipientId_idx" ON "InformationSharing"("recipientId");

-- CreateIndex
CREATE INDEX "Section47Enquiry_caseId_idx" ON "Section47Enquiry"("caseId");

-- CreateIndex
CREATE INDEX "Section47Enquiry_startedByMeetingId_idx" ON "Section47Enquiry"("startedByMeetingId");

-- CreateIndex
CREATE INDEX "Section47Discussion_enquiryId_idx" ON "Section47Discussion"("enquiryId");

-- CreateIndex
CREATE INDEX "RecordDraft_meetingId_idx" ON "RecordDraft"("meetingId");

-- CreateIndex
CREATE INDEX "RecordDraft_authorId_idx" ON "RecordDraft"("authorId");

-- CreateIndex
CREATE INDEX "PlanEnd_caseId_idx" ON "PlanEnd"("caseId");

-- CreateIndex
CREATE INDEX "PlanEnd_recordedById_idx" ON "PlanEnd"("recordedById");

-- CreateIndex
CREATE INDEX "MeetingSlot_meetingId_idx" ON "MeetingSlot"("meetingId");

-- CreateIndex
CREATE INDEX "SlotAnswer_invitationId_idx" ON "SlotAnswer"("invitationId");

-- CreateIndex
CREATE INDEX "SlotAnswer_answeredById_idx" ON "SlotAnswer"("answeredById");

-- CreateIndex
CREATE INDEX "SlotFreeBusy_invitationId_idx" ON "SlotFreeBusy"("invitationId");

-- AddForeignKey
ALTER TABLE "ChannelLink" ADD CONSTRAINT "ChannelLink_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionRecord" ADD CONSTRAINT "DecisionRecord_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deadline" ADD CONSTRAINT "Deadline_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Section47Discussion" ADD CONSTRAINT "Section47Discussion_enquiryId_fkey" FOREIGN KEY ("enquiryId") REFERENCES "Section47Enquiry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

