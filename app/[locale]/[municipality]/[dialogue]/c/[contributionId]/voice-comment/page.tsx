import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { VoiceCommentForm } from "@/components/voice/voice-comment-form";
import { IDLE } from "@/lib/actions/form-state";
import { getViewer } from "@/lib/auth/get-viewer";
import { contributionLanguages } from "@/lib/contributions/contribution-core";
import { contentLanguageOf } from "@/lib/contributions/create-contribution";
import { getContribution } from "@/lib/contributions/get-contribution";
import { loadPublishedDialogue } from "@/lib/dialogues/load-dialogue";
import { env } from "@/lib/env";
import { autonym } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { dialoguePaths, localized } from "@/lib/routes/paths";
import { redirectToSignIn } from "@/lib/routes/redirect";
import { failureCookieOf, readVoiceFailure } from "@/lib/voice/voice-upload";

type Props = {
  params: Promise<{ locale: string; municipality: string; dialogue: string; contributionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The refused post this page shows again, if its `failed` id names the route's cookie. */
async function failureOf(searchParams: Props["searchParams"]) {
  const [query, jar] = await Promise.all([searchParams, cookies()]);
  return readVoiceFailure(failureCookieOf(jar), typeof query.failed === "string" ? query.failed : undefined);
}

const isReply = async (searchParams: Props["searchParams"]) => typeof (await searchParams).parent === "string";

export async function generateMetadata({ searchParams }: Pick<Props, "searchParams">): Promise<Metadata> {
  const [t, failure, reply] = await Promise.all([getTranslations("voiceComment"), failureOf(searchParams), isReply(searchParams)]);
  const title = reply ? t("replyTitle") : t("pageTitle");
  if (!failure) return { title, robots: { index: false } };
  // After a refused post the title starts with "Error:", as on the voice need form.
  const [meta, feedback] = await Promise.all([getTranslations("meta"), getTranslations("feedback")]);
  return { title: { absolute: feedback("errorTitle", { title: meta("titleTemplate").replace("%s", title) }) }, robots: { index: false } };
}

/** "Say it instead" for a comment or a reply (decision 046): members who may comment here. */
export default async function VoiceCommentPage({ params, searchParams }: Props) {
  const [{ locale, municipality, dialogue: slug, contributionId }, query] = await Promise.all([params, searchParams]);
  if (!z.uuid().safeParse(contributionId).success) notFound();
  const viewer = await getViewer();
  const { dialogue, may } = (await loadPublishedDialogue(viewer, { municipalitySlug: municipality, dialogueSlug: slug })) ?? {};
  if (!dialogue || !may) notFound();
  const contribution = await getContribution({ contributionId, dialogueId: dialogue.id }, viewer?.id ?? null);
  if (!contribution) notFound();
  const paths = dialoguePaths(dialogue);
  const parentId = typeof query.parent === "string" && z.uuid().safeParse(query.parent).success ? query.parent : undefined;
  if (!viewer) redirectToSignIn(locale, paths.voiceComment(contributionId, parentId));
  const mayComment = may.comment;
  const [t, tv, failure] = await Promise.all([getTranslations("voiceComment"), getTranslations("voice"), failureOf(searchParams)]);
  const back = parentId ? paths.comment(contributionId, parentId) : paths.contribution(contributionId);
  return (
    <>
      <p className="text-sm">
        <Link href={back}>{t("back")}</Link>
      </p>
      <h1 className="mt-4 text-3xl">{parentId ? t("replyTitle") : t("pageTitle")}</h1>
      <p className="mt-2 break-words text-muted">
        {t("on")}{" "}
        <bdi className="font-semibold" lang={contribution.language} dir={direction(contribution.language)}>
          {contribution.title || tv("untitled")}
        </bdi>
      </p>
      {!mayComment ? (
        <p className="mt-6 rounded border-s-4 border-brand bg-surface p-3">{t("notPossible")}</p>
      ) : (
        <>
          <p className="mt-3 text-muted">{t("intro")}</p>
          <p className="mt-2 mb-6 text-sm text-muted">{tv("privacy", { days: env().VOICE_AUDIO_RETENTION_DAYS })}</p>
          <ClientMessages namespaces={["voice", "voiceComment"]} forms>
            <VoiceCommentForm
              postTo={localized(locale, paths.voiceCommentSend(contributionId))}
              initial={failure ?? IDLE}
              parentId={parentId}
              languages={contributionLanguages(dialogue.languages).map((code) => ({ value: code, label: autonym(code), lang: code, dir: direction(code) }))}
              defaultLanguage={contentLanguageOf(locale)}
            />
          </ClientMessages>
        </>
      )}
    </>
  );
}
