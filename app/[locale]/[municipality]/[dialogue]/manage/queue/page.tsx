import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DialogueSubpageHeader } from "@/components/dialogues/dialogue-subpage-header";
import { Link } from "@/components/link";
import { AnswerQueue } from "@/components/responses/answer-queue";
import { getViewer } from "@/lib/auth/get-viewer";
import { loadPublishedDialogue } from "@/lib/dialogues/load-dialogue";
import { listAnswerQueue } from "@/lib/responses/list-answer-queue";
import { dialoguePaths, municipalityPaths } from "@/lib/routes/paths";

type Props = { params: Promise<{ locale: string; municipality: string; dialogue: string }> };

/** For those who may answer in this dialogue (staff and hosts); everyone else gets a 404. */
const load = cache(async (municipalitySlug: string, dialogueSlug: string) => {
  const { dialogue: dialogue } = (await loadPublishedDialogue(await getViewer(), { municipalitySlug, dialogueSlug })) ?? {};
  if (!dialogue) return null;
  const needs = await listAnswerQueue(await getViewer(), { dialogueId: dialogue.id });
  return needs && { dialogue, needs };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { municipality, dialogue } = await params;
  const loaded = await load(municipality, dialogue);
  if (!loaded) return {};
  const t = await getTranslations("answerQueue");
  return { title: `${t("title")}: ${loaded.dialogue.title}`, robots: { index: false } };
}

export default async function AnswerQueuePage({ params }: Props) {
  const { municipality, dialogue: slug } = await params;
  const loaded = await load(municipality, slug);
  if (!loaded) notFound();
  const { dialogue, needs } = loaded;
  const t = await getTranslations("answerQueue");
  return (
    <>
      <DialogueSubpageHeader dialogue={dialogue} original back={{ href: dialoguePaths(dialogue).home, label: t("backToDialogue") }} heading={t("title")} />
      <p className="mt-3 text-muted">{t("intro")}</p>
      <p className="mt-2 font-semibold">{t("count", { count: needs.length })}</p>
      <AnswerQueue needs={needs} municipalitySlug={dialogue.municipality.slug} />
      <p className="mt-6">
        <Link href={municipalityPaths(dialogue.municipality.slug).answerQueue}>{t("municipalityLink")}</Link>
      </p>
    </>
  );
}
