import { getLocale, getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/get-viewer";
import { loadSessionControls } from "@/lib/pages/session-controls";
import { HeaderMenu } from "../header-menu";
import { Link } from "../link";
import { ModerationHeaderLink } from "../moderation/moderation-header-link";
import { NotificationsLink } from "../notifications/notifications-link";
import { signOut } from "@/lib/actions/auth/session";
import { SignOutButton } from "./sign-out-button";
import { sitePaths } from "@/lib/routes/paths";

const headerLink = "flex min-h-11 items-center whitespace-nowrap rounded px-1.5 text-[0.9375rem] font-semibold text-white no-underline hover:bg-white/15 hover:underline sm:px-2 sm:text-base";

/**
 * The header's one row of person controls. Signed out: "Sign in" and "I have a code" (the join
 * page). Signed in: "Dashboard" for staff, "Moderation (n)" for moderators and the
 * notifications (icons on a phone), and one disclosure (no JavaScript needed) holding who is
 * signed in, the account and "Sign out".
 */
export async function SessionControls() {
  const [viewer, locale, t] = await Promise.all([getViewer(), getLocale(), getTranslations("session")]);
  if (!viewer) {
    return (
      <div className="flex items-center gap-x-1">
        <Link href={sitePaths.signIn()} className={headerLink}>
          {t("signIn")}
        </Link>
        <Link href={sitePaths.join()} className={headerLink}>
          {t("haveCode")}
        </Link>
      </div>
    );
  }
  const { dashboard, moderation, unread } = await loadSessionControls(viewer);
  return (
    <div className="flex items-center gap-x-1">
      {dashboard && (
        <Link href={dashboard} className={headerLink}>
          {t("dashboard")}
        </Link>
      )}
      {moderation && <ModerationHeaderLink link={moderation} />}
      <NotificationsLink count={unread} />
      <HeaderMenu
        testId="account-menu"
        icon="person"
        summary={
          <span className="sr-only sm:not-sr-only sm:max-w-40 sm:truncate">
            <span className="sr-only">{t("signedInAs")} </span>
            <bdi>{viewer.displayName}</bdi>
          </span>
        }
        panelClassName="space-y-2 p-3 sm:w-64"
      >
        <p className="truncate">
          <span className="sr-only">{t("signedInAs")} </span>
          <bdi className="font-semibold">{viewer.displayName}</bdi>
        </p>
        <p>
          <Link href={sitePaths.account()} className="text-white">
            {t("account")}
          </Link>
        </p>
        <form action={signOut.bind(null, locale)}>
          <SignOutButton className="rounded border border-white px-3 py-1 font-semibold text-white hover:bg-white hover:text-brand-dark">{t("signOut")}</SignOutButton>
        </form>
      </HeaderMenu>
    </div>
  );
}

