import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { DialogueSubpageHeader } from "@/components/dialogues/dialogue-subpage-header";
import { placeOptions } from "@/components/districts/place-options";
import { getViewer } from "@/lib/auth/get-viewer";
import type { HostTextVersion } from "@/lib/host-texts/pick-host-text";
import { contentLanguageOf } from "@/lib/contributions/create-contribution";
import { loadPostPage } from "@/lib/pages/new-contribution-page";
import { dialoguePaths } from "@/lib/routes/paths";
import { redirectToSignIn } from "@/lib/routes/redirect";
import type { District } from "@/lib/districts/list-districts";
import { autonym } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { getThemeNamer } from "@/lib/i18n/theme-names";
import type { ContributionChoices } from "./contribution-fields";

// The frame of the pages on which a contribution is written: posting one's own (…/new), saying it
// (…/new/voice) and recording one on someone's behalf (…/new/offline), loaded by
// lib/pages/new-contribution-page.ts. Each page adds only its form and what is its own (issue 17,
// step 4; decisions 063 and 072).

/** Whose page: its texts (`back`, `pageTitle`, `intro`) come from this namespace. */
type Namespace = "post" | "voice" | "onBehalf";

/** Why the form is not there: a member's own post (written or said) or a recorder's entry. */
const NOT_POSSIBLE = { post: "post.notPossible", voice: "post.notPossible", onBehalf: "onBehalf.notPossible" } as const;

type PostPageProps = {
  params: Promise<{ locale: string; municipality: string; dialogue: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * The start of the pages on which a member writes or says their own contribution: the dialogue
 * and its form (a `rules` query picks the code of conduct's language), not found for a dialogue
 * that is not there, the sign-in page and back to `page` for someone not signed in.
 */
export async function openPostPage({ params, searchParams }: PostPageProps, page: "newContribution" | "newVoice") {
  const [{ locale, municipality, dialogue: slug }, query] = await Promise.all([params, searchParams]);
  const viewer = await getViewer();
  const loaded = await loadPostPage(viewer, { municipalitySlug: municipality, dialogueSlug: slug }, locale, typeof query.rules === "string" ? query.rules : undefined);
  if (!loaded) notFound();
  const paths = dialoguePaths(loaded.dialogue);
  if (!viewer) redirectToSignIn(locale, paths[page]);
  return { ...loaded, locale, query, paths };
}

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
  /** The districts to offer as places; none on the voice form (a voice message says where itself). */
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
 * The way back, the page's heading and the dialogue's title (`original`: the host team's own
 * words, on a page for the team), then either why it is not possible here or the page's intro,
 * its `note` and `children`.
 */
export async function NewContributionFrame({
  namespace,
  dialogue,
  back,
  original = false,
  possible,
  note,
  children,
}: {
  namespace: Namespace;
  dialogue: { title: string; languages: readonly string[]; versions: HostTextVersion[] };
  /** Where the way back leads: the dialogue's page, or from the voice page to the written form. */
  back: string;
  original?: boolean;
  possible: boolean;
  /** A smaller line under the intro (the voice page's: who hears the recording, how long it is kept). */
  note?: ReactNode;
  children: ReactNode;
}) {
  const [t, all] = await Promise.all([getTranslations(namespace), getTranslations()]);
  return (
    <>
      <DialogueSubpageHeader dialogue={dialogue} original={original} back={{ href: back, label: t("back") }} heading={t("pageTitle")} />
      {!possible ? (
        <p className="mt-6 rounded border-s-4 border-brand bg-surface p-3">{all(NOT_POSSIBLE[namespace])}</p>
      ) : (
        <>
          <p className={note ? "mt-3 text-muted" : "mt-3 mb-6 text-muted"}>{t("intro")}</p>
          {note && <p className="mt-2 mb-6 text-sm text-muted">{note}</p>}
          {children}
        </>
      )}
    </>
  );
}
