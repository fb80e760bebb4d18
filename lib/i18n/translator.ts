import { createTranslator, hasLocale } from "next-intl";
import { loadMessages } from "./messages";
import { defaultLocale, routing } from "./routing";

/**
 * A translator outside a request's locale: for e-mails and other messages sent to a person in
 * their own language, whatever language the sender uses.
 */
export async function translatorFor(locale: string, namespace: string) {
  const supported = hasLocale(routing.locales, locale) ? locale : defaultLocale;
  const messages = await loadMessages(supported);
  // Namespaces are checked by the catalogue test, not by the type system, for these.
  return createTranslator({ locale: supported, messages, namespace: namespace as never }) as unknown as (
    key: string,
    values?: Record<string, string | number>,
  ) => string;
}
