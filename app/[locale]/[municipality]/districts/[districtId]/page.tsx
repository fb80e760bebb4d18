import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DistrictForm } from "@/components/districts/district-form";
import { DeleteDistrictForm } from "@/components/districts/district-manage-forms";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { MunicipalityPageHeader } from "@/components/municipalities/municipality-page-header";
import { getViewer } from "@/lib/auth/get-viewer";
import { Section } from "@/components/section";
import { deleteDistrictAction, saveDistrictAction } from "@/lib/actions/districts/districts";
import { countDistrictContributions } from "@/lib/districts/delete-district";
import { pickDistrictName } from "@/lib/districts/district-names";
import { loadDistrictsPage } from "@/lib/pages/staff-pages";
import { languageName } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { staffPageMetadata } from "@/lib/municipalities/staff-page-metadata";
import { municipalityPaths } from "@/lib/routes/paths";

type Props = { params: Promise<{ locale: string; municipality: string; districtId: string }> };

/** Staff only; everyone else gets a 404. */
const load = async (slug: string) => loadDistrictsPage(await getViewer(), slug);

export const generateMetadata = staffPageMetadata(load, async ({ municipality }) => ({ title: (await getTranslations("districts"))("editTitle"), municipality: municipality.name }));

/** One district's names and boundary. */
export default async function DistrictPage({ params }: Props) {
  const { locale, municipality: slug, districtId } = await params;
  const loaded = await load(slug);
  const district = loaded?.districts.find((candidate) => candidate.id === districtId);
  if (!loaded || !district) notFound();
  const { municipality, languages } = loaded;
  const [t, post, unnamed] = await Promise.all([
    getTranslations("districts"),
    getTranslations("post"),
    countDistrictContributions(await getViewer(), { municipalityId: loaded.municipality.id, districtId: district.id }),
  ]);
  const paths = municipalityPaths(municipality.slug);
  const page = { locale, municipality: municipality.slug, view: "district", id: district.id } as const;
  const { name } = pickDistrictName(district.names, locale, languages[0] ?? "de");

  return (
    <ClientMessages namespaces={["districts", "districtValidation"]} forms>
      <MunicipalityPageHeader back={<Link href={paths.districts}>{t("back")}</Link>} title={t("editTitle")} municipality={municipality.name} intro={
          <>
            {t("editIntro")} <bdi className="font-semibold">{name}</bdi>
          </>
        } />
      <div className="mt-6">
        <DistrictForm
          action={saveDistrictAction.bind(null, page)}
          ids={{ municipalityId: municipality.id, districtId: district.id }}
          languages={languages.map((code) => ({ code, label: languageName(code, locale), dir: direction(code) }))}
          values={{ names: district.names }}
          hasBoundary={district.boundary !== null}
          submit={t("save")}
        />
      </div>
      <Section id="delete-district" heading={t("deleteHeading")} headingClassName="mb-3 text-xl" className="mt-10 rounded border-2 border-danger p-4">
        <DeleteDistrictForm
          action={deleteDistrictAction.bind(null, page)}
          ids={{ municipalityId: municipality.id, districtId: district.id }}
          intro={t("deleteIntro", { count: unnamed, notSaid: post("placeNotSaid") })}
          confirm={t("deleteConfirm", { name })}
        />
      </Section>
    </ClientMessages>
  );
}
