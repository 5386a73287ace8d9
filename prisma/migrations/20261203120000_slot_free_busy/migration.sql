-- CreateTable
CREATE TABLE "SlotFreeBusy" (
    "slotId" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "checkedAt" DATETIME NOT NULL,

    PRIMARY KEY ("slotId", "invitationId")
);

-- CreateIndex
CREATE INDEX "SlotFreeBusy_invitationId_idx" ON "SlotFreeBusy"("invitationId");

