-- CreateTable
CREATE TABLE "InformationSharing" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idempotencyKey" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "meetingId" TEXT,
    "recordId" TEXT,
    "at" DATETIME NOT NULL,
    "kind" TEXT NOT NULL,
    "recipientLabel" TEXT NOT NULL,
    "recipientId" TEXT,
    "disclosedBy" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "why" TEXT NOT NULL,
    "lawfulBasis" TEXT NOT NULL,
    "consentSought" BOOLEAN,
    "noConsentReason" TEXT
);

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

