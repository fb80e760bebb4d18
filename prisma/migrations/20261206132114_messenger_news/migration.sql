-- AlterTable
ALTER TABLE "ChannelContact" ADD COLUMN     "answersNow" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lastBundleAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "channelCount" INTEGER NOT NULL DEFAULT 0;

-- Told by messenger at most as often as it happened (decision 052).
ALTER TABLE "Notification" ADD CONSTRAINT "notification_channel_count_range" CHECK ("channelCount" >= 0 AND "channelCount" <= "count");
