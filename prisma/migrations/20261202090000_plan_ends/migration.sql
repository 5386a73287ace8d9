-- CreateTable
CREATE TABLE "PlanEnd" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "endedOn" TEXT NOT NULL,
    "planStartedOn" TEXT NOT NULL,
    "movedOn" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "PlanEnd_caseId_idx" ON "PlanEnd"("caseId");

-- CreateIndex
CREATE INDEX "PlanEnd_recordedById_idx" ON "PlanEnd"("recordedById");

