import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/components/link";
import { AnswerQueue } from "@/components/responses/answer-queue";
import { getViewer } from "@/lib/auth/get-viewer";
import { loadAnswerQueuePage } from "@/lib/pages/staff-pages";
import { MunicipalityPageHeader } from "@/components/municipalities/municipality-page-header";
import { staffPageMetadata } from "@/lib/municipalities/staff-page-metadata";
import { municipalityPaths } from "@/lib/routes/paths";

type Props = { params: Promise<{ locale: string; municipality: string }> };

/** Every dialogue of the municipality the viewer may answer in; a 404 for those who may answer in none. */
const load = async (slug: string) => loadAnswerQueuePage(await getViewer(), slug);

export const generateMetadata = staffPageMetadata(load, async ({ municipality }) => ({ title: (await getTranslations("answerQueue"))("municipalityTitle"), municipality: municipality.name }));

export default async function MunicipalityAnswerQueuePage({ params }: Props) {
  const loaded = await load((await params).municipality);
  if (!loaded) notFound();
  const { municipality, needs } = loaded;
  const t = await getTranslations("answerQueue");
  return (
    <>
      <MunicipalityPageHeader
        back={
          <Link href={municipalityPaths(municipality.slug).home}>
            <bdi>{municipality.name}</bdi>
          </Link>
        }
        title={t("municipalityTitle")}
        municipality={municipality.name}
        intro={t("intro")}
      />
      <p className="mt-2 font-semibold">{t("count", { count: needs.length })}</p>
      <AnswerQueue needs={needs} municipalitySlug={municipality.slug} showDialogue />
    </>
  );
}
