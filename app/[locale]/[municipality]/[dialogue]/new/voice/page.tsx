import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { RulesText } from "@/components/host-texts/rules-text";
import { VoiceForm } from "@/components/voice/voice-form";
import { getViewer } from "@/lib/auth/get-viewer";
import { contentLanguageOf } from "@/lib/contributions/create-contribution";
import { loadPostPage } from "@/lib/pages/new-contribution-page";
import { env } from "@/lib/env";
import { autonym } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { getThemeNamer } from "@/lib/i18n/theme-names";
import { cookies } from "next/headers";
import { IDLE } from "@/lib/actions/form-state";
import { failureCookieOf, readVoiceFailure } from "@/lib/voice/voice-upload";
import { dialoguePaths, localized, withQuery } from "@/lib/routes/paths";
import { redirectToSignIn } from "@/lib/routes/redirect";

type Props = {
  params: Promise<{ locale: string; municipality: string; dialogue: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ searchParams }: Pick<Props, "searchParams">): Promise<Metadata> {
  const [t, failure] = await Promise.all([getTranslations("voice"), failureOf(searchParams)]);
  if (!failure) return { title: t("pageTitle"), robots: { index: false } };
  // After a refused post, the title starts with "Error:" as after a failed server action's (the
  // layout's template cannot know: the route handler redirected here).
  const [meta, feedback] = await Promise.all([getTranslations("meta"), getTranslations("feedback")]);
  return { title: { absolute: feedback("errorTitle", { title: meta("titleTemplate").replace("%s", t("pageTitle")) }) }, robots: { index: false } };
}

/** The refused post this page shows again, if its `failed` id names the route's cookie. */
async function failureOf(searchParams: Props["searchParams"]) {
  const [query, jar] = await Promise.all([searchParams, cookies()]);
  return readVoiceFailure(failureCookieOf(jar), typeof query.failed === "string" ? query.failed : undefined);
}

export default async function NewVoiceContributionPage({ params, searchParams }: Props) {
  const [{ locale, municipality, dialogue: slug }, query] = await Promise.all([params, searchParams]);
  const viewer = await getViewer();
  const loaded = await loadPostPage(viewer, { municipalitySlug: municipality, dialogueSlug: slug }, locale, typeof query.rules === "string" ? query.rules : undefined);
  if (!loaded) notFound();
  const { dialogue, form } = loaded;
  const paths = dialoguePaths(dialogue);
  const kind = query.kind === "PROPOSAL" ? "PROPOSAL" : "NEED";
  if (!viewer) redirectToSignIn(locale, paths.newVoice);

  const [t, tp, themeName, failure] = await Promise.all([
    getTranslations("voice"),
    getTranslations("post"),
    getThemeNamer(),
    failureOf(searchParams),
  ]);

  return (
    <>
      <p className="text-sm">
        <Link href={paths.newContribution}>{t("back")}</Link>
      </p>
      <h1 className="mt-4 text-3xl">{t("pageTitle")}</h1>
      {!form ? (
        <p className="mt-6 rounded border-s-4 border-brand bg-surface p-3">{tp("notPossible")}</p>
      ) : (
        <>
          <p className="mt-3 text-muted">{t("intro")}</p>
          <p className="mt-2 mb-6 text-sm text-muted">{t("privacy", { days: env().VOICE_AUDIO_RETENTION_DAYS })}</p>
          <ClientMessages namespaces={["post", "voice", "images"]}>
            <VoiceForm
              postTo={localized(locale, paths.newVoiceSend)}
              initial={failure ?? IDLE}
              dialogueId={dialogue.id}
              kind={kind}
              themes={dialogue.themes.map((theme) => ({ value: theme.id, label: themeName(theme) }))}
              languages={form.languages.map((code) => ({ value: code, label: autonym(code), lang: code, dir: direction(code) }))}
              defaultLanguage={contentLanguageOf(locale)}
              codeOfConduct={
                form.codeOfConduct && (
                  <RulesText rules={form.codeOfConduct} pageLocale={locale} hrefFor={(language) => localized(locale, withQuery(paths.newVoice, { rules: language }))} />
                )
              }
            />
          </ClientMessages>
        </>
      )}
    </>
  );
}
