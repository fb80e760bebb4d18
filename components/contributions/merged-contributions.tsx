import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { Section } from "@/components/section";
import { UserText } from "@/components/text/user-text";
import { NAME, WithName } from "@/components/text/with-name";
import type { MergedIntoView } from "@/lib/contributions/merged-contributions";
import { direction } from "@/lib/i18n/routing";
import type { dialoguePaths } from "@/lib/routes/paths";

/**
 * On a contribution's page: what the host team merged into it (both voices stay on record), and
 * for the host team the way to merge this one into another.
 */
export async function MergedContributions({
  contributionId,
  merged,
  mayMerge,
  paths,
  arrivedFromMerged,
}: {
  contributionId: string;
  /** What was merged into it, from the page's loader. */
  merged: readonly MergedIntoView[];
  /** contribution:merge, from the page's loader. */
  mayMerge: boolean;
  paths: ReturnType<typeof dialoguePaths>;
  arrivedFromMerged: boolean;
}) {
  const t = await getTranslations("merge");
  return (
    <>
      {arrivedFromMerged && (
        <p className="mt-4 rounded border-s-4 border-brand bg-surface p-3" data-testid="arrived-from-merged">
          {t("arrived")}
        </p>
      )}
      {merged.length > 0 && (
        <Section id="merged-heading" heading={t("mergedHeading")} headingClassName="text-xl" className="mt-8" testId="merged-into-this">
          <p className="mt-1 text-sm text-muted">{t("mergedIntro")}</p>
          <ul className="mt-3 space-y-3">
            {merged.map((item) => {
              const lang = { lang: item.language, dir: direction(item.language) };
              return (
                <li key={item.id} className="rounded border border-line p-3">
                  <h3 className="font-semibold break-words" {...lang}>
                    {item.title}
                  </h3>
                  <p className="text-sm text-muted">{item.authorName ? <WithName message={t("by", { name: NAME })} name={item.authorName} /> : t("byVoice")}</p>
                  <UserText text={item.body} className="mt-2" {...lang} />
                </li>
              );
            })}
          </ul>
        </Section>
      )}
      {mayMerge && (
        <p className="mt-6">
          <Link href={paths.merge(contributionId)} className="font-semibold" data-testid="merge-link">
            {t("link")}
          </Link>
        </p>
      )}
    </>
  );
}
