import compile from "icu-minify/compile";
import type { CompiledMessage } from "icu-minify/format";
import type { CompiledMessages } from "./client";
import { loadMessages } from "./messages";
import type { AppLocale } from "./routing";

type RawMessages = { [key: string]: string | RawMessages };

/** The namespace every page's client components may use, which the layout sends: the error page's. */
export const BASE_CLIENT_NAMESPACES = ["error"] as const;

/**
 * The form messages every client form uses (its fields' problems, the error summary): ~3.8 KB
 * compiled in German. They go with the page's own <ClientMessages forms> where the page renders a
 * client form, whoever reads it, and never with the layout, so a page without a form (a public
 * page read without signing in) carries none (decisions 083, 085).
 */
export const FORM_CLIENT_NAMESPACES = ["validation", "errors", "feedback"] as const;

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
