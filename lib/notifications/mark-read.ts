import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canManageOwnAccount, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { notificationSelect, viewOf } from "./notification-view";

export const openNotificationInput = z.object({ id: z.uuid() });

/**
 * Marks one of the viewer's own notifications read and says where it leads. Another person's
 * notification (a forged id) is NOT_FOUND and stays as it was. The path comes from the database,
 * never from the request, so opening a notification cannot redirect anywhere else.
 */
export async function openNotification(viewer: Viewer | null, input: z.input<typeof openNotificationInput>): Promise<{ path: string }> {
  if (!canManageOwnAccount(viewer)) throw new AppError("UNAUTHENTICATED");
  const { id } = parseInput(openNotificationInput, input);
  const row = await db.notification.findFirst({ where: { id, userId: viewer.id }, select: notificationSelect });
  if (!row) throw new AppError("NOT_FOUND", "notification not found");
  if (row.readAt === null) {
    await db.notification.updateMany({ where: { id, userId: viewer.id, readAt: null }, data: { readAt: new Date() } });
  }
  return { path: viewOf(row).path };
}

/** Marks all of the viewer's unread notifications read. */
export async function markAllRead(viewer: Viewer | null): Promise<{ count: number }> {
  if (!canManageOwnAccount(viewer)) throw new AppError("UNAUTHENTICATED");
  return db.notification.updateMany({ where: { userId: viewer.id, readAt: null }, data: { readAt: new Date() } });
}
