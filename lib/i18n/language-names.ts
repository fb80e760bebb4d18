// Language names come from the runtime's CLDR data (Intl.DisplayNames), so a new UI
// language or a contribution written in Tigrinya needs no entry in any catalogue.

function capitalise(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

// UI languages that CLDR has no name for (it would say "Deutsch (SIMPLE)"). The name is the
// register's own, the same in every UI language, as autonyms are.
const OWN_NAMES: Record<string, string> = { "de-simple": "Einfache Sprache" };
// Autonyms CLDR gives too long: it files Kurmanji under `ku` as "kurdî (kurmancî)"; its
// speakers call it "Kurmancî".
const AUTONYMS: Record<string, string> = { ...OWN_NAMES, kmr: "Kurmancî" };

// Creating an Intl.DisplayNames costs ten times more than asking one; a list page names a
// language per item, so one instance per language is kept for the life of the process (a
// bounded number: autonyms are asked for the languages of stored dialogues).
const MAX_CACHED = 200;
const displayNames = new Map<string, Intl.DisplayNames>();

function namesIn(uiLocale: string): Intl.DisplayNames {
  let names = displayNames.get(uiLocale);
  if (!names) {
    names = new Intl.DisplayNames([uiLocale], { type: "language", fallback: "code" });
    if (displayNames.size < MAX_CACHED) displayNames.set(uiLocale, names);
  }
  return names;
}

// Asking one costs too (6 µs, and capitalising in the language's own rules): the header names 14
// languages and a list page one per item on every render, so each answer is kept as well, for the
// same bounded set of languages (measured with --cpu-prof: 1.7–1.9 % of a page render, issue 16).
const MAX_NAMES = 2000;
const named = new Map<string, string>();

function remembered(key: string, name: () => string): string {
  let value = named.get(key);
  if (value === undefined) {
    value = name();
    if (named.size < MAX_NAMES) named.set(key, value);
  }
  return value;
}

/** The language named in itself, as a language switcher shows it: "Deutsch", "English", "العربية". */
export function autonym(locale: string): string {
  const own = AUTONYMS[locale];
  if (own) return own;
  return remembered(`${locale}\u0000${locale}`, () => capitalise(namesIn(locale).of(locale) ?? locale, locale));
}

/** The name of `language` (BCP 47) in the UI language `uiLocale`: "Arabisch" in German. */
export function languageName(language: string, uiLocale: string): string {
  const own = OWN_NAMES[language];
  if (own) return own;
  try {
    return remembered(`${uiLocale}\u0000${language}`, () => capitalise(namesIn(uiLocale).of(language) ?? language, uiLocale));
  } catch {
    // A malformed tag in old data must not take the page down.
    return language;
  }
}
