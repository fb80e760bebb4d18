import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Link } from "@/components/link";
import { DialogueOrganigram } from "@/components/responsibilities/dialogue-organigram";
import { getViewer } from "@/lib/auth/get-viewer";
import { loadPublishedDialogue } from "@/lib/dialogues/load-dialogue";
import { getResponsibilityManagement } from "@/lib/responsibilities/get-responsibility-management";
import { listResponsibilities } from "@/lib/responsibilities/list-responsibilities";
import { DialogueSubpageHeader } from "@/components/dialogues/dialogue-subpage-header";
import { dialoguePaths, municipalityPaths } from "@/lib/routes/paths";

type Props = { params: Promise<{ locale: string; municipality: string; dialogue: string }> };

const load = cache(async (municipalitySlug: string, dialogueSlug: string) => (await loadPublishedDialogue(await getViewer(), { municipalitySlug, dialogueSlug }))?.dialogue ?? null);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { municipality, dialogue } = await params;
  const loaded = await load(municipality, dialogue);
  if (!loaded) return {};
  const t = await getTranslations("responsibilities");
  return { title: `${t("title")}: ${loaded.title}` };
}

/** Who is responsible for which theme of the dialogue (W2 "Organigramm"); public. */
export default async function ResponsibilitiesPage({ params }: Props) {
  const { municipality, dialogue: slug } = await params;
  const dialogue = await load(municipality, slug);
  if (!dialogue) notFound();
  const viewer = await getViewer();
  const [t, map, management] = await Promise.all([
    getTranslations("responsibilities"),
    listResponsibilities(dialogue.id),
    viewer ? getResponsibilityManagement(viewer, { municipalitySlug: municipality, dialogueSlug: slug }) : null,
  ]);
  const paths = dialoguePaths(dialogue);

  return (
    <>
      <DialogueSubpageHeader dialogue={dialogue} back={{ href: paths.home, label: t("backToDialogue") }} heading={t("title")} />
      <p className="mt-3 text-muted">{t("intro")}</p>
      <p className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
        <Link href={municipalityPaths(dialogue.municipality.slug).actors}>{t("allActors", { municipality: dialogue.municipality.name })}</Link>
        {management && <Link href={paths.responsibilitiesManage}>{t("manageLink")}</Link>}
      </p>
      <DialogueOrganigram map={map} language={dialogue.languages[0] ?? "de"} />
    </>
  );
}
