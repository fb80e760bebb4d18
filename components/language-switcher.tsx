"use client";

import { usePathname } from "next/navigation";
import { chooseLanguagePath } from "@/lib/i18n/language-choice";
import { HeaderMenu } from "./header-menu";
import { localized, type Path } from "@/lib/routes/paths";

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
    <HeaderMenu
      testId="language-menu"
      icon="globe"
      summary={
        <>
          <span className="sr-only">{label}: </span>
          <span className="hidden sm:inline">{currentName}</span>
        </>
      }
      nav={{ label }}
      panelClassName="p-2 sm:w-56"
    >
      <ul className="space-y-0.5">
        {languages.map(({ locale, name, dir }) => (
          <li key={locale} lang={locale} dir={dir}>
            {locale === current ? (
              <span aria-current="true" className="block px-2 py-1.5 font-bold underline decoration-2 underline-offset-4">
                {name}
              </span>
            ) : (
              <a href={chooseLanguagePath(locale, localized(locale, (rest || "/") as Path))} hrefLang={locale} className="block rounded px-2 py-1.5 text-white hover:bg-white/15">
                {name}
              </a>
            )}
          </li>
        ))}
      </ul>
    </HeaderMenu>
  );
}

