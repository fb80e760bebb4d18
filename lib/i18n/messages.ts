import type { AppLocale } from "./routing";
import { defaultLocale } from "./routing";

type Messages = { [key: string]: string | Messages };

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
