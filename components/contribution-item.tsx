import { getLocale, getTranslations } from "next-intl/server";
import type { ContributionListItem } from "@/lib/contributions/list-contributions";
import { languageName } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { KindBadge } from "./kind-badge";
import { Link } from "./link";
import { SupportBreakdown } from "./support-breakdown";

export async function ContributionItem({
  contribution,
  themeName,
  dialoguePath,
}: {
  contribution: ContributionListItem;
  themeName: string;
  /** `/<municipality>/<dialogue>`: the item links to the contribution's own page below it. */
  dialoguePath: string;
}) {
  const [locale, t, statuses, onBehalf] = await Promise.all([
    getLocale(),
    getTranslations("contribution"),
    getTranslations("statuses"),
    getTranslations("onBehalf"),
  ]);
  const { translation, language } = contribution;
  const original = languageName(language, locale);
  const facts = [
    { label: t("theme"), value: themeName },
    { label: t("status"), value: statuses(contribution.status) },
    { label: t("language"), value: original },
  ];
  const heading = translation ? { text: translation.title, lang: locale } : { text: contribution.title, lang: language };
  return (
    <article className="border-b border-line py-4">
      <KindBadge kind={contribution.kind} />
      <h3 className="mt-2 text-lg" lang={heading.lang} dir={direction(heading.lang)}>
        <Link href={`${dialoguePath}/c/${contribution.id}`}>{heading.text}</Link>
      </h3>
      {/* A translation never replaces the voice: the original stays next to it. */}
      {translation && (
        <p className="mt-1 text-sm text-muted">
          {t("original", { method: translation.method, language: original })}{" "}
          <bdi lang={language} className="text-ink">
            {contribution.title}
          </bdi>
        </p>
      )}
      {contribution.source !== "ONLINE" && <p className="mt-1 text-sm text-muted">{onBehalf("listSource", { source: contribution.source })}</p>}
      <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {facts.map(({ label, value }) => (
          <div key={label}>
            <dt className="text-muted">{label}</dt>
            <dd className="font-medium">{value}</dd>
          </div>
        ))}
      </dl>
      <SupportBreakdown supports={contribution.supports} />
    </article>
  );
}
