import { getLocale, getTranslations } from "next-intl/server";
import { autonym } from "@/lib/i18n/language-names";
import { direction, routing } from "@/lib/i18n/routing";
import { SessionControls } from "./identity/session-controls";
import { LanguageSwitcher } from "./language-switcher";
import { Link } from "./link";
import { sitePaths } from "@/lib/routes/paths";

// The same 14 names on every page: made once, not per render.
const LANGUAGES = routing.locales.map((code) => ({ locale: code, name: autonym(code), dir: direction(code) }));

/**
 * One row on a 360 px phone: the site's name, the language disclosure and the person's controls
 * (e2e/person-uses-compact-header.spec.ts holds it to one row in ltr and rtl).
 */
export async function SiteHeader() {
  const [locale, t, meta] = await Promise.all([getLocale(), getTranslations("layout"), getTranslations("meta")]);
  return (
    // Not printed: a printed sign-in code page should hold the code, not the navigation.
    <header className="bg-brand-dark text-white print:hidden" data-testid="site-header">
      <div className="relative mx-auto flex max-w-3xl flex-nowrap items-center gap-x-1 px-2 py-1 sm:px-4">
        {/* On a phone the speech bubble of the site's icon stands for its name (which stays the
            link's name), so that "Sign in" and "I have a code" fit beside it in every language. */}
        <Link href={sitePaths.home()} aria-label={t("home")} className="me-auto flex min-h-11 shrink-0 items-center gap-2 text-2xl font-bold tracking-tight text-white no-underline">
          <svg aria-hidden="true" focusable="false" width="32" height="32" viewBox="6 6 20 20" className="sm:hidden">
            <path d="M7 9.5A2.5 2.5 0 0 1 9.5 7h13A2.5 2.5 0 0 1 25 9.5v8a2.5 2.5 0 0 1-2.5 2.5H15l-5 4.5V20h-.5A2.5 2.5 0 0 1 7 17.5z" fill="currentColor" />
            <circle cx="12" cy="13.5" r="1.5" className="fill-brand-dark" />
            <circle cx="16" cy="13.5" r="1.5" className="fill-brand-dark" />
            <circle cx="20" cy="13.5" r="1.5" className="fill-brand-dark" />
          </svg>
          <span className="hidden sm:inline">{meta("siteName")}</span>
        </Link>
        <LanguageSwitcher label={t("languages")} current={locale} languages={LANGUAGES} />
        <SessionControls />
      </div>
    </header>
  );
}
