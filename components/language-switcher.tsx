"use client";

import { usePathname } from "next/navigation";
import { chooseLanguagePath } from "@/lib/i18n/language-choice";

export type LanguageOption = { locale: string; name: string; dir: "ltr" | "rtl" };

/**
 * The header's one language control: a disclosure (<details>, no JavaScript needed) holding
 * plain links to the same page in every UI language, each named in itself with its own lang and
 * dir. A link goes through /api/language, which remembers the choice. A client component only
 * to read the current path; everything is in the server-rendered HTML.
 */
export function LanguageSwitcher({ label, current, languages }: { label: string; current: string; languages: LanguageOption[] }) {
  const pathname = usePathname() ?? "/";
  // Every page path starts with its locale: "/de/musterstadt/…" → "/musterstadt/…".
  const rest = pathname.replace(/^\/[^/]*/, "");
  const currentName = languages.find((language) => language.locale === current)?.name ?? current;
  return (
    <details className="header-menu sm:relative" data-testid="language-menu">
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-1.5 rounded px-1.5 font-semibold text-white hover:bg-white/15 sm:px-2">
        <GlobeIcon />
        <span className="sr-only">{label}: </span>
        <span className="hidden sm:inline">{currentName}</span>
        <span aria-hidden="true" className="text-xs">▾</span>
      </summary>
      <nav aria-label={label} className="absolute inset-x-2 top-full z-30 mt-1 rounded border border-white/30 bg-brand-dark p-2 shadow-lg sm:start-auto sm:end-0 sm:w-56">
        <ul className="space-y-0.5">
          {languages.map(({ locale, name, dir }) => (
            <li key={locale} lang={locale} dir={dir}>
              {locale === current ? (
                <span aria-current="true" className="block px-2 py-1.5 font-bold underline decoration-2 underline-offset-4">
                  {name}
                </span>
              ) : (
                <a href={chooseLanguagePath(locale, `/${locale}${rest}`)} hrefLang={locale} className="block rounded px-2 py-1.5 text-white hover:bg-white/15">
                  {name}
                </a>
              )}
            </li>
          ))}
        </ul>
      </nav>
    </details>
  );
}

function GlobeIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <circle cx="12" cy="12" r="10" />
      <path d="M2 12h20M12 2a15 15 0 0 1 4 10 15 15 0 0 1-4 10 15 15 0 0 1-4-10 15 15 0 0 1 4-10z" />
    </svg>
  );
}
