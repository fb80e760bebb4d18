// The default rules every dialogue keeps until its host team writes its own: catalogue text
// (`codeOfConduct.defaultRules`), so they exist in every UI language the catalogues cover.
import { defaultLocale, locales, type AppLocale } from "@/lib/i18n/routing";

type Catalogue = { codeOfConduct?: { defaultRules?: unknown } };

async function rulesIn(locale: AppLocale): Promise<string | null> {
  const catalogue = (await import(`../../messages/${locale}.json`)).default as Catalogue;
  const rules = catalogue.codeOfConduct?.defaultRules;
  return typeof rules === "string" && rules.trim() ? rules : null;
}

export type DefaultRules = {
  text: string;
  /** The catalogue the text came from: the reader's locale, or German while it lacks them. */
  locale: AppLocale;
  /** The text's language for `lang` ("de" for Einfache Sprache). */
  language: string;
};

/** The default rules in the reader's UI language; in German while that catalogue lacks them. */
export async function defaultRules(locale: string): Promise<DefaultRules> {
  const wanted = (locales as readonly string[]).includes(locale) ? (locale as AppLocale) : defaultLocale;
  const text = await rulesIn(wanted);
  const from: AppLocale = text ? wanted : defaultLocale;
  return { text: text ?? (await rulesIn(defaultLocale))!, locale: from, language: from.split("-")[0]! };
}

/** Whether a text a host team posted is just the default rules of some catalogue (then NULL is stored). */
export async function isDefaultRulesText(text: string): Promise<boolean> {
  const normalised = normalise(text);
  for (const locale of locales) {
    const rules = await rulesIn(locale);
    if (rules && normalise(rules) === normalised) return true;
  }
  return false;
}

function normalise(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/[ \t]+$/gm, "").trim();
}
