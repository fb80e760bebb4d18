import "server-only";
import { db } from "@/lib/db/client";
import type { Viewer } from "@/lib/policy/policy";

/**
 * The header's counter: one COUNT on the (userId, readAt, createdAt) index. No query at all for
 * a signed-out visitor.
 */
export async function countUnread(viewer: Viewer | null): Promise<number> {
  if (!viewer) return 0;
  return db.notification.count({ where: { userId: viewer.id, readAt: null } });
}
