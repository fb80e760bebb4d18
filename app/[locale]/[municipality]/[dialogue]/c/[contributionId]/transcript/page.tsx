import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ClientMessages } from "@/components/identity/client-messages";
import { DialogueSubpageHeader } from "@/components/dialogues/dialogue-subpage-header";
import { Section } from "@/components/section";
import { TranscriptForm } from "@/components/voice/transcript-form";
import { getViewer } from "@/lib/auth/get-viewer";
import { loadPublishedDialogue } from "@/lib/dialogues/load-dialogue";
import { autonym, languageName } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { dialoguePaths, localized } from "@/lib/routes/paths";
import { getTranscriptForm } from "@/lib/voice/get-transcript-form";
import { writeTranscriptAction } from "@/lib/actions/voice/write-transcript";

type Props = { params: Promise<{ locale: string; municipality: string; dialogue: string; contributionId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("voiceTranscript");
  return { title: t("pageTitle"), robots: { index: false } };
}

/** Writing down a voice message (decision 033): recorders and the host team only; for anyone else it does not exist. */
export default async function TranscriptPage({ params }: Props) {
  const { locale, municipality, dialogue: slug, contributionId } = await params;
  if (!z.uuid().safeParse(contributionId).success) notFound();
  const { dialogue: dialogue } = (await loadPublishedDialogue(await getViewer(), { municipalitySlug: municipality, dialogueSlug: slug })) ?? {};
  if (!dialogue) notFound();
  const form = await getTranscriptForm(await getViewer(), { contributionId, dialogueId: dialogue.id });
  if (!form) notFound();
  const [t, tv] = await Promise.all([getTranslations("voiceTranscript"), getTranslations("voice")]);
  const paths = dialoguePaths(dialogue);
  const spoken = { lang: form.language, dir: direction(form.language) };
  return (
    <>
      <DialogueSubpageHeader dialogue={dialogue} back={{ href: paths.contribution(contributionId), label: t("back") }} heading={t("pageTitle")} />
      <p className="mt-3 text-muted">{t("intro", { language: languageName(form.language, locale) })}</p>
      <Section id="recording-heading" heading={tv("listen")} headingClassName="font-semibold" className="my-4 rounded border border-line bg-surface p-3">
        {form.audioKept ? (
          <audio controls preload="metadata" src={localized(locale, paths.voice(contributionId))} className="mt-2 w-full">
            <a href={localized(locale, paths.voice(contributionId))}>{tv("listen")}</a>
          </audio>
        ) : (
          <p className="mt-1 text-muted">{tv("trace.audioDeleted")}</p>
        )}
      </Section>
      {form.machineUnchecked && <p className="mb-4 rounded border-s-4 border-brand bg-surface p-3">{t("machineNote")}</p>}
      <ClientMessages namespaces={["voiceTranscript"]} forms>
        <TranscriptForm
          action={writeTranscriptAction.bind(null, { locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug })}
          contributionId={contributionId}
          spoken={spoken}
          defaults={{ title: form.title, transcript: form.transcript, readBack: form.readBack }}
          translationLanguages={form.translationLanguages.map((code) => ({ value: code, label: autonym(code), lang: code, dir: direction(code) }))}
        />
      </ClientMessages>
    </>
  );
}
