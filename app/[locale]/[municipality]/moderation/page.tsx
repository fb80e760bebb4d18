import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { ReportQueue } from "@/components/moderation/queue";
import { getViewer } from "@/lib/auth/get-viewer";
import { direction } from "@/lib/i18n/routing";
import { listMunicipalQueue } from "@/lib/moderation/list-municipal-queue";
import { loadMunicipalityFor } from "@/lib/pages/municipality-page";
import { MunicipalityPageHeader } from "@/components/municipalities/municipality-page-header";
import { staffPageMetadata } from "@/lib/municipalities/staff-page-metadata";
import { dialoguePaths } from "@/lib/routes/paths";

type Props = { params: Promise<{ locale: string; municipality: string }> };

/** The municipality, for its moderators only; everyone else gets a 404 (decision 030). */
const loadMunicipality = async (slug: string) => loadMunicipalityFor(await getViewer(), slug, "moderate");

export const generateMetadata = staffPageMetadata(loadMunicipality, async ({ municipality }) => ({
  title: (await getTranslations("moderation"))("queue.municipalityTitle"),
  municipality: municipality.name,
}));

/** One queue across the municipality: each dialogue with open reports, with the same forms as its own queue. */
export default async function MunicipalModerationPage({ params }: Props) {
  const loaded = await loadMunicipality((await params).municipality);
  if (!loaded?.viewer) notFound();
  const { viewer, municipality } = loaded;
  const [dialogues, t] = await Promise.all([listMunicipalQueue(viewer, { municipalityId: municipality.id }), getTranslations("moderation")]);
  return (
    <ClientMessages namespaces={["moderation"]} forms>
      <MunicipalityPageHeader title={t("queue.municipalityTitle")} municipality={municipality.name} intro={t("queue.municipalityIntro")} />
      {dialogues.length === 0 && <p className="mt-6">{t("queue.noReports")}</p>}
      {dialogues.map(({ dialogue, queue }) => {
        const paths = dialoguePaths(dialogue);
        const language = dialogue.languages[0] ?? "de";
        return (
          <section key={dialogue.id} aria-labelledby={`dialogue-${dialogue.id}`} className="mt-10 border-t border-line pt-6">
            <h2 id={`dialogue-${dialogue.id}`} className="text-2xl" lang={language} dir={direction(language)}>
              {dialogue.title}
            </h2>
            <p className="mt-1">
              <Link href={paths.moderation}>{t("queue.openDialogueQueue")}</Link>
            </p>
            <ReportQueue groups={queue.reportGroups} languages={queue.languages} paths={paths} headingId={`reports-${dialogue.id}`} />
          </section>
        );
      })}
    </ClientMessages>
  );
}
