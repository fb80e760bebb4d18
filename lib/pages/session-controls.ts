import "server-only";
import { moderationLink } from "@/lib/moderation/moderation-link";
import { dashboardLink } from "@/lib/municipalities/dashboard-link";
import { countUnread } from "@/lib/notifications/count-unread";
import type { Viewer } from "@/lib/policy/policy";

/**
 * What the header's person controls show for a signed-in viewer, loaded side by side: the
 * dashboard (staff only), "Moderation (n)" (moderators only) and the unread notifications (one
 * COUNT for everyone, already made with the session by getViewer). A participant's header costs
 * no statement of its own; the query-count tests of the dialogue and contribution pages add what
 * it sends to their loaders' statements (issue 16).
 */
export async function loadSessionControls(viewer: Viewer & { unreadNotifications?: number }) {
  const [dashboard, moderation, unread] = await Promise.all([dashboardLink(viewer), moderationLink(viewer), viewer.unreadNotifications ?? countUnread(viewer)]);
  return { dashboard, moderation, unread };
}
