-- CreateTable
CREATE TABLE "Practitioner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "platformTenant" TEXT NOT NULL,
    "platformUserId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "email" TEXT,
    "agency" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenant" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "leadSocialWorkerId" TEXT,
    "teamManagerId" TEXT,
    "childDateOfBirth" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ChannelLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "conversationRef" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChannelLink_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "concern" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "scheduledAt" DATETIME,
    "mode" TEXT NOT NULL,
    "convenorId" TEXT NOT NULL,
    "heldAt" DATETIME,
    "quorumOverrideReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Meeting_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "respondedAt" DATETIME,
    CONSTRAINT "Invitation_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DecisionRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "reason" TEXT,
    "authorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DecisionRecord_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "meetingId" TEXT,
    "ownerLabel" TEXT NOT NULL,
    "ownerPractitionerId" TEXT,
    "description" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Action_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Deadline" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "sourceKind" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "sourceDate" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "waivedReason" TEXT,
    "closedAt" DATETIME,
    "closedByMeetingId" TEXT,
    "workingDaysTaken" INTEGER,
    "nextNudgeAt" DATETIME,
    "lastNudgeStage" TEXT,
    "actionId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Deadline_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idempotencyKey" TEXT NOT NULL,
    "channelLinkId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "anchorKey" TEXT,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "availableAt" DATETIME NOT NULL,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "platformMessageId" TEXT,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);

-- CreateTable
CREATE TABLE "ProcessedCommand" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "response" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "caseId" TEXT,
    "detail" TEXT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL
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
CREATE INDEX "OutboxMessage_channelLinkId_idx" ON "OutboxMessage"("channelLinkId");

-- CreateIndex
CREATE INDEX "OutboxMessage_anchorKey_idx" ON "OutboxMessage"("anchorKey");

-- CreateIndex
CREATE INDEX "AuditEvent_caseId_idx" ON "AuditEvent"("caseId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");

