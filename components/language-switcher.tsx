"use client";

import { usePathname } from "next/navigation";

export type LanguageOption = { locale: string; name: string; dir: "ltr" | "rtl" };

/**
 * Plain links to the same page in every UI language, each named in itself. A client
 * component only to read the current path; the links are in the server-rendered HTML, so
 * they work without JavaScript.
 */
export function LanguageSwitcher({ label, current, languages }: { label: string; current: string; languages: LanguageOption[] }) {
  const pathname = usePathname() ?? "/";
  // Every page path starts with its locale: "/de/musterstadt/…" → "/musterstadt/…".
  const rest = pathname.replace(/^\/[^/]*/, "");
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {languages.map(({ locale, name, dir }) => (
          <li key={locale} lang={locale} dir={dir}>
            {locale === current ? (
              <span aria-current="true" className="font-bold underline decoration-2 underline-offset-4">
                {name}
              </span>
            ) : (
              <a href={`/${locale}${rest}`} hrefLang={locale} className="text-white">
                {name}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
