// A district's name for a reader: theirs when staff wrote one in it, else the municipality's.
// Pure, for pages and exports alike.
import { contentLanguage } from "@/lib/host-texts/pick-host-text";

export type DistrictNames = Record<string, string>;

/** The names column as stored: an object of language → name (CHECK district_names_object). */
export function namesOf(value: unknown): DistrictNames {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""));
}

/** The name to show in `locale`, with the language it is in (for `lang`). */
export function pickDistrictName(names: DistrictNames, locale: string, fallbackLanguage: string): { name: string; language: string } {
  const wanted = contentLanguage(locale);
  for (const language of [locale, wanted, fallbackLanguage]) {
    const name = names[language];
    if (name) return { name, language };
  }
  const [language, name] = Object.entries(names)[0] ?? [fallbackLanguage, "?"];
  return { name, language };
}
