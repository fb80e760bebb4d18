import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ClientMessages } from "@/components/identity/client-messages";
import { KindBadge } from "@/components/kind-badge";
import { Link } from "@/components/link";
import { MergeForm } from "@/components/contributions/merge-form";
import { getViewer } from "@/lib/auth/get-viewer";
import { contentLanguageOf } from "@/lib/contributions/create-contribution";
import { listMergeCandidates } from "@/lib/contributions/merge-contributions";
import { mergeContributionsAction } from "@/lib/actions/contributions/merge-contributions";
import { loadPublishedDialogue } from "@/lib/dialogues/load-dialogue";
import { isAppError } from "@/lib/errors";
import { direction } from "@/lib/i18n/routing";
import { dialoguePaths } from "@/lib/routes/paths";
import { redirectToSignIn } from "@/lib/routes/redirect";

type Props = { params: Promise<{ locale: string; municipality: string; dialogue: string; contributionId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("merge");
  return { title: t("title"), robots: { index: false } };
}

/** The host team merges a duplicate into another contribution of the dialogue (decision 051). */
export default async function MergePage({ params }: Props) {
  const { locale, municipality, dialogue: slug, contributionId } = await params;
  const viewer = await getViewer();
  const { dialogue } = (await loadPublishedDialogue(viewer, { municipalitySlug: municipality, dialogueSlug: slug })) ?? {};
  if (!dialogue) notFound();
  const paths = dialoguePaths(dialogue);
  if (!viewer) redirectToSignIn(locale, paths.merge(contributionId));
  const loaded = await listMergeCandidates(viewer, contributionId).catch((error: unknown) => {
    if (isAppError(error, "FORBIDDEN") || isAppError(error, "NOT_FOUND") || isAppError(error, "INVALID_INPUT")) return null;
    throw error;
  });
  if (!loaded) notFound();
  const [t, kinds] = await Promise.all([getTranslations("merge"), getTranslations("kinds")]);
  const { contribution, similar, others } = loaded;
  const option = (item: { id: string; title: string; kind: "NEED" | "PROPOSAL" }, language: string, similarOne: boolean) => ({
    value: item.id,
    label: `${similarOne ? `${t("similarMark")} · ` : ""}${kinds(item.kind)}: ${item.title}`,
    lang: language,
    dir: direction(language),
  });
  const candidates = [...similar.map((item) => option(item, item.titleLanguage, true)), ...others.map((item) => option(item, item.language, false))];
  const lang = { lang: contribution.language, dir: direction(contribution.language) };
  return (
    <>
      <p className="text-sm">
        <Link href={paths.contribution(contribution.id)}>{t("back")}</Link>
      </p>
      <h1 className="mt-4 text-3xl">{t("title")}</h1>
      <div className="mt-4 rounded border border-line p-3">
        <KindBadge kind={contribution.kind} />
        <p className="mt-2 text-lg font-semibold break-words" {...lang}>
          {contribution.title}
        </p>
      </div>
      <p className="mt-4">{t("intro")}</p>
      <ul className="mt-2 mb-6 list-disc space-y-1 ps-6 text-sm">
        <li>{t("rulesSupports")}</li>
        <li>{t("rulesMeetings")}</li>
        <li>{t("rulesVoices")}</li>
        <li>{t("rulesLog")}</li>
      </ul>
      {candidates.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ClientMessages namespaces={["merge"]} forms>
          <MergeForm
            action={mergeContributionsAction.bind(null, { locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug, contributionId: contribution.id })}
            mergedId={contribution.id}
            reasonLanguage={contentLanguageOf(locale)}
            candidates={candidates}
          />
        </ClientMessages>
      )}
    </>
  );
}
