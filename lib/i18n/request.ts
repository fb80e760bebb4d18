import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { locale as rootLocale } from "next/root-params";
import { FORMATS } from "./dates";
import { loadMessages } from "./messages";
import { defaultLocale, routing } from "./routing";

export default getRequestConfig(async ({ locale: explicit }) => {
  // `[locale]` is the root segment, so its value is a root param. An unknown value (a stray
  // `/robots.txt` lands there too) falls back to the default; the layout answers 404.
  const requested: unknown = explicit ?? (await rootLocale());
  const locale = hasLocale(routing.locales, requested) ? requested : defaultLocale;
  return { locale, messages: await loadMessages(locale), timeZone: "Europe/Berlin", formats: FORMATS };
});
