import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ClientMessages } from "@/components/identity/client-messages";
import { OfflineContributionForm } from "@/components/on-behalf/offline-contribution-form";
import { getViewer } from "@/lib/auth/get-viewer";
import { contentLanguageOf } from "@/lib/contributions/create-contribution";
import { SELF_DECLARED_PERSPECTIVES } from "@/lib/perspectives/perspectives";
import { loadOfflineEntryPage } from "@/lib/pages/new-contribution-page";
import { autonym } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { getThemeNamer } from "@/lib/i18n/theme-names";
import { recordOfflineContributionAction } from "@/lib/actions/contributions/record-offline-contribution";
import { DialogueSubpageHeader } from "@/components/dialogues/dialogue-subpage-header";
import { placeOptions } from "@/components/districts/place-options";
import { listDistricts } from "@/lib/districts/list-districts";
import { dialoguePaths } from "@/lib/routes/paths";
import { redirectToSignIn } from "@/lib/routes/redirect";

type Props = { params: Promise<{ locale: string; municipality: string; dialogue: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("onBehalf");
  return { title: t("pageTitle"), robots: { index: false } };
}

export default async function OfflineContributionPage({ params }: Props) {
  const { locale, municipality, dialogue: slug } = await params;
  const viewer = await getViewer();
  const loaded = await loadOfflineEntryPage(viewer, { municipalitySlug: municipality, dialogueSlug: slug });
  if (!loaded) notFound();
  const { dialogue, form } = loaded;
  const paths = dialoguePaths(dialogue);
  if (!viewer) redirectToSignIn(locale, paths.newOffline);

  const [t, perspectives, themeName, format] = await Promise.all([
    getTranslations("onBehalf"),
    getTranslations("perspectives"),
    getThemeNamer(),
    getFormatter(),
  ]);
  const [post, districts] = await Promise.all([getTranslations("post"), listDistricts(dialogue.municipality.id)]);

  return (
    <>
      <DialogueSubpageHeader dialogue={dialogue} original back={{ href: paths.home, label: t("back") }} heading={t("pageTitle")} />
      {!form ? (
        <p className="mt-6 rounded border-s-4 border-brand bg-surface p-3">{t("notPossible")}</p>
      ) : (
        <>
          <p className="mt-3 mb-6 text-muted">{t("intro")}</p>
          <ClientMessages namespaces={["post", "onBehalf", "images"]}>
            <OfflineContributionForm
              action={recordOfflineContributionAction.bind(null, { locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug })}
              dialogueId={dialogue.id}
              themes={dialogue.themes.map((theme) => ({ value: theme.id, label: themeName(theme) }))}
              languages={form.languages.map((code) => ({ value: code, label: autonym(code), lang: code, dir: direction(code) }))}
              defaultLanguage={contentLanguageOf(locale)}
              meetings={form.meetings.map((meeting) => ({
                value: meeting.id,
                label: `${meeting.title} (${format.dateTime(meeting.startsAt, "day")})`,
              }))}
              perspectives={SELF_DECLARED_PERSPECTIVES.map((perspective) => ({ value: perspective, label: perspectives(perspective) }))}
              places={placeOptions(districts, { locale, fallbackLanguage: dialogue.languages[0] ?? "de", notSaid: post("placeNotSaid"), wholeTown: post("placeWholeTown") })}
            />
          </ClientMessages>
        </>
      )}
    </>
  );
}
