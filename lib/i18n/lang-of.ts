// The `lang` and `dir` a text in another language carries inside a page (WCAG 3.1.2).
import { direction } from "./routing";

/**
 * `lang`, and `dir`, only where the text's differ from the page's: inside a page of the same
 * language they say nothing the page does not, and each would still be sent twice (the HTML and
 * the RSC payload) for every item of a list (decision 083). The page's language is its locale
 * as `<html lang>` carries it: a German text on a Plain German page (`de-simple`) says `lang="de"`,
 * or it would be read as Plain German.
 */
export function langOf(language: string, pageLocale: string): { lang?: string; dir?: "ltr" | "rtl" } {
  return {
    ...(pageLocale.toLowerCase() !== language.toLowerCase() ? { lang: language } : {}),
    ...(direction(pageLocale) !== direction(language) ? { dir: direction(language) } : {}),
  };
}
