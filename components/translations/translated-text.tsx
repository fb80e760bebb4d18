import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { languageName } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import type { UserTextFormat } from "@/lib/text/user-text-html";
import type { TranslationView } from "@/lib/translations/list-translations";
import { UserText } from "@/components/text/user-text";
import { TranslationLabel } from "./translation-note";

/**
 * A text (an answer, a moderation reason, a host's text) in the reader's language when a
 * translation into it exists: labelled (volunteer, machine, author; checked; outdated) with a
 * plain link to the original (`originalHref`, no JavaScript needed); with `showOriginal` the
 * original and the way back. Without a translation: the original, and `request` (a reader's
 * "machine-translate" button) when given. Each text carries its own lang and dir.
 */
export async function TranslatedText({
  original,
  translation,
  showOriginal = false,
  locale,
  originalHref,
  translationHref,
  format = "plain",
  className,
  testId,
  check,
  request,
}: {
  original: { body: string; language: string };
  translation: TranslationView | undefined;
  showOriginal?: boolean;
  locale: string;
  /** Plain links between the two; without them the original opens in a <details> below the translation. */
  originalHref?: string;
  translationHref?: string;
  format?: UserTextFormat;
  className?: string;
  testId?: string;
  check?: ReactNode;
  request?: ReactNode;
}) {
  const t = await getTranslations("translations");
  const text = (body: string, language: string) => (
    <UserText text={body} format={format} className={className} lang={language} dir={direction(language)} data-testid={testId} />
  );
  if (!translation) {
    return (
      <>
        {text(original.body, original.language)}
        {request}
      </>
    );
  }
  if (showOriginal && translationHref) {
    return (
      <>
        {text(original.body, original.language)}
        <p className="mt-1 text-sm">
          <a href={translationHref} className="font-semibold text-brand underline">
            {t("showTranslation", { language: languageName(translation.language, locale) })}
          </a>
        </p>
      </>
    );
  }
  return (
    <>
      {text(translation.body, translation.language)}
      {/* A <div>, not a <p>: `check` is a form, which a paragraph cannot hold (the browser would
          close the <p> before it, and React, finding another tree, render the whole page again). */}
      <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
        <TranslationLabel translation={translation} />
        {originalHref && (
          <a href={originalHref} className="font-semibold text-brand underline">
            {t("showOriginal", { language: languageName(original.language, locale) })}
          </a>
        )}
        {check}
      </div>
      {!originalHref && (
        <details className="mt-1 text-sm">
          <summary className="cursor-pointer font-semibold text-brand">{t("showOriginal", { language: languageName(original.language, locale) })}</summary>
          <div className="text-base">{text(original.body, original.language)}</div>
        </details>
      )}
    </>
  );
}
