import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Link } from "@/components/link";
import { AnswerQueue } from "@/components/responses/answer-queue";
import { getViewer } from "@/lib/auth/get-viewer";
import { findMunicipality } from "@/lib/municipalities/find-municipality";
import { listAnswerQueue } from "@/lib/responses/list-answer-queue";

type Props = { params: Promise<{ locale: string; municipality: string }> };

/** Every dialogue of the municipality the viewer may answer in; a 404 for those who may answer in none. */
const load = cache(async (slug: string) => {
  const municipality = await findMunicipality(slug);
  if (!municipality) return null;
  const needs = await listAnswerQueue(await getViewer(), { municipalityId: municipality.id });
  return needs && { municipality, needs };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load((await params).municipality);
  if (!loaded) return {};
  const t = await getTranslations("answerQueue");
  return { title: `${t("municipalityTitle")}: ${loaded.municipality.name}`, robots: { index: false } };
}

export default async function MunicipalityAnswerQueuePage({ params }: Props) {
  const loaded = await load((await params).municipality);
  if (!loaded) notFound();
  const { municipality, needs } = loaded;
  const t = await getTranslations("answerQueue");
  return (
    <>
      <p className="text-sm">
        <Link href={`/${municipality.slug}`}><bdi>{municipality.name}</bdi></Link>
      </p>
      <h1 className="mt-4 text-3xl">{t("municipalityTitle")}</h1>
      <p className="mt-1 text-lg font-semibold"><bdi>{municipality.name}</bdi></p>
      <p className="mt-3 text-muted">{t("intro")}</p>
      <p className="mt-2 font-semibold">{t("count", { count: needs.length })}</p>
      <AnswerQueue needs={needs} municipalitySlug={municipality.slug} showDialogue />
    </>
  );
}
