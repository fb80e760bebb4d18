import { getTranslations } from "next-intl/server";
import type { ShownRules } from "@/lib/host-texts/code-of-conduct";
import { languageName } from "@/lib/i18n/language-names";
import { langOf } from "@/lib/i18n/lang-of";
import { LanguageLinks } from "./host-text";

/**
 * The rules a person is asked to accept, in the version picked for them (lib/host-texts/code-of-conduct.ts),
 * with what the form posts back about them: their language and version, which the server checks
 * are still the ones shown (`codeOfConductLanguage`, `codeOfConductVersion`).
 */
export async function RulesText({ rules, pageLocale, hrefFor }: { rules: ShownRules; pageLocale: string; hrefFor?: (language: string) => string }) {
  const t = await getTranslations("codeOfConduct");
  const hostTexts = await getTranslations("hostTexts");
  const made = rules.source === "volunteer" ? hostTexts("byVolunteer") : rules.source === "machine" ? hostTexts("byMachine") : null;
  const others = hrefFor ? rules.languages.filter((language) => language !== rules.language) : [];
  return (
    <>
      <input type="hidden" name="codeOfConductLanguage" value={rules.recordLanguage} />
      <input type="hidden" name="codeOfConductVersion" value={rules.version} />
      {rules.untranslated && (
        <p role="note" className="mb-2 rounded border-s-4 border-brand bg-white p-2 font-semibold" data-testid="rules-untranslated">
          {t("untranslated", { language: languageName(rules.language, pageLocale) })}
        </p>
      )}
      {(made || rules.outdated) && (
        <p className="mb-2 text-sm text-muted">{[made, rules.outdated ? hostTexts("outdated") : null].filter(Boolean).join(" · ")}</p>
      )}
      <div {...langOf(rules.language, pageLocale)} className="space-y-2" data-testid="rules-text">
        {rules.text.split(/\n\s*\n/).map((paragraph, index) => (
          <p key={index} className="whitespace-pre-line break-words">
            {paragraph.trim()}
          </p>
        ))}
      </div>
      {others.length > 0 && (
        <p className="mt-2 text-sm">
          {t("readIn")}{" "}
          <LanguageLinks languages={others} hrefFor={hrefFor!} />
        </p>
      )}
    </>
  );
}
