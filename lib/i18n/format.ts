import { _createCache, _createIntlFormatters, createFormatter, useLocale } from "next-intl";
import { getLocale } from "next-intl/server";
import { FORMATS } from "./dates";
import type { AppLocale } from "./routing";

// next-intl's `getFormatter`/`useFormatter` with the same named formats and time zone as the
// request config (lib/i18n/request.ts), but with `Intl` formatters kept for the process, not for
// one request (next-intl's cache is React's `cache`): `new Intl.DateTimeFormat` with a time zone
// costs ~111 µs, formatting with a made one a few µs (decision 078). The options are our named
// formats and the code's own, never a person's, so the set stays small.
const intl = _createIntlFormatters(_createCache());

export type Formatter = ReturnType<typeof createFormatter>;

const formatters = new Map<string, Formatter>();

/** The formatter of `locale`, made once per language and process. */
export function formatterFor(locale: AppLocale): Formatter {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = createFormatter({ locale, formats: FORMATS, timeZone: "Europe/Berlin", _formatters: intl });
    formatters.set(locale, formatter);
  }
  return formatter;
}

/** For async server components, in place of next-intl's `getFormatter()`. */
export async function getFormatter(): Promise<Formatter> {
  return formatterFor((await getLocale()) as AppLocale);
}

/** For server components that render synchronously, in place of next-intl's `useFormatter()`. */
export function useFormatter(): Formatter {
  return formatterFor(useLocale() as AppLocale);
}
