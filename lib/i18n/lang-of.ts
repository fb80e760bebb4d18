// The `lang` and `dir` a text in another language carries inside a page (WCAG 3.1.2).
import { contentLanguage } from "@/lib/host-texts/pick-host-text";
import { direction } from "./routing";

/**
 * `lang`, and `dir`, only where the text's differ from the page's: inside a page of the same
 * language they say nothing the page does not, and each would still be sent twice (the HTML and
 * the RSC payload) for every item of a list (decision 083).
 */
export function langOf(language: string, pageLocale: string): { lang?: string; dir?: "ltr" | "rtl" } {
  return {
    ...(contentLanguage(pageLocale) !== language ? { lang: language } : {}),
    ...(direction(pageLocale) !== direction(language) ? { dir: direction(language) } : {}),
  };
}
