import format, { type CompiledMessage } from "icu-minify/format";
import { hasLocale } from "next-intl";
import { FORMATS } from "./dates";
import { processFormatters } from "./formatters";
import { type CompiledCatalogue, loadCompiledMessages } from "./messages";
import { defaultLocale, routing } from "./routing";

/**
 * A translator outside a request's locale: for e-mails and other messages sent to a person in
 * their own language, whatever language the sender uses. It formats the catalogue parsed once per
 * language and process with icu-minify, as the browser does (decision 040) and next-intl does on
 * the server (decision 078); it runs in the worker and scripts too, outside the Next.js bundle.
 */
export async function translatorFor(locale: string, namespace: string) {
  const supported = hasLocale(routing.locales, locale) ? locale : defaultLocale;
  const messages = await loadCompiledMessages(supported);
  // Namespaces are checked by the catalogue test, not by the type system, for these.
  return (key: string, values?: Record<string, string | number>): string => {
    const path = `${namespace}.${key}`;
    const message = resolve(messages, path);
    if (message === undefined) {
      // As next-intl's translator answered a missing key: the path, and an error in the log.
      console.error(`MISSING_MESSAGE: Could not resolve \`${path}\` in messages for locale \`${supported}\`.`);
      return path;
    }
    const text = format(message, supported, values, { formatters: processFormatters, formats: FORMATS, timeZone: "Europe/Berlin" });
    return Array.isArray(text) ? text.join("") : String(text);
  };
}

function resolve(messages: CompiledCatalogue, path: string): CompiledMessage | undefined {
  let node: CompiledMessage | CompiledCatalogue | undefined = messages;
  for (const part of path.split(".")) node = node && typeof node === "object" && !Array.isArray(node) ? node[part] : undefined;
  return typeof node === "string" || Array.isArray(node) ? node : undefined;
}
