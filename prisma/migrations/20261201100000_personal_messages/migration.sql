-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "directTo" TEXT;

