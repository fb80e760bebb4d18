import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationType } from "@/lib/generated/prisma/enums";

/** One in-app notification; the e-mail digest picks it up later for people with an address. */
export type NotificationInput = {
  userId: string;
  type: NotificationType;
  dialogueId?: string | null;
  contributionId?: string | null;
  commentId?: string | null;
  responseId?: string | null;
};

/**
 * Records notifications inside the caller's transaction, so a notification exists exactly when
 * the thing it tells about was saved. Nobody is notified of their own doing (`actorId`), and
 * each person gets one notification per call even when listed twice.
 */
export async function notify(
  tx: Prisma.TransactionClient,
  notifications: readonly NotificationInput[],
  actorId: string | null,
): Promise<number> {
  const seen = new Set<string>();
  const rows = notifications.filter((notification) => {
    if (notification.userId === actorId || seen.has(notification.userId)) return false;
    seen.add(notification.userId);
    return true;
  });
  if (rows.length === 0) return 0;
  // Deleted accounts are kept anonymised for the record; they receive nothing.
  const recipients = await tx.user.findMany({
    where: { id: { in: rows.map((row) => row.userId) }, deletedAt: null },
    select: { id: true },
  });
  const living = new Set(recipients.map((recipient) => recipient.id));
  const { count } = await tx.notification.createMany({ data: rows.filter((row) => living.has(row.userId)) });
  return count;
}
