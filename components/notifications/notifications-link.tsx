import { getTranslations } from "next-intl/server";
import { Link } from "../link";
import { sitePaths } from "@/lib/routes/paths";

/**
 * The header's link to the notifications with the number of unread ones (counted by the header's
 * loader, lib/pages/session-controls.ts); only for signed-in people. Its name is what it shows plus the word "unread" for screen readers
 * ("Notifications 2 unread"), so the visible text stays part of the name (WCAG 2.5.3). On a
 * phone the word gives way to a bell (still the link's name), so the header stays one row.
 */
export async function NotificationsLink({ count }: { count: number }) {
  const t = await getTranslations("notifications");
  return (
    <Link href={sitePaths.notifications()} className="flex min-h-11 items-center gap-1 rounded px-2 text-white hover:bg-white/15">
      <BellIcon />
      <span className="sr-only sm:not-sr-only">{t("headerLink")}</span>
      {count > 0 && (
        <>
          {" "}
          <span className="inline-block min-w-6 rounded-full bg-white px-1.5 text-center text-sm font-bold text-brand-dark">{count}</span>
          <span className="sr-only"> {t("headerUnread", { count })}</span>
        </>
      )}
    </Link>
  );
}

function BellIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" className="sm:hidden">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
