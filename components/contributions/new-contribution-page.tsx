import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DialogueSubpageHeader } from "@/components/dialogues/dialogue-subpage-header";
import { placeOptions } from "@/components/districts/place-options";
import type { HostTextVersion } from "@/lib/host-texts/pick-host-text";
import { contentLanguageOf } from "@/lib/contributions/create-contribution";
import type { District } from "@/lib/districts/list-districts";
import { autonym } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { getThemeNamer } from "@/lib/i18n/theme-names";
import type { ContributionChoices } from "./contribution-fields";

// The frame of the pages on which a contribution is written: posting one's own (…/new) and
// recording one on someone's behalf (…/new/offline), loaded by lib/pages/new-contribution-page.ts.
// Each page adds only its form and what is its own (issue 17, step 4).

/** Whose page: its texts (`back`, `pageTitle`, `notPossible`, `intro`) come from this namespace. */
type Namespace = "post" | "onBehalf";

export async function newContributionMetadata(namespace: Namespace): Promise<Metadata> {
  const t = await getTranslations(namespace);
  return { title: t("pageTitle"), robots: { index: false } };
}

/** What the contribution fields offer (contribution-fields.tsx), in the reader's language. */
export async function contributionChoices({
  dialogue,
  languages,
  districts,
  locale,
}: {
  dialogue: { id: string; languages: readonly string[]; themes: readonly { id: string; key: string | null; name: string }[] };
  /** The languages it may be written in (the loader's `form.languages`). */
  languages: readonly string[];
  districts: readonly District[];
  locale: string;
}): Promise<ContributionChoices> {
  const [themeName, t] = await Promise.all([getThemeNamer(), getTranslations("post")]);
  return {
    dialogueId: dialogue.id,
    themes: dialogue.themes.map((theme) => ({ value: theme.id, label: themeName(theme) })),
    languages: languages.map((code) => ({ value: code, label: autonym(code), lang: code, dir: direction(code) })),
    defaultLanguage: contentLanguageOf(locale),
    places: placeOptions(districts, { locale, fallbackLanguage: dialogue.languages[0] ?? "de", notSaid: t("placeNotSaid"), wholeTown: t("placeWholeTown") }),
  };
}

/**
 * The way back to the dialogue, the page's heading and the dialogue's title (`original`: the host
 * team's own words, on a page for the team), then either why it is not possible here or the
 * page's intro and `children`.
 */
export async function NewContributionFrame({
  namespace,
  dialogue,
  home,
  original = false,
  possible,
  children,
}: {
  namespace: Namespace;
  dialogue: { title: string; languages: readonly string[]; versions: HostTextVersion[] };
  /** The dialogue's page. */
  home: string;
  original?: boolean;
  possible: boolean;
  children: ReactNode;
}) {
  const t = await getTranslations(namespace);
  return (
    <>
      <DialogueSubpageHeader dialogue={dialogue} original={original} back={{ href: home, label: t("back") }} heading={t("pageTitle")} />
      {!possible ? (
        <p className="mt-6 rounded border-s-4 border-brand bg-surface p-3">{t("notPossible")}</p>
      ) : (
        <>
          <p className="mt-3 mb-6 text-muted">{t("intro")}</p>
          {children}
        </>
      )}
    </>
  );
}
