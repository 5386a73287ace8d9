-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "onlineEventId" TEXT;
ALTER TABLE "Meeting" ADD COLUMN "onlineJoinUrl" TEXT;
ALTER TABLE "Meeting" ADD COLUMN "onlineEventState" TEXT;
