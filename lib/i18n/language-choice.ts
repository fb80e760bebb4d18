// The language a person chose in the header, remembered for the next visit to `/` (or any
// address without a language). Only an explicit choice sets it — a shared link in another
// language does not — so on a shared phone the next person gets the last person's *choice*,
// one tap from their own (decision 036).
import { locales, type AppLocale } from "./routing";
import { apiPaths, type Path, withQuery } from "@/lib/routes/paths";

export const LANGUAGE_COOKIE = "mitreden-language";
/** A year: a language choice rarely changes. */
export const LANGUAGE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export function chosenLanguage(value: string | undefined | null): AppLocale | null {
  return value && (locales as readonly string[]).includes(value) ? (value as AppLocale) : null;
}

/** The address of the header's link that chooses `locale` and goes on to `next` (a page in that language). */
export function chooseLanguagePath(locale: string, next: string): Path {
  return withQuery(apiPaths.language(), { to: locale, next });
}
