import "server-only";
import { db } from "@/lib/db/client";
import { currentFlash } from "@/lib/flash/flash";
import type { Viewer } from "@/lib/policy/policy";
import { vapidKeys } from "./vapid";

/**
 * Whether the page just after a person's first post offers "Notifications on this phone"
 * (decision 031): they wrote this contribution, it is their only one, the post just happened (the
 * flash), push is set up, and no device of theirs gets notifications yet. Whether this browser can
 * and has not been asked is for the browser to say (components/push/push-prompt.tsx).
 */
export async function offersPushAfterPost(viewer: Viewer | null, authorId: string | null): Promise<{ vapidPublicKey: string } | null> {
  const vapid = vapidKeys();
  if (!viewer || !vapid || authorId !== viewer.id || (await currentFlash()) !== "posted") return null;
  const [contributions, devices] = await Promise.all([
    db.contribution.count({ where: { authorId: viewer.id }, take: 2 }),
    db.pushSubscription.count({ where: { userId: viewer.id }, take: 1 }),
  ]);
  return contributions === 1 && devices === 0 ? { vapidPublicKey: vapid.publicKey } : null;
}
