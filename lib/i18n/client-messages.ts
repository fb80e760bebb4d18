import compile from "icu-minify/compile";
import type { CompiledMessage } from "icu-minify/format";
import type { CompiledMessages } from "./client";
import { loadMessages } from "./messages";
import type { AppLocale } from "./routing";

type RawMessages = { [key: string]: string | RawMessages };

/** Namespaces every page's client components may use: the error page and form messages. */
export const BASE_CLIENT_NAMESPACES = ["error", "validation", "errors", "feedback"] as const;

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
