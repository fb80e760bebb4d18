import { getTranslations } from "next-intl/server";
import { Link } from "../link";

/**
 * "Moderation (n)" in the header, for moderators only: n open reports they can act on, leading to
 * the municipality-wide queue (municipal moderators) or their dialogue's (decision 030). On a
 * phone a shield and n stand for the words (which stay the link's name), so the header is one row.
 * The count and place come from the header's loader (lib/pages/session-controls.ts).
 */
export async function ModerationHeaderLink({ link }: { link: { count: number; path: string } }) {
  const t = await getTranslations("moderation");
  return (
    <Link href={link.path} className="flex min-h-11 items-center gap-1 rounded px-2 text-white hover:bg-white/15">
      <svg aria-hidden="true" focusable="false" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" className="sm:hidden">
        <path d="M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z" />
      </svg>
      <span className="sr-only sm:not-sr-only">{t("queue.headerLink", { count: link.count })}</span>
      <span aria-hidden="true" className="text-sm font-bold sm:hidden">{link.count}</span>
    </Link>
  );
}
