import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PostForm } from "@/components/contributions/post-form";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { getViewer } from "@/lib/auth/get-viewer";
import { RulesText } from "@/components/host-texts/rules-text";
import { RulesTranslationOffer } from "@/components/host-texts/rules-translation-offer";
import { DialogueSubpageHeader } from "@/components/dialogues/dialogue-subpage-header";
import { loadPostPage } from "@/lib/pages/new-contribution-page";
import { autonym } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { contentLanguageOf } from "@/lib/contributions/create-contribution";
import { getThemeNamer } from "@/lib/i18n/theme-names";
import { createContributionAction } from "@/lib/actions/contributions/create-contribution";
import { placeOptions } from "@/components/districts/place-options";
import { listDistricts } from "@/lib/districts/list-districts";
import { dialoguePaths, localized, withQuery } from "@/lib/routes/paths";
import { redirectToSignIn } from "@/lib/routes/redirect";

type Props = {
  params: Promise<{ locale: string; municipality: string; dialogue: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("post");
  return { title: t("pageTitle"), robots: { index: false } };
}

export default async function NewContributionPage({ params, searchParams }: Props) {
  const [{ locale, municipality, dialogue: slug }, query] = await Promise.all([params, searchParams]);
  const viewer = await getViewer();
  const loaded = await loadPostPage(viewer, { municipalitySlug: municipality, dialogueSlug: slug }, locale, typeof query.rules === "string" ? query.rules : undefined);
  if (!loaded) notFound();
  const { dialogue, form } = loaded;
  const paths = dialoguePaths(dialogue);
  if (!viewer) redirectToSignIn(locale, paths.newContribution);

  const [t, themeName, districts] = await Promise.all([getTranslations("post"), getThemeNamer(), listDistricts(dialogue.municipality.id)]);

  return (
    <>
      <DialogueSubpageHeader dialogue={dialogue} back={{ href: paths.home, label: t("back") }} heading={t("pageTitle")} />
      {!form ? (
        <p className="mt-6 rounded border-s-4 border-brand bg-surface p-3">{t("notPossible")}</p>
      ) : (
        <>
          <p className="mt-3 mb-6 text-muted">{t("intro")}</p>
          <p className="mb-6 rounded border border-line bg-surface p-3">
            <Link href={paths.newVoice} className="font-semibold">
              {(await getTranslations("voice"))("sayInstead")}
            </Link>
            <span className="block text-sm text-muted">{(await getTranslations("voice"))("sayInsteadHint")}</span>
          </p>
          {form.codeOfConduct && (
            <RulesTranslationOffer rules={form.codeOfConduct} dialogueId={dialogue.id} signedIn locale={locale} returnPath={localized(locale, paths.newContribution)} />
          )}
          <ClientMessages namespaces={["post", "images", "similar", "kinds"]}>
            <PostForm
              action={createContributionAction.bind(null, { locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug })}
              page={{ locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug }}
              dialogueId={dialogue.id}
              themes={dialogue.themes.map((theme) => ({ value: theme.id, label: themeName(theme) }))}
              languages={form.languages.map((code) => ({ value: code, label: autonym(code), lang: code, dir: direction(code) }))}
              defaultLanguage={contentLanguageOf(locale)}
              places={placeOptions(districts, { locale, fallbackLanguage: dialogue.languages[0] ?? "de", notSaid: t("placeNotSaid"), wholeTown: t("placeWholeTown") })}
              codeOfConduct={
                form.codeOfConduct && (
                  <RulesText rules={form.codeOfConduct} pageLocale={locale} hrefFor={(language) => localized(locale, withQuery(paths.newContribution, { rules: language }))} />
                )
              }
            />
          </ClientMessages>
        </>
      )}
    </>
  );
}
