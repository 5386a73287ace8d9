-- CreateTable
CREATE TABLE "RecordDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "values" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "RecordDraft_meetingId_idx" ON "RecordDraft"("meetingId");

-- CreateIndex
CREATE INDEX "RecordDraft_authorId_idx" ON "RecordDraft"("authorId");

