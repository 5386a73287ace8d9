-- CreateTable
CREATE TABLE "MeetingSlot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SlotAnswer" (
    "slotId" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "available" BOOLEAN NOT NULL,
    "answeredById" TEXT NOT NULL,
    "answeredAt" DATETIME NOT NULL,

    PRIMARY KEY ("slotId", "invitationId")
);

-- CreateIndex
CREATE INDEX "MeetingSlot_meetingId_idx" ON "MeetingSlot"("meetingId");

-- CreateIndex
CREATE INDEX "SlotAnswer_invitationId_idx" ON "SlotAnswer"("invitationId");

-- CreateIndex
CREATE INDEX "SlotAnswer_answeredById_idx" ON "SlotAnswer"("answeredById");

