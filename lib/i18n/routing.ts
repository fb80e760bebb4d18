import { defineRouting } from "next-intl/routing";

// Adding a UI language: write messages/<code>.json (German is the source; missing keys fall
// back to German) and add the code here. Direction and the language's own name follow from
// the code.
export const locales = ["de", "en", "ar", "fa", "uk", "tr", "ru"] as const;

export type AppLocale = (typeof locales)[number];

export const defaultLocale: AppLocale = "de";

export const routing = defineRouting({
  locales,
  defaultLocale,
  // The locale always sits in the URL, so a shared link opens in the language it was sent in.
  localePrefix: "always",
  // No cookie: on a shared phone the next person would inherit the last one's language. The
  // URL carries the choice, and `/` follows the browser's Accept-Language.
  localeCookie: false,
});

// Scripts written right to left among the languages DESIGN.md names, and their neighbours.
const RIGHT_TO_LEFT = new Set(["ar", "fa", "prs", "ps", "ur", "ckb", "he", "yi", "dv", "sd", "ug"]);

/** `rtl` for Arabic, Farsi/Dari, Pashto, …; `ltr` otherwise. Accepts BCP 47 tags like `fa-AF`. */
export function direction(locale: string): "ltr" | "rtl" {
  const language = locale.split("-")[0]?.toLowerCase() ?? "";
  return RIGHT_TO_LEFT.has(language) ? "rtl" : "ltr";
}
