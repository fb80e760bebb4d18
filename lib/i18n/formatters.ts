// `Intl` formatters kept per language and options for the life of the process (decision 078).
// Building one is the expensive part (`new Intl.DateTimeFormat` with a time zone ~111 µs, against
// a few µs to format with it); next-intl keeps its own for one request only. The options come
// from our code and catalogues (named formats, `{n, number}`, plural rules), never from a person,
// so the set stays small: a few per language.

type Options = Intl.DateTimeFormatOptions | Intl.NumberFormatOptions | Intl.PluralRulesOptions | undefined;

function memo<T>(make: (locale: string, options?: never) => T) {
  const made = new Map<string, T>();
  return (locales?: Intl.LocalesArgument, options?: Options): T => {
    const locale = String(locales);
    const key = options ? `${locale} ${JSON.stringify(options)}` : locale;
    let formatter = made.get(key);
    if (!formatter) {
      formatter = make(locale, options as never);
      made.set(key, formatter);
    }
    return formatter;
  };
}

/**
 * The formatters icu-minify's `format` asks for (`lib/i18n/translator.ts`), with the options it
 * passes: a message's date takes a named format of lib/i18n/dates.ts (the Gregorian calendar;
 * tests/i18n/server-texts.test.ts holds the catalogues to that).
 */
export const processFormatters = {
  getDateTimeFormat: memo((...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args)),
  getNumberFormat: memo((...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args)),
  getPluralRules: memo((...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args)),
};
