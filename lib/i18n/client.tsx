"use client";

// How client components get their texts (decision 040). next-intl's client provider and
// `useTranslations` carry an ICU parser and a formatting runtime (~12 KB gzipped on every page);
// here the server compiles the few namespaces a page's client components need
// (lib/i18n/client-messages.ts, through <ClientMessages>), and the browser only fills them in
// with icu-minify's formatter (under 1 KB). Client components import `useTranslations` and
// `useLocale` from here, never from "next-intl"; server components keep next-intl's.
import { createContext, useContext, type ReactNode } from "react";
import format, { type CompiledMessage } from "icu-minify/format";
import type { Messages, NamespaceKeys, NestedKeyOf, NestedValueOf, MessageKeys } from "use-intl";

export type CompiledMessages = { [key: string]: CompiledMessage | CompiledMessages };

type Texts = { locale: string; messages: CompiledMessages };

const TextsContext = createContext<Texts | null>(null);

/** Rendered by <ClientMessages> (components/identity/client-messages.tsx); nested ones add namespaces. */
export function ClientTextsProvider({ locale, messages, children }: Texts & { children: ReactNode }) {
  const parent = useContext(TextsContext);
  return <TextsContext.Provider value={{ locale, messages: parent ? { ...parent.messages, ...messages } : messages }}>{children}</TextsContext.Provider>;
}

function useTexts(): Texts {
  const texts = useContext(TextsContext);
  if (!texts) throw new Error("A client component asked for texts outside <ClientMessages> (lib/i18n/client.tsx).");
  return texts;
}

/** The page's language, as `useLocale` from next-intl gives it to server components. */
export function useLocale(): string {
  return useTexts().locale;
}

export type TranslationValues = Record<string, string | number | Date>;

type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;
type KeyIn<N extends Namespace> = MessageKeys<NestedValueOf<Messages, N>, NestedKeyOf<NestedValueOf<Messages, N>>>;

/**
 * next-intl's `useTranslations` for client components: `t(key, values)` with the same keys
 * (checked by the compiler), plural, select and number arguments. The namespace must be among
 * those the enclosing <ClientMessages> sends; a missing one shows the key (and logs an error).
 * Without a namespace, keys are full paths ("feedback.summaryTitle").
 */
export function useTranslations(): (key: string, values?: TranslationValues) => string;
export function useTranslations<N extends Namespace>(namespace: N): (key: KeyIn<N>, values?: TranslationValues) => string;
export function useTranslations(namespace?: string): (key: string, values?: TranslationValues) => string {
  const { locale, messages } = useTexts();
  return (key, values) => translate(messages, locale, namespace ? `${namespace}.${key}` : key, values);
}

const formatters = {
  getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
  getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args),
  getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args),
};

/** The text at `path` (dot-separated) of compiled messages, with `values` filled in. Exported for tests. */
export function translate(messages: CompiledMessages, locale: string, path: string, values?: TranslationValues): string {
  let node: CompiledMessage | CompiledMessages | undefined = messages;
  for (const part of path.split(".")) node = node && typeof node === "object" && !Array.isArray(node) ? node[part] : undefined;
  if (typeof node !== "string" && !Array.isArray(node)) {
    console.error(`Missing client text "${path}": add its namespace to <ClientMessages>.`);
    return path;
  }
  try {
    const text = format(node, locale, values, { formatters, timeZone: "Europe/Berlin" });
    return Array.isArray(text) ? text.join("") : String(text);
  } catch (error) {
    console.error(`Client text "${path}" could not be formatted:`, error);
    return path;
  }
}
