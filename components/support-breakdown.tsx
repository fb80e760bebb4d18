import { getTranslations } from "next-intl/server";
import type { SupportBreakdown as Breakdown } from "@/lib/perspectives/perspectives";

/**
 * Support per perspective, every perspective listed, zeros included: nothing averaged away.
 * Rendered on the server; after a support given with JavaScript the page refreshes it in place.
 */
export async function SupportBreakdown({ supports }: { supports: Breakdown }) {
  const [t, perspectives, meetings] = await Promise.all([getTranslations("contribution"), getTranslations("perspectives"), getTranslations("meetings")]);
  return (
    <div className="mt-3 rounded-sm bg-surface px-3 py-2 text-sm">
      <p className="font-semibold">{t("supportsHeading", { count: supports.total })}</p>
      <dl aria-label={t("supportsBreakdown")} className="mt-1 grid grid-cols-[1fr_auto] gap-x-4">
        {supports.byPerspective.map(({ perspective, online, atMeetings }) => (
          <div key={perspective} className="contents">
            <dt className="min-w-0">{perspectives(perspective)}</dt>
            {/* Counted at meetings is never folded into the online count: both are shown apart. */}
            <dd className="text-end tabular-nums">{atMeetings > 0 ? meetings("onlineAndAtMeetings", { online, atMeetings }) : online}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
