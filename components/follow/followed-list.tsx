import { getLocale, getTranslations } from "next-intl/server";
import { setFollowingAction } from "@/lib/actions/notifications/follow";
import { Link } from "@/components/link";
import { direction } from "@/lib/i18n/routing";
import { listFollows } from "@/lib/notifications/list-follows";
import type { Viewer } from "@/lib/policy/policy";
import { Section } from "@/components/section";
import { FollowForm } from "./follow-form";

/** The account page's section: the default in words, and what one follows, each with "Unfollow" (decision 030). */
export async function FollowedList({ viewer }: { viewer: Viewer }) {
  const locale = await getLocale();
  const [items, t] = await Promise.all([listFollows(viewer, locale), getTranslations("follow")]);
  return (
    <Section id="follows" heading={t("heading")} className="mt-10 border-t border-line pt-6" testId="follows">
      <p className="mt-2">{t("default")}</p>
      {items.length === 0 ? (
        <p className="mt-3">{t("empty")}</p>
      ) : (
        <ul className="mt-4 space-y-4">
          {items.map((item) => (
            <li key={`${item.target}-${item.id}`} className="rounded border border-line p-3">
              <p className="text-sm text-muted">{t(item.target === "dialogue" ? "dialogueLabel" : "contributionLabel")}</p>
              <p className="font-semibold break-words">
                <Link href={item.path} lang={item.lang} dir={direction(item.lang)}>
                  {item.title}
                </Link>
              </p>
              <div className="mt-2">
                <FollowForm action={setFollowingAction.bind(null, { locale, view: "account" })} target={item.target} targetId={item.id} following status="" button={t("unfollow")} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
