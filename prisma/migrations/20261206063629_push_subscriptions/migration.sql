-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "pushedCount" INTEGER NOT NULL DEFAULT 0;
-- What was written before push existed is not news for a phone.
UPDATE "Notification" SET "pushedCount" = "count";
ALTER TABLE "Notification" ADD CONSTRAINT "notification_pushed_count_range" CHECK ("pushedCount" >= 0 AND "pushedCount" <= "count");

-- The push job of a subject finds its unread rows with news for a device (lib/push/queue-push.ts).
CREATE INDEX "Notification_push_pending_idx" ON "Notification"("subjectId") WHERE "readAt" IS NULL AND "pushedCount" < "count";

-- CreateTable
CREATE TABLE "PushSubscription" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "endpoint" TEXT NOT NULL,
    "p256dh" TEXT NOT NULL,
    "auth" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSuccessAt" TIMESTAMP(3),

    CONSTRAINT "PushSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PushSubscription_endpoint_key" ON "PushSubscription"("endpoint");

-- CreateIndex
CREATE INDEX "PushSubscription_userId_idx" ON "PushSubscription"("userId");

-- AddForeignKey
ALTER TABLE "PushSubscription" ADD CONSTRAINT "PushSubscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A push endpoint is an absolute URL of reasonable length; its keys are base64url (RFC 8291:
-- a 65-byte P-256 point and a 16-byte secret).
ALTER TABLE "PushSubscription" ADD CONSTRAINT "push_subscription_endpoint" CHECK (length("endpoint") BETWEEN 12 AND 1024 AND "endpoint" ~ '^https?://');
ALTER TABLE "PushSubscription" ADD CONSTRAINT "push_subscription_keys" CHECK ("p256dh" ~ '^[A-Za-z0-9_-]{87}$' AND "auth" ~ '^[A-Za-z0-9_-]{22}$');
