import type { TranslationMethod } from "@/lib/generated/prisma/enums";

// A translation as pages show it, and which one a reader sees: no database here, so a component
// can pick the version without reaching the loaders' queries (decision 038).

export type TranslationView = {
  id: string;
  language: string;
  title: string | null;
  summary: string | null;
  place: string | null;
  codeOfConduct: string | null;
  body: string;
  method: TranslationMethod;
  translatorId: string | null;
  /** Who checked it; null name when that account is gone. */
  checked: { name: string | null; at: Date } | null;
  /** Set when the original was edited after this was made: shown as such until saved or checked again. */
  outdatedAt: Date | null;
};

/** The one a reader is shown: in their language (one per language), when the text is not already in it. */
export function inReaderLanguage(list: TranslationView[] | undefined, originalLanguage: string, locale: string): TranslationView | undefined {
  if (originalLanguage === locale) return undefined;
  return list?.find((translation) => translation.language === locale);
}
