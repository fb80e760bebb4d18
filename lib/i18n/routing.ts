import { defineRouting } from "next-intl/routing";

// Adding a UI language: write messages/<code>.json (German is the source; missing keys fall
// back to German) and add the code here. Direction and the language's own name follow from
// the code.
// `de-simple` is Einfache Sprache (plain German). Its primary subtag is `de`, so <html lang>,
// Intl dates, numbers and plural rules all resolve to German. Its catalogue rewrites only the
// participant-facing namespaces; everything else falls back to German (catalogues.test.ts).
// Why not the private-use tag `de-x-simple`: a UI locale is also stored as a person's language
// and sent as a language tag, and the database (user_locale_format, …) and the zod schemas
// accept subtags of 2–8 characters only, so the singleton `x` would be refused. Why not
// next-intl's `prefixes` (`/einfach`): pages and server actions build paths as `/${locale}/…`,
// which a prefixed locale would leave; `/de-simple/…` works with all of them unchanged.
// Dari (`prs`), Pashto (`ps`), Kurmanji (`kmr`), Tigrinya (`ti`), Somali (`so`) and French (`fr`)
// are among the languages most spoken by people seeking protection in Germany (issue 13).
export const locales = ["de", "en", "ar", "fa", "prs", "ps", "uk", "tr", "ru", "kmr", "ti", "so", "fr", "de-simple"] as const;

/** Languages whose every key is translated; the catalogue test holds them to it. */
export const completeLocales = ["de", "en", "ar", "fa", "prs", "ps", "uk", "tr", "ru", "kmr", "ti", "so", "fr"] as const satisfies readonly AppLocale[];

export type AppLocale = (typeof locales)[number];

export const defaultLocale = "de" satisfies AppLocale;

export const routing = defineRouting({
  locales,
  defaultLocale,
  // The locale always sits in the URL, so a shared link opens in the language it was sent in.
  localePrefix: "always",
  // No cookie: on a shared phone the next person would inherit the last one's language. The
  // URL carries the choice, and `/` follows the browser's Accept-Language.
  localeCookie: false,
});

/**
 * What `/` redirects to follows only the languages a browser can name: nobody's browser asks
 * for Einfache Sprache, and "de-CH" must land in German, never there (proxy.ts).
 */
export const negotiableLocales = completeLocales;

// Scripts written right to left among the languages docs/design.md names, and their neighbours.
const RIGHT_TO_LEFT = new Set(["ar", "fa", "prs", "ps", "ur", "ckb", "he", "yi", "dv", "sd", "ug"]);

/** `rtl` for Arabic, Farsi/Dari, Pashto, …; `ltr` otherwise. Accepts BCP 47 tags like `fa-AF`. */
export function direction(locale: string): "ltr" | "rtl" {
  const language = locale.split("-")[0]?.toLowerCase() ?? "";
  return RIGHT_TO_LEFT.has(language) ? "rtl" : "ltr";
}
