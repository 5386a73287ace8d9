-- AlterTable
ALTER TABLE "Deadline" ADD COLUMN "closedOn" TEXT;
ALTER TABLE "Deadline" ADD COLUMN "closedById" TEXT;
ALTER TABLE "Deadline" ADD COLUMN "closingEvent" TEXT;
ALTER TABLE "Deadline" ADD COLUMN "closeReason" TEXT;
ALTER TABLE "Deadline" ADD COLUMN "closeDetail" TEXT;

-- CreateTable
CREATE TABLE "Section47Enquiry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "startSource" TEXT NOT NULL,
    "startedByMeetingId" TEXT,
    "status" TEXT NOT NULL,
    "outcome" TEXT,
    "outcomeReason" TEXT,
    "outcomeDate" TEXT,
    "outcomeById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Section47Discussion" (
    "meetingId" TEXT NOT NULL PRIMARY KEY,
    "enquiryId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Section47Discussion_enquiryId_fkey" FOREIGN KEY ("enquiryId") REFERENCES "Section47Enquiry" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Section47Enquiry_caseId_idx" ON "Section47Enquiry"("caseId");

-- CreateIndex
CREATE INDEX "Section47Enquiry_startedByMeetingId_idx" ON "Section47Enquiry"("startedByMeetingId");

-- CreateIndex
CREATE INDEX "Section47Discussion_enquiryId_idx" ON "Section47Discussion"("enquiryId");

