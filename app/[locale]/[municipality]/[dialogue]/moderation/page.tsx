import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { MediationSection } from "@/components/moderation/mediation-section";
import { ReportQueue, ReviewQueue } from "@/components/moderation/queue";
import { getViewer } from "@/lib/auth/get-viewer";
import { findDialogue } from "@/lib/dialogues/find-dialogue";
import { listModerationQueue } from "@/lib/moderation/list-moderation-queue";
import { listMediationCandidates, listMediationCases } from "@/lib/moderation/mediation";
import { DialogueSubpageHeader } from "@/components/dialogues/dialogue-subpage-header";
import { dialoguePaths } from "@/lib/routes/paths";

type Params = { locale: string; municipality: string; dialogue: string };
type Props = { params: Promise<Params> };

/** The dialogue, for its moderators only; everyone else gets the same 404 as for none. */
const loadModerated = cache(async (municipalitySlug: string, dialogueSlug: string) => {
  const viewer = await getViewer();
  const dialogue = await findDialogue(viewer, { municipalitySlug, dialogueSlug });
  if (!dialogue?.may.moderate) return null;
  return { viewer, dialogue };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { municipality, dialogue } = await params;
  const loaded = await loadModerated(municipality, dialogue);
  if (!loaded) return {};
  const t = await getTranslations("moderation");
  return { title: `${t("queue.title")}: ${loaded.dialogue.title}`, robots: { index: false } };
}

export default async function ModerationPage({ params }: Props) {
  const { locale, municipality, dialogue: slug } = await params;
  const loaded = await loadModerated(municipality, slug);
  if (!loaded?.viewer) notFound();
  const { viewer, dialogue } = loaded;
  const [queue, t, mediation] = await Promise.all([
    listModerationQueue(viewer, { dialogueId: dialogue.id }),
    getTranslations("moderation"),
    dialogue.may.mediate ? Promise.all([listMediationCases(viewer, { dialogueId: dialogue.id }), listMediationCandidates(viewer, { dialogueId: dialogue.id })]) : null,
  ]);
  const paths = dialoguePaths(dialogue);
  return (
    <ClientMessages namespaces={["moderation"]} forms>
      <DialogueSubpageHeader dialogue={dialogue} original back={{ href: paths.home, label: t("backToDialogue") }} heading={t("queue.title")} />
      <p className="mt-3 text-muted">{t("queue.intro")}</p>
      <p className="mt-2">
        <Link href={paths.moderationLog} className="font-semibold">
          {t("log.title")}
        </Link>
      </p>
      <ReportQueue groups={queue.reportGroups} languages={queue.languages} paths={paths} />
      <ReviewQueue reviews={queue.reviews} paths={paths} />
      {mediation && (
        <MediationSection
          dialogueId={dialogue.id}
          page={{ locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug }}
          cases={mediation[0]}
          members={mediation[1]}
        />
      )}
    </ClientMessages>
  );
}
