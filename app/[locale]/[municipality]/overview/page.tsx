import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/components/link";
import { PhaseBadge } from "@/components/phase-badge";
import { BarChart } from "@/components/results/bar-chart";
import { DataTable } from "@/components/results/data-table";
import { PrintSource } from "@/components/results/print-source";
import { ResultSection } from "@/components/results/result-section";
import { getViewer } from "@/lib/auth/get-viewer";
import { languageName } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { loadMunicipalityDialogues } from "@/lib/pages/municipality-page";
import { getMunicipalityOverview } from "@/lib/results/get-municipality-overview";
import "@/components/results/results.css";
import { DistrictDialogueLists } from "@/components/districts/district-dialogue-lists";
import { DistrictMap } from "@/components/districts/district-map";
import { getDistrictMap } from "@/lib/districts/get-district-map";
import { dialoguePaths, localized, municipalityPaths, withQuery } from "@/lib/routes/paths";
import { getFormatter } from "@/lib/i18n/format";

type Props = { params: Promise<{ locale: string; municipality: string }> };

/** The municipality and its dialogues, for its staff only; everyone else gets a 404. */
const loadMunicipality = async (slug: string) => {
  const loaded = await loadMunicipalityDialogues(await getViewer(), slug);
  return loaded?.may.readOverview ? loaded : null;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await loadMunicipality((await params).municipality);
  if (!loaded) return {};
  const t = await getTranslations("overview");
  return { title: t("metaTitle", { municipality: loaded.municipality.name }), robots: { index: false } };
}

export default async function OverviewPage({ params }: Props) {
  const { locale, municipality: slug } = await params;
  const loaded = await loadMunicipality(slug);
  if (!loaded) notFound();
  const { viewer, municipality, dialogues } = loaded;
  const [overview, t, results, perspectives, format, districtMap, districtText] = await Promise.all([
    getMunicipalityOverview(viewer, { municipalityId: municipality.id }),
    getTranslations("overview"),
    getTranslations("results"),
    getTranslations("perspectives"),
    getFormatter(),
    getDistrictMap({ municipalityId: municipality.id }),
    getTranslations("districtMap"),
  ]);
  const dir = direction(locale);
  const activityColumns = [t("contributions"), t("comments"), t("supportsOnline"), t("supportsAtMeetings")];
  const monthName = (month: Date) => format.dateTime(month, "month", { timeZone: "UTC" });
  const published = dialogues.filter((dialogue) => dialogue.phase !== "DRAFT");

  return (
    <>
      <header className="space-y-2">
        <h1 className="text-3xl">{t("heading")}</h1>
        <p className="text-lg font-semibold"><bdi>{municipality.name}</bdi></p>
        <p className="text-muted">{t("intro")}</p>
        <p className="text-sm text-muted">{results("asOf", { date: format.dateTime(new Date(), "dayLong") })}</p>
        <PrintSource path={localized(locale, municipalityPaths(municipality.slug).overview)} label={results("printSource")} />
      </header>

      {districtMap.districts.length > 0 && (
        <ResultSection id="districts" heading={districtText("heading")} intro={districtText("overviewIntro")}>
          <DistrictMap
            id="overview-districts"
            heading={districtText("heading")}
            districts={districtMap.districts}
            locale={locale}
            fallbackLanguage={municipality.defaultLocale}
            hrefFor={(district) => withQuery(municipalityPaths(municipality.slug).overview, {}, `district-${district.id}`)}
          />
          <DistrictDialogueLists
            districts={districtMap.districts}
            groups={districtMap.byDialogue}
            dialogues={published}
            municipalitySlug={municipality.slug}
            locale={locale}
            fallbackLanguage={municipality.defaultLocale}
          />
        </ResultSection>
      )}

      <ResultSection id="over-time" heading={t("overTimeHeading")}>
        <BarChart
          dir={dir}
          series={activityColumns.map((label) => ({ label }))}
          rows={overview.months.map((m) => ({
            key: m.month.toISOString(),
            label: monthName(m.month),
            values: [m.contributions, m.comments, m.supportsOnline, m.supportsAtMeetings],
          }))}
        />
        <DataTable
          id="over-time-table"
          caption={t("overTimeCaption")}
          columns={[t("month"), ...activityColumns]}
          rows={overview.months.map((m) => ({
            key: m.month.toISOString(),
            header: monthName(m.month),
            cells: [m.contributions, m.comments, m.supportsOnline, m.supportsAtMeetings],
          }))}
        />
      </ResultSection>

      <ResultSection id="by-perspective" heading={t("perspectiveHeading")}>
        <BarChart
          dir={dir}
          series={activityColumns.map((label) => ({ label }))}
          rows={overview.byPerspective.map((p) => ({
            key: p.perspective,
            label: perspectives(p.perspective),
            values: [p.contributions, p.comments, p.supportsOnline, p.supportsAtMeetings],
          }))}
        />
        <DataTable
          id="perspective-table"
          caption={t("perspectiveCaption")}
          columns={[results("perspective"), ...activityColumns]}
          rows={overview.byPerspective.map((p) => ({
            key: p.perspective,
            header: perspectives(p.perspective),
            cells: [p.contributions, p.comments, p.supportsOnline, p.supportsAtMeetings],
          }))}
        />
      </ResultSection>

      <ResultSection id="by-language" heading={t("languageHeading")}>
        {overview.byLanguage.length === 0 ? (
          <p className="mt-3">{t("nothingYet")}</p>
        ) : (
          <>
            <BarChart
              dir={dir}
              series={[{ label: t("contributions") }, { label: t("comments") }]}
              rows={overview.byLanguage.map((l) => ({ key: l.language, label: languageName(l.language, locale), values: [l.contributions, l.comments] }))}
            />
            <DataTable
              id="language-table"
              caption={t("languageCaption")}
              columns={[t("language"), t("contributions"), t("comments")]}
              rows={overview.byLanguage.map((l) => ({ key: l.language, header: languageName(l.language, locale), cells: [l.contributions, l.comments] }))}
            />
          </>
        )}
      </ResultSection>

      <ResultSection id="by-source" heading={t("sourceHeading")}>
        <BarChart
          dir={dir}
          series={[{ label: results("needs") }, { label: results("proposals") }]}
          rows={overview.bySource.map((s) => ({ key: s.source, label: results("source", { source: s.source }), values: [s.needs, s.proposals] }))}
        />
        <DataTable
          id="source-table"
          caption={t("sourceCaption")}
          columns={[results("sourceColumn"), results("needs"), results("proposals")]}
          rows={overview.bySource.map((s) => ({ key: s.source, header: results("source", { source: s.source }), cells: [s.needs, s.proposals] }))}
        />
      </ResultSection>

      <ResultSection id="open-needs" heading={t("openNeedsHeading")} intro={t("openNeedsIntro")}>
        <BarChart
          dir={dir}
          series={[{ label: results("needs") }]}
          rows={overview.openNeedsByAge.map((b) => ({ key: b.bucket, label: t("age", { bucket: b.bucket }), values: [b.count] }))}
        />
        <DataTable
          id="open-needs-table"
          caption={t("openNeedsCaption")}
          columns={[t("waiting"), results("needs")]}
          rows={overview.openNeedsByAge.map((b) => ({ key: b.bucket, header: t("age", { bucket: b.bucket }), cells: [b.count] }))}
        />
      </ResultSection>

      <ResultSection id="dialogue-results" heading={t("dialoguesHeading")}>
        {published.length === 0 ? (
          <p className="mt-3">{t("nothingYet")}</p>
        ) : (
          <ul className="mt-3 space-y-2">
            {published.map((dialogue) => (
              <li key={dialogue.id}>
                <Link href={dialoguePaths(municipality.slug, dialogue.slug).results} lang={dialogue.language} dir={direction(dialogue.language)}>
                  {dialogue.title}
                </Link>{" "}
                <PhaseBadge phase={dialogue.phase} />
              </li>
            ))}
          </ul>
        )}
      </ResultSection>
    </>
  );
}
