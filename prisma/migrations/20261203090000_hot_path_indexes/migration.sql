-- DropIndex
DROP INDEX "OutboxMessage_anchorKey_idx";

-- CreateIndex
CREATE INDEX "Deadline_caseId_status_dueDate_idx" ON "Deadline"("caseId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "OutboxMessage_claim_idx" ON "OutboxMessage"("status", "createdAt", "id", "availableAt", "leaseExpiresAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_operation_createdAt_idx" ON "OutboxMessage"("status", "operation", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_anchorKey_status_operation_createdAt_idx" ON "OutboxMessage"("anchorKey", "status", "operation", "createdAt");

-- CreateIndex
CREATE INDEX "ProcessedCommand_createdAt_idx" ON "ProcessedCommand"("createdAt");

