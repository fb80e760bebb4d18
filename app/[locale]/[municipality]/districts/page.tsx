import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DistrictForm } from "@/components/districts/district-form";
import { MoveDistrictForm } from "@/components/districts/district-manage-forms";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { MunicipalityPageHeader } from "@/components/municipalities/municipality-page-header";
import { Section } from "@/components/section";
import { getViewer } from "@/lib/auth/get-viewer";
import { moveDistrictAction, saveDistrictAction } from "@/lib/actions/districts/districts";
import { pickDistrictName } from "@/lib/districts/district-names";
import { loadDistrictsPage } from "@/lib/pages/staff-pages";
import { languageName } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { staffPageMetadata } from "@/lib/municipalities/staff-page-metadata";
import { municipalityPaths } from "@/lib/routes/paths";

type Props = {
  params: Promise<{ locale: string; municipality: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Staff only; everyone else gets a 404. */
const load = async (slug: string) => loadDistrictsPage(await getViewer(), slug);

export const generateMetadata = staffPageMetadata(load, async ({ municipality }) => ({ title: (await getTranslations("districts"))("title"), municipality: municipality.name }));

/** The municipality's districts: the list with a way to each one's form, and a form for a new one. */
export default async function DistrictsPage({ params, searchParams }: Props) {
  const [{ locale, municipality: slug }, query] = await Promise.all([params, searchParams]);
  const loaded = await load(slug);
  if (!loaded) notFound();
  const { municipality, districts, languages } = loaded;
  const [t, dashboard] = await Promise.all([getTranslations("districts"), getTranslations("staffDashboard")]);
  const paths = municipalityPaths(municipality.slug);
  const main = languages[0] ?? "de";
  const page = { locale, municipality: municipality.slug, view: "districts" } as const;
  const move = moveDistrictAction.bind(null, page);

  return (
    <ClientMessages namespaces={["districts", "districtValidation"]} forms>
      <MunicipalityPageHeader back={<Link href={paths.dashboard}>{dashboard("title")}</Link>} title={t("title")} municipality={municipality.name} intro={t("intro")} />
      {(query.done === "saved" || query.done === "deleted") && (
        <p role="status" className="mt-4 rounded border-s-4 border-phase-ink bg-phase-bg p-3 font-semibold text-phase-ink">
          {t(query.done)}
        </p>
      )}

      <Section id="district-list" heading={t("listHeading")} className="mt-8">
        {districts.length === 0 ? (
          <p className="mt-3">{t("none")}</p>
        ) : (
          <>
          <p className="mt-2 text-sm text-muted">{t("orderHint")}</p>
          <ol className="mt-3 divide-y divide-line border-y border-line">
            {districts.map((district, index) => {
              const { name, language } = pickDistrictName(district.names, locale, main);
              const foreign = language.split("-")[0] !== locale.split("-")[0];
              return (
                <li key={district.id} id={`district-${district.id}`} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3" data-testid="district-row">
                  <span>
                    <span className="font-semibold break-words" {...(foreign ? { lang: language, dir: direction(language) } : {})}>
                      {name}
                    </span>{" "}
                    <span className="text-sm text-muted">
                      {district.boundary ? t("hasBoundary") : t("noBoundary")} · {t("namesIn", { languages: Object.keys(district.names).map((code) => languageName(code, locale)).join(", ") })}
                    </span>
                  </span>
                  <span className="flex flex-wrap items-center gap-2">
                    {index > 0 && <MoveDistrictForm action={move} ids={{ municipalityId: municipality.id, districtId: district.id }} direction="up" name={name} />}
                    {index < districts.length - 1 && <MoveDistrictForm action={move} ids={{ municipalityId: municipality.id, districtId: district.id }} direction="down" name={name} />}
                    <Link href={paths.district(district.id)} aria-label={t("editNamed", { name })}>
                      {t("edit")}
                    </Link>
                  </span>
                </li>
              );
            })}
          </ol>
          </>
        )}
      </Section>

      <Section id="new-district" heading={t("createHeading")} headingClassName="mb-4 text-xl" className="mt-10 rounded border border-line bg-surface p-4">
        <DistrictForm
          action={saveDistrictAction.bind(null, page)}
          ids={{ municipalityId: municipality.id }}
          languages={languages.map((code) => ({ code, label: languageName(code, locale), dir: direction(code) }))}
          hasBoundary={false}
          submit={t("create")}
        />
      </Section>
    </ClientMessages>
  );
}
