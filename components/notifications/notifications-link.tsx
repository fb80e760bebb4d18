import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/get-viewer";
import { countUnread } from "@/lib/notifications/count-unread";
import { Link } from "../link";

/**
 * The header's link to the notifications with the number of unread ones; only for signed-in
 * people. Its name is what it shows plus the word "unread" for screen readers
 * ("Notifications 2 unread"), so the visible text stays part of the name (WCAG 2.5.3).
 */
export async function NotificationsLink() {
  const viewer = await getViewer();
  if (!viewer) return null;
  const [count, t] = await Promise.all([countUnread(viewer), getTranslations("notifications")]);
  return (
    <Link href="/notifications" className="text-white">
      {t("headerLink")}
      {count > 0 && (
        <>
          {" "}
          <span className="ms-1 inline-block min-w-6 rounded-full bg-white px-1.5 text-center text-sm font-bold text-brand-dark">{count}</span>
          <span className="sr-only"> {t("headerUnread", { count })}</span>
        </>
      )}
    </Link>
  );
}
