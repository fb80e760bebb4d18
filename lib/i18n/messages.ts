import compile from "icu-minify/compile";
import type { CompiledMessage } from "icu-minify/format";
import type { AppLocale } from "./routing";
import { defaultLocale } from "./routing";

type Messages = { [key: string]: string | Messages };

/** A catalogue whose every message is parsed (icu-minify's compiled form), for the server's formatting. */
export type CompiledCatalogue = { [key: string]: CompiledMessage | CompiledCatalogue };

async function importCatalogue(locale: AppLocale): Promise<Messages> {
  return (await import(`../../messages/${locale}.json`)).default as Messages;
}

function withFallback(fallback: Messages, messages: Messages): Messages {
  const merged: Messages = { ...fallback };
  for (const [key, value] of Object.entries(messages)) {
    const base = merged[key];
    merged[key] = typeof value === "object" && typeof base === "object" ? withFallback(base, value) : value;
  }
  return merged;
}

const loaded = new Map<AppLocale, Promise<Messages>>();

/**
 * The catalogue of `locale`. Volunteers translate a little at a time, so a key not yet
 * translated shows in German (the source) instead of as a raw key.
 */
export function loadMessages(locale: AppLocale): Promise<Messages> {
  // Every request asks for its catalogue: the merge is made once per language and process.
  let loading = loaded.get(locale);
  if (!loading) {
    loading = merged(locale);
    loaded.set(locale, loading);
    // A failed import is tried again by the next request, not remembered.
    loading.catch(() => loaded.delete(locale));
  }
  return loading;
}

async function merged(locale: AppLocale): Promise<Messages> {
  const messages = await importCatalogue(locale);
  if (locale === defaultLocale) return messages;
  return withFallback(await importCatalogue(defaultLocale), messages);
}

const compiledCatalogues = new Map<AppLocale, Promise<CompiledCatalogue>>();

/**
 * The catalogue of `locale` (German fallback included) with every message parsed once per
 * language and process (icu-minify, next-intl's own compiler; decision 078). The server formats
 * from these: `lib/i18n/request.ts` hands them to next-intl, whose formatter is aliased to its
 * format-only build (`use-intl/format-message` in next.config.js and vitest.config.ts), and
 * `translatorFor` formats them with icu-minify. Parsing an ICU message costs ~5× formatting a
 * parsed one, and next-intl's own cache of parsed messages lasts one request.
 */
export function loadCompiledMessages(locale: AppLocale): Promise<CompiledCatalogue> {
  let loading = compiledCatalogues.get(locale);
  if (!loading) {
    loading = loadMessages(locale).then(compileCatalogue);
    compiledCatalogues.set(locale, loading);
    loading.catch(() => compiledCatalogues.delete(locale));
  }
  return loading;
}

/** Every message of `messages` compiled; exported for the catalogue tests. */
export function compileCatalogue(messages: Messages): CompiledCatalogue {
  const out: CompiledCatalogue = {};
  for (const [key, value] of Object.entries(messages)) out[key] = typeof value === "string" ? compile(value) : compileCatalogue(value);
  return out;
}
