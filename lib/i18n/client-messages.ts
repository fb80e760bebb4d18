import compile from "icu-minify/compile";
import type { CompiledMessage } from "icu-minify/format";
import type { CompiledMessages } from "./client";
import { loadMessages } from "./messages";
import type { AppLocale } from "./routing";

type RawMessages = { [key: string]: string | RawMessages };

/** The namespace every page's client components may use: the error page's. */
export const BASE_CLIENT_NAMESPACES = ["error"] as const;

/**
 * The form messages every client form uses (its fields' problems, the error summary): ~3.8 KB
 * compiled in German. The layout sends them on every page to a reader with a session, who meets
 * forms everywhere; to anyone else they go along with a page's own client texts (a nested
 * <ClientMessages>), so a public page read without a form carries none (decision 083).
 */
export const FORM_CLIENT_NAMESPACES = ["validation", "errors", "feedback"] as const;

/**
 * What a <ClientMessages> sends: the layout's the error page's, a page's own its `namespaces`;
 * the form messages the layout's when the request has a session cookie, a page's own when not.
 * Every client form stands inside a page's own <ClientMessages> (its namespace), so a form always
 * has them, once, and a page without one read without a session carries none.
 */
export function clientNamespaces(namespaces: readonly string[], { layout, session }: { layout: boolean; session: boolean }): string[] {
  const withForms = layout ? session : !session;
  return [...(layout ? BASE_CLIENT_NAMESPACES : []), ...namespaces, ...(withForms ? FORM_CLIENT_NAMESPACES : [])];
}

const compiled = new Map<string, CompiledMessages>();

/**
 * The named namespaces of `locale`'s catalogue, compiled for lib/i18n/client.tsx: the browser
 * gets parsed messages and needs no ICU parser. Compiled once per language and namespace.
 */
export async function compiledNamespaces(locale: AppLocale, namespaces: readonly string[]): Promise<CompiledMessages> {
  const picked: CompiledMessages = {};
  let catalogue: RawMessages | undefined;
  for (const namespace of namespaces) {
    const key = `${locale}:${namespace}`;
    let entry = compiled.get(key);
    if (!entry) {
      catalogue ??= (await loadMessages(locale)) as RawMessages;
      const section = catalogue[namespace];
      if (typeof section !== "object") throw new Error(`No namespace "${namespace}" in the catalogue.`);
      entry = compileAll(section);
      compiled.set(key, entry);
    }
    picked[namespace] = entry;
  }
  return picked;
}

function compileAll(messages: RawMessages): CompiledMessages {
  const out: CompiledMessages = {};
  // Through JSON: icu-minify builds plural and select branches as null-prototype objects, which
  // React refuses to pass to a client component.
  for (const [key, value] of Object.entries(messages)) out[key] = typeof value === "string" ? (JSON.parse(JSON.stringify(compile(value))) as CompiledMessage) : compileAll(value);
  return out;
}
