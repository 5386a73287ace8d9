-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "mac" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Invitation" (
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
    "apologiesNote" TEXT,
    "respondedAt" DATETIME,
    "chaseCount" INTEGER NOT NULL DEFAULT 0,
    "nextChaseAt" DATETIME,
    "seal" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Invitation_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Invitation" ("agency", "apologiesNote", "attendance", "chaseCount", "claimedById", "delegateId", "id", "inviteeKind", "inviteeLabel", "inviteePractitionerId", "meetingId", "nextChaseAt", "required", "respondedAt", "response", "responseReason", "role", "seniorityConfirmed") SELECT "agency", "apologiesNote", "attendance", "chaseCount", "claimedById", "delegateId", "id", "inviteeKind", "inviteeLabel", "inviteePractitionerId", "meetingId", "nextChaseAt", "required", "respondedAt", "response", "responseReason", "role", "seniorityConfirmed" FROM "Invitation";
DROP TABLE "Invitation";
ALTER TABLE "new_Invitation" RENAME TO "Invitation";
CREATE INDEX "Invitation_meetingId_idx" ON "Invitation"("meetingId");
CREATE INDEX "Invitation_inviteePractitionerId_idx" ON "Invitation"("inviteePractitionerId");
CREATE INDEX "Invitation_claimedById_idx" ON "Invitation"("claimedById");
CREATE INDEX "Invitation_delegateId_idx" ON "Invitation"("delegateId");
CREATE INDEX "Invitation_nextChaseAt_idx" ON "Invitation"("nextChaseAt");
CREATE TABLE "new_Deadline" (
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
    "closedOn" TEXT,
    "closedById" TEXT,
    "closingEvent" TEXT,
    "closeReason" TEXT,
    "closeDetail" TEXT,
    "seal" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Deadline_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Deadline" ("actionId", "caseId", "closeDetail", "closeReason", "closedAt", "closedById", "closedByMeetingId", "closedOn", "closingEvent", "createdAt", "dueDate", "id", "lastNudgeStage", "nextNudgeAt", "rule", "sourceDate", "sourceId", "sourceKind", "status", "waivedReason", "workingDaysTaken") SELECT "actionId", "caseId", "closeDetail", "closeReason", "closedAt", "closedById", "closedByMeetingId", "closedOn", "closingEvent", "createdAt", "dueDate", "id", "lastNudgeStage", "nextNudgeAt", "rule", "sourceDate", "sourceId", "sourceKind", "status", "waivedReason", "workingDaysTaken" FROM "Deadline";
DROP TABLE "Deadline";
ALTER TABLE "new_Deadline" RENAME TO "Deadline";
CREATE INDEX "Deadline_caseId_idx" ON "Deadline"("caseId");
CREATE INDEX "Deadline_status_nextNudgeAt_idx" ON "Deadline"("status", "nextNudgeAt");
CREATE INDEX "Deadline_nextNudgeAt_idx" ON "Deadline"("nextNudgeAt");
CREATE INDEX "Deadline_actionId_idx" ON "Deadline"("actionId");
CREATE UNIQUE INDEX "Deadline_caseId_rule_sourceId_key" ON "Deadline"("caseId", "rule", "sourceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

