import { getLocale, getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/get-viewer";
import { Link } from "../link";
import { ModerationHeaderLink } from "../moderation/moderation-header-link";
import { NotificationsLink } from "../notifications/notifications-link";
import { signOut } from "./session-actions";

/** The header's sign-in link, or who is signed in with "My account" and "Sign out". */
export async function SessionControls() {
  const [viewer, locale, t] = await Promise.all([getViewer(), getLocale(), getTranslations("session")]);
  if (!viewer) {
    return (
      <Link href="/sign-in" className="font-semibold text-white">
        {t("signIn")}
      </Link>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
      <p className="max-w-full truncate">
        <span className="sr-only">{t("signedInAs")} </span>
        <bdi className="font-semibold">{viewer.displayName}</bdi>
      </p>
      <NotificationsLink />
      <ModerationHeaderLink />
      <Link href="/account" className="text-white">
        {t("account")}
      </Link>
      <form action={signOut}>
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="rounded border border-white px-3 py-1 font-semibold text-white hover:bg-white hover:text-brand-dark">
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
