import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { languageName } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import type { TranslationView } from "@/lib/translations/list-translations";
import { UserText } from "@/components/text/user-text";
import { TranslationLabel } from "./translation-note";

/**
 * A comment's words: in the reader's language when someone translated it, with the original
 * one click away in a <details> (works without JavaScript). Each text carries its own lang/dir.
 */
export async function TranslatedCommentBody({
  comment,
  translation,
  locale,
  check,
  translate,
}: {
  comment: { body: string; language: string };
  translation: TranslationView | undefined;
  locale: string;
  check?: ReactNode;
  translate?: ReactNode;
}) {
  const t = await getTranslations("translations");
  const original = (
    <UserText text={comment.body} className="mt-1" lang={comment.language} dir={direction(comment.language)} />
  );
  return (
    <>
      {translation ? (
        <>
          <UserText text={translation.body} className="mt-1" lang={translation.language} dir={direction(translation.language)} />
          {/* A <div>: `check` is a form, which a <p> cannot hold (see TranslatedText). */}
          <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
            <TranslationLabel translation={translation} />
            {check}
          </div>
          <details className="mt-1 text-sm">
            <summary className="cursor-pointer font-semibold text-brand">{t("showOriginal", { language: languageName(comment.language, locale) })}</summary>
            <div className="text-base">{original}</div>
          </details>
        </>
      ) : (
        original
      )}
      {translate}
    </>
  );
}
