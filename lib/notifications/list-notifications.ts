import "server-only";
import { untitledVoiceLabel } from "@/lib/voice/untitled";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canManageOwnAccount, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { notificationSelect, viewOf } from "./notification-view";

export const NOTIFICATIONS_PER_PAGE = 20;

export const listNotificationsInput = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) });

/** The viewer's own notifications, newest first, a page at a time. */
export async function listNotifications(viewer: Viewer | null, input: z.input<typeof listNotificationsInput> = {}, locale?: string) {
  if (!canManageOwnAccount(viewer)) throw new AppError("UNAUTHENTICATED");
  const { page } = parseInput(listNotificationsInput, input);
  const [total, rows, untitled] = await Promise.all([
    db.notification.count({ where: { userId: viewer.id } }),
    db.notification.findMany({
      where: { userId: viewer.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * NOTIFICATIONS_PER_PAGE,
      take: NOTIFICATIONS_PER_PAGE,
      select: notificationSelect,
    }),
    locale ? untitledVoiceLabel(locale) : undefined,
  ]);
  return {
    items: rows.map((row) => viewOf(row, locale, untitled)),
    page,
    pageCount: Math.max(1, Math.ceil(total / NOTIFICATIONS_PER_PAGE)),
  };
}
