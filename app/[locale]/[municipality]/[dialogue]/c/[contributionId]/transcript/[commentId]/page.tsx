import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ClientMessages } from "@/components/identity/client-messages";
import { DialogueSubpageHeader } from "@/components/dialogues/dialogue-subpage-header";
import { CommentTranscriptForm } from "@/components/voice/comment-transcript-form";
import { VoiceNoteView } from "@/components/voice/voice-note";
import { writeCommentTranscriptAction } from "@/lib/actions/voice/write-transcript";
import { getViewer } from "@/lib/auth/get-viewer";
import { getCommentTranscriptForm } from "@/lib/comments/get-comment-transcript-form";
import { loadPublishedDialogue } from "@/lib/dialogues/load-dialogue";
import { autonym, languageName } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { dialoguePaths, localized, withQuery } from "@/lib/routes/paths";

type Props = { params: Promise<{ locale: string; municipality: string; dialogue: string; contributionId: string; commentId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("voiceComment");
  return { title: t("transcriptTitle"), robots: { index: false } };
}

/** Writing down a voice comment (decision 046): recorders and the host team only; for anyone else it does not exist. */
export default async function CommentTranscriptPage({ params }: Props) {
  const { locale, municipality, dialogue: slug, contributionId, commentId } = await params;
  if (!z.uuid().safeParse(contributionId).success || !z.uuid().safeParse(commentId).success) notFound();
  const viewer = await getViewer();
  const { dialogue } = (await loadPublishedDialogue(viewer, { municipalitySlug: municipality, dialogueSlug: slug })) ?? {};
  if (!dialogue) notFound();
  const form = await getCommentTranscriptForm(viewer, { commentId, contributionId, dialogueId: dialogue.id });
  if (!form) notFound();
  const [t, tc] = await Promise.all([getTranslations("voiceTranscript"), getTranslations("voiceComment")]);
  const paths = dialoguePaths(dialogue);
  const spoken = { lang: form.language, dir: direction(form.language) };
  const audioHref = localized(locale, withQuery(paths.voice(contributionId), { comment: commentId }));
  return (
    <>
      <DialogueSubpageHeader dialogue={dialogue} back={{ href: paths.comment(contributionId, commentId), label: tc("backToComment") }} heading={tc("transcriptTitle")} />
      <p className="mt-3 text-muted">{tc("transcriptIntro", { language: languageName(form.language, locale) })}</p>
      <VoiceNoteView note={form.note} audioHref={audioHref} transcriptHref={paths.commentTranscript(contributionId, commentId)} />
      {form.machineUnchecked && <p className="my-4 rounded border-s-4 border-brand bg-surface p-3">{t("machineNote")}</p>}
      <div className="mt-6">
        <ClientMessages namespaces={["voiceTranscript"]} forms>
          <CommentTranscriptForm
            action={writeCommentTranscriptAction.bind(null, { locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug, contributionId })}
            contributionId={contributionId}
            commentId={commentId}
            spoken={spoken}
            defaults={{ transcript: form.transcript, readBack: form.readBack }}
            translationLanguages={form.translationLanguages.map((code) => ({ value: code, label: autonym(code), lang: code, dir: direction(code) }))}
          />
        </ClientMessages>
      </div>
    </>
  );
}
