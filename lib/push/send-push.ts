import "server-only";
import { untitledVoiceLabel } from "@/lib/voice/untitled";
import { fromPrisma } from "pg-boss";
import webpush from "web-push";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { jobQueue } from "@/lib/jobs/job-queue";
import { QUEUES } from "@/lib/jobs/queues";
import { notificationSelect, viewOf } from "@/lib/notifications/notification-view";
import { pushPayload } from "./push-payload";
import { sendPrepared } from "./transport";
import { checkPushEndpoint } from "./endpoint";
import { pushEndpointRules, vapidKeys } from "./vapid";

// Web Push for notifications (decision 031), in two kinds of job:
//
// 1. push.subject {subjectId} — queued by insertNotifications in the event's transaction, at most
//    one per subject per PUSH_THROTTLE_SECONDS (pg-boss debounce on the subject): a burst of 200
//    comments wakes it a few times, not 200. It CLAIMS the subject's unread rows that have news
//    (count > pushedCount) for people with a device, in one UPDATE (so two workers never claim the
//    same news), and queues one delivery per row and device in the same transaction.
// 2. push.deliver {notificationId, subscriptionId} — renders the row as it is now, in the device's
//    language, and sends it. 404/410: the device is gone and forgotten. Anything else: retried with
//    back-off, then dropped. The notification itself is never touched: the in-app list keeps it.

/** At most one push job per subject in this many seconds; the news of the rest waits for the next. */
export const PUSH_THROTTLE_SECONDS = 60;
/** Older unread rows are not news for a phone any more. */
const PUSH_WINDOW = "1 day";

type Tx = Prisma.TransactionClient;

/**
 * Called by insertNotifications, in the event's transaction, when a receiver it wrote to has a
 * device (its INSERT says so): queues the subject's push job, debounced per subject.
 */
export async function queuePush(tx: Tx, subjectId: string): Promise<void> {
  const boss = await jobQueue();
  await boss.sendDebounced(QUEUES.pushSubject, { subjectId }, { db: fromPrisma(tx) }, PUSH_THROTTLE_SECONDS, subjectId);
}

export type PushSubjectJob = { subjectId: string };
export type PushDeliverJob = { notificationId: string; subscriptionId: string };

/** Job 1: claims the subject's news for devices and queues one delivery per row and device. */
export async function claimPushes({ subjectId }: PushSubjectJob): Promise<{ deliveries: number }> {
  return db.$transaction(async (tx) => {
    const deliveries = await tx.$queryRaw<PushDeliverJob[]>`
      WITH claimed AS (
        UPDATE "Notification" n SET "pushedCount" = n."count"
        WHERE n."subjectId" = ${subjectId}::uuid AND n."readAt" IS NULL AND n."pushedCount" < n."count"
          AND n."createdAt" > now() - ${PUSH_WINDOW}::interval
          AND EXISTS (SELECT 1 FROM "PushSubscription" s WHERE s."userId" = n."userId")
        RETURNING n."id", n."userId"
      )
      SELECT c."id" AS "notificationId", s."id" AS "subscriptionId"
      FROM claimed c JOIN "PushSubscription" s ON s."userId" = c."userId"`;
    if (deliveries.length > 0) {
      const boss = await jobQueue();
      await boss.insert(QUEUES.pushDeliver, deliveries.map((data) => ({ data })), { db: fromPrisma(tx) });
    }
    return { deliveries: deliveries.length };
  });
}

/** Thrown for a push service's answer that may be worth another try (pg-boss retries the job). */
export class PushFailed extends Error {
  constructor(readonly status: number) {
    super(`push service answered ${status}`);
    this.name = "PushFailed";
  }
}

/** Job 2: one notification to one device. */
export async function deliverPush({ notificationId, subscriptionId }: PushDeliverJob): Promise<{ sent: number; gone: number }> {
  const vapid = vapidKeys();
  if (!vapid) return { sent: 0, gone: 0 };
  const [subscription, row] = await Promise.all([
    db.pushSubscription.findUnique({ where: { id: subscriptionId } }),
    db.notification.findUnique({ where: { id: notificationId }, select: notificationSelect }),
  ]);
  // Removed, read or deleted with its account since: nothing to tell any more.
  if (!subscription || !row || row.readAt !== null || row.userId !== subscription.userId) return { sent: 0, gone: 0 };
  // A device whose push service is not (or no longer) allowed (PUSH_ALLOWED_HOSTS) is not called; nothing to retry.
  if (!checkPushEndpoint(subscription.endpoint, pushEndpointRules()).ok) return { sent: 0, gone: 0 };
  const payload = await pushPayload(viewOf(row, subscription.locale, await untitledVoiceLabel(subscription.locale)), subscription.locale);
  const prepared = webpush.generateRequestDetails(
    { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
    JSON.stringify(payload),
    {
      vapidDetails: vapid,
      // Kept by the push service for a day while the phone is off; after that the in-app list tells it.
      TTL: 24 * 60 * 60,
      urgency: "normal",
      contentEncoding: "aes128gcm",
    },
  );
  const answer = await sendPrepared(
    { endpoint: prepared.endpoint, method: prepared.method, headers: prepared.headers as Record<string, string | number>, body: prepared.body },
    pushEndpointRules(),
  );
  if (answer.status === 404 || answer.status === 410) {
    // The browser unsubscribed or the device is gone for good: forget it (only if it is still that one).
    await db.pushSubscription.deleteMany({ where: { id: subscription.id, endpoint: subscription.endpoint } });
    return { sent: 0, gone: 1 };
  }
  if (answer.status < 200 || answer.status > 299) throw new PushFailed(answer.status);
  await db.pushSubscription.updateMany({ where: { id: subscription.id }, data: { lastSuccessAt: new Date() } });
  return { sent: 1, gone: 0 };
}
