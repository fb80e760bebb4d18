import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { MunicipalityActorLinks } from "@/components/actors/municipality-actor-links";
import { Link } from "@/components/link";
import { PhaseBadge } from "@/components/phase-badge";
import { getViewer } from "@/lib/auth/get-viewer";
import { listMunicipalityDialogues } from "@/lib/dialogues/list-municipality-dialogues";
import { direction } from "@/lib/i18n/routing";
import { can } from "@/lib/policy/policy";

type Props = { params: Promise<{ locale: string; municipality: string }> };

const loadMunicipality = cache(async (slug: string) => listMunicipalityDialogues(await getViewer(), slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await loadMunicipality((await params).municipality);
  return loaded ? { title: loaded.municipality.name } : {};
}

type Listed = NonNullable<Awaited<ReturnType<typeof listMunicipalityDialogues>>>["dialogues"];

function DialogueList({ dialogues, municipalitySlug }: { dialogues: Listed; municipalitySlug: string }) {
  return (
    <ul className="mt-3 space-y-4">
      {dialogues.map((dialogue) => {
        const lang = { lang: dialogue.language, dir: direction(dialogue.language) };
        return (
          <li key={dialogue.id} className="rounded border border-line p-4">
            <h3 className="text-xl" {...lang}>
              <Link href={`/${municipalitySlug}/${dialogue.slug}`}>{dialogue.title}</Link>
            </h3>
            <p className="mt-1">
              <PhaseBadge phase={dialogue.phase} />
            </p>
            <p className="mt-2" {...lang}>
              {dialogue.summary}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

export default async function MunicipalityPage({ params }: Props) {
  const { municipality: slug } = await params;
  const loaded = await loadMunicipality(slug);
  if (!loaded) notFound();
  const { municipality, dialogues, mayCreate } = loaded;
  const [t, viewer] = await Promise.all([getTranslations("municipality"), getViewer()]);
  const drafts = dialogues.filter((dialogue) => dialogue.phase === "DRAFT");
  const published = dialogues.filter((dialogue) => dialogue.phase !== "DRAFT");

  return (
    <>
      <h1 className="text-3xl">{municipality.name}</h1>
      <p className="mt-3 text-muted">{t("intro", { municipality: municipality.name })}</p>
      <MunicipalityActorLinks viewer={viewer} municipality={municipality} />
      {(mayCreate || can(viewer, "staff:invite", { municipalityId: municipality.id })) && (
        <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
          {mayCreate && (
            <Link href={`/${municipality.slug}/dialogues/new`} className="font-semibold">
              {t("newDialogue")}
            </Link>
          )}
          <Link href={`/${municipality.slug}/staff`}>{t("staffLink")}</Link>
        </p>
      )}

      {drafts.length > 0 && (
        <section aria-labelledby="drafts" className="mt-8">
          <h2 id="drafts" className="text-2xl">
            {t("draftsHeading")}
          </h2>
          <p className="mt-1 text-muted">{t("draftsIntro")}</p>
          <DialogueList dialogues={drafts} municipalitySlug={municipality.slug} />
        </section>
      )}

      <section aria-labelledby="dialogues" className="mt-8">
        <h2 id="dialogues" className="text-2xl">
          {t("dialoguesHeading")}
        </h2>
        {published.length === 0 ? <p className="mt-3">{t("none")}</p> : <DialogueList dialogues={published} municipalitySlug={municipality.slug} />}
      </section>
    </>
  );
}
