import { hasLocale, type Messages } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { locale as rootLocale } from "next/root-params";
import { FORMATS } from "./dates";
import { loadCompiledMessages } from "./messages";
import { defaultLocale, routing } from "./routing";

export default getRequestConfig(async ({ locale: explicit }) => {
  // `[locale]` is the root segment, so its value is a root param. An unknown value (a stray
  // `/robots.txt` lands there too) falls back to the default; the layout answers 404.
  const requested: unknown = explicit ?? (await rootLocale());
  const locale = hasLocale(routing.locales, requested) ? requested : defaultLocale;
  // Parsed once per language and process; next-intl's formatter is its format-only build
  // (the `use-intl/format-message` alias in next.config.js), which takes no ICU source (decision 078).
  const messages = (await loadCompiledMessages(locale)) as unknown as Messages;
  return { locale, messages, timeZone: "Europe/Berlin", formats: FORMATS };
});
