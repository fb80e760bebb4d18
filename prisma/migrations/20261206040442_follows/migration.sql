-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationType" ADD VALUE 'COMMENT_POSTED';
ALTER TYPE "NotificationType" ADD VALUE 'FOLLOWED_HIDDEN';
ALTER TYPE "NotificationType" ADD VALUE 'FOLLOWED_RESTORED';
ALTER TYPE "NotificationType" ADD VALUE 'MEETING_ADDED';
ALTER TYPE "NotificationType" ADD VALUE 'REPORT_CREATED';
ALTER TYPE "NotificationType" ADD VALUE 'REPORT_UPHELD';
ALTER TYPE "NotificationType" ADD VALUE 'REPORT_DISMISSED';

-- AlterTable
-- Existing rows are each their own subject: they never merge with one another (decision 030).
ALTER TABLE "Notification" ADD COLUMN     "count" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "subjectId" UUID NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE "Notification" ADD CONSTRAINT "notification_count_positive" CHECK ("count" >= 1);

-- One unread row per person, type and subject: a burst of events increments its count
-- (INSERT … ON CONFLICT in lib/notifications/insert-notifications.ts). Read rows stay as they are.
CREATE UNIQUE INDEX "Notification_unread_subject_key" ON "Notification"("userId", "type", "subjectId") WHERE "readAt" IS NULL;

-- CreateTable
CREATE TABLE "Follow" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "contributionId" UUID,
    "dialogueId" UUID,
    "unfollowedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Follow_contributionId_idx" ON "Follow"("contributionId");

-- CreateIndex
CREATE INDEX "Follow_dialogueId_idx" ON "Follow"("dialogueId");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_userId_contributionId_key" ON "Follow"("userId", "contributionId");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_userId_dialogueId_key" ON "Follow"("userId", "dialogueId");

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_dialogueId_fkey" FOREIGN KEY ("dialogueId") REFERENCES "Dialogue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Exactly one target: a contribution or a dialogue.
ALTER TABLE "Follow" ADD CONSTRAINT "follow_one_target" CHECK (("contributionId" IS NULL) <> ("dialogueId" IS NULL));

-- Those who wrote, supported or commented on a contribution before follows existed follow it now,
-- as they would have from the start.
INSERT INTO "Follow" ("id", "userId", "contributionId", "createdAt")
SELECT gen_random_uuid(), p."userId", p."contributionId", now()
FROM (
  SELECT "authorId" AS "userId", "id" AS "contributionId" FROM "Contribution" WHERE "authorId" IS NOT NULL
  UNION SELECT "userId", "contributionId" FROM "Support"
  UNION SELECT "authorId", "contributionId" FROM "Comment" WHERE "deletedAt" IS NULL
) p
ON CONFLICT DO NOTHING;
