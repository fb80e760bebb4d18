import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { languageName } from "@/lib/i18n/language-names";
import type { TranslationView } from "@/lib/translations/list-translations";

/**
 * Who translated (a volunteer, a machine or the text's own author), who checked it, and whether the
 * original changed since, in the reader's language.
 */
export async function TranslationLabel({ translation }: { translation: TranslationView }) {
  const t = await getTranslations("translations");
  const made = { MACHINE: t("byMachine"), VOLUNTEER: t("byVolunteer"), AUTHOR: t("byAuthor") }[translation.method];
  const checked = translation.checked && (translation.checked.name ? t("checkedBy", { name: translation.checked.name }) : t("checkedByTeam"));
  return (
    <span data-testid="translation-label">
      {made}
      {checked && ` · ${checked}`}
      {translation.outdatedAt && (
        <>
          {" · "}
          <strong data-testid="translation-outdated">{t("outdated")}</strong>
        </>
      )}
    </span>
  );
}

/**
 * Above a translated contribution: what it is, a plain link to the original (one click, no
 * JavaScript needed), and the host team's "mark as checked".
 */
export async function TranslationNote({
  translation,
  originalLanguage,
  locale,
  originalHref,
  check,
}: {
  translation: TranslationView;
  originalLanguage: string;
  locale: string;
  originalHref: string;
  check?: ReactNode;
}) {
  const t = await getTranslations("translations");
  return (
    // A <div>: `check` is a form, which a <p> cannot hold (see TranslatedText).
    <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 rounded bg-surface px-3 py-2 text-sm">
      <TranslationLabel translation={translation} />
      <a href={originalHref} className="font-semibold text-brand underline">
        {t("showOriginal", { language: languageName(originalLanguage, locale) })}
      </a>
      {check}
    </div>
  );
}

/** Shown while the original is read although a translation exists: the way back to it. */
export async function OriginalNote({ translationLanguage, locale, translationHref }: { translationLanguage: string; locale: string; translationHref: string }) {
  const t = await getTranslations("translations");
  return (
    <p className="mt-2 rounded bg-surface px-3 py-2 text-sm">
      {t("readingOriginal")}{" "}
      <a href={translationHref} className="font-semibold text-brand underline">
        {t("showTranslation", { language: languageName(translationLanguage, locale) })}
      </a>
    </p>
  );
}
