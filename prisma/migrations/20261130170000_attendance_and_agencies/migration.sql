-- AlterTable
ALTER TABLE "Practitioner" ADD COLUMN "homeTenant" TEXT;

-- CreateTable
CREATE TABLE "AgencyDirectoryEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "match" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "agency" TEXT NOT NULL,
    "dutyContact" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Meeting" (
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
    "cancelledReason" TEXT,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Meeting_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Meeting" ("caseId", "concern", "convenorId", "createdAt", "heldAt", "id", "kind", "mode", "quorumOverrideReason", "scheduledAt", "status", "updatedAt", "urgency") SELECT "caseId", "concern", "convenorId", "createdAt", "heldAt", "id", "kind", "mode", "quorumOverrideReason", "scheduledAt", "status", "updatedAt", "urgency" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
CREATE INDEX "Meeting_caseId_idx" ON "Meeting"("caseId");
CREATE INDEX "Meeting_convenorId_idx" ON "Meeting"("convenorId");
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
    CONSTRAINT "Invitation_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Invitation" ("agency", "attendance", "claimedById", "delegateId", "id", "inviteeKind", "inviteeLabel", "inviteePractitionerId", "meetingId", "required", "respondedAt", "response", "responseReason", "role", "seniorityConfirmed") SELECT "agency", "attendance", "claimedById", "delegateId", "id", "inviteeKind", "inviteeLabel", "inviteePractitionerId", "meetingId", "required", "respondedAt", "response", "responseReason", "role", "seniorityConfirmed" FROM "Invitation";
DROP TABLE "Invitation";
ALTER TABLE "new_Invitation" RENAME TO "Invitation";
CREATE INDEX "Invitation_meetingId_idx" ON "Invitation"("meetingId");
CREATE INDEX "Invitation_inviteePractitionerId_idx" ON "Invitation"("inviteePractitionerId");
CREATE INDEX "Invitation_claimedById_idx" ON "Invitation"("claimedById");
CREATE INDEX "Invitation_delegateId_idx" ON "Invitation"("delegateId");
CREATE INDEX "Invitation_nextChaseAt_idx" ON "Invitation"("nextChaseAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "AgencyDirectoryEntry_match_value_key" ON "AgencyDirectoryEntry"("match", "value");

