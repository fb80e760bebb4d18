import { getLocale, getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/get-viewer";
import { dashboardLink } from "@/lib/municipalities/dashboard-link";
import { countUnread } from "@/lib/notifications/count-unread";
import { Link } from "../link";
import { ModerationHeaderLink } from "../moderation/moderation-header-link";
import { NotificationsLink } from "../notifications/notifications-link";
import { signOut } from "./session-actions";

const headerLink = "flex min-h-11 items-center rounded px-2 font-semibold text-white no-underline hover:bg-white/15 hover:underline";

/**
 * The header's one row of person controls. Signed out: "Sign in" and "I have a code" (the join
 * page). Signed in: "Dashboard" for staff, and one disclosure (no JavaScript needed) holding who
 * is signed in, notifications, moderation, the account and "Sign out"; its summary shows the
 * number of unread notifications.
 */
export async function SessionControls() {
  const [viewer, locale, t] = await Promise.all([getViewer(), getLocale(), getTranslations("session")]);
  if (!viewer) {
    return (
      <div className="flex items-center gap-x-1">
        <Link href="/sign-in" className={headerLink}>
          {t("signIn")}
        </Link>
        <Link href="/join" className={headerLink}>
          {t("haveCode")}
        </Link>
      </div>
    );
  }
  const [dashboard, unread] = await Promise.all([dashboardLink(viewer), countUnread(viewer)]);
  return (
    <div className="flex items-center gap-x-1">
      {dashboard && (
        <Link href={dashboard} className={headerLink}>
          {t("dashboard")}
        </Link>
      )}
      <details className="header-menu relative" data-testid="account-menu">
        <summary className="flex min-h-11 cursor-pointer list-none items-center gap-1.5 rounded px-2 font-semibold text-white hover:bg-white/15">
          <PersonIcon />
          <span className="sr-only sm:not-sr-only sm:max-w-40 sm:truncate">
            <span className="sr-only">{t("signedInAs")} </span>
            <bdi>{viewer.displayName}</bdi>
          </span>
          {unread > 0 && (
            <span className="inline-block min-w-6 rounded-full bg-white px-1.5 text-center text-sm font-bold text-brand-dark">
              {unread}
            </span>
          )}
          <span aria-hidden="true" className="text-xs">▾</span>
        </summary>
        <div className="absolute end-0 top-full z-30 mt-1 w-64 space-y-2 rounded border border-white/30 bg-brand-dark p-3 shadow-lg">
          <p className="truncate">
            <span className="sr-only">{t("signedInAs")} </span>
            <bdi className="font-semibold">{viewer.displayName}</bdi>
          </p>
          <ul className="space-y-2">
            <li>
              <NotificationsLink />
            </li>
            <li className="empty:hidden">
              <ModerationHeaderLink />
            </li>
            <li>
              <Link href="/account" className="text-white">
                {t("account")}
              </Link>
            </li>
          </ul>
          <form action={signOut}>
            <input type="hidden" name="locale" value={locale} />
            <button type="submit" className="rounded border border-white px-3 py-1 font-semibold text-white hover:bg-white hover:text-brand-dark">
              {t("signOut")}
            </button>
          </form>
        </div>
      </details>
    </div>
  );
}

function PersonIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" />
    </svg>
  );
}
