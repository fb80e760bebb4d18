import { getLocale, getTranslations } from "next-intl/server";
import { autonym } from "@/lib/i18n/language-names";
import { direction, routing } from "@/lib/i18n/routing";
import { SessionControls } from "./identity/session-controls";
import { LanguageSwitcher } from "./language-switcher";
import { Link } from "./link";

/**
 * One row on a 360 px phone: the site's name, the language disclosure and the person's controls
 * (e2e/person-uses-compact-header.spec.ts holds it to one row in ltr and rtl).
 */
export async function SiteHeader() {
  const [locale, t, meta] = await Promise.all([getLocale(), getTranslations("layout"), getTranslations("meta")]);
  const languages = routing.locales.map((code) => ({ locale: code, name: autonym(code), dir: direction(code) }));
  return (
    // Not printed: a printed sign-in code page should hold the code, not the navigation.
    <header className="bg-brand-dark text-white print:hidden" data-testid="site-header">
      <div className="mx-auto flex max-w-3xl flex-nowrap items-center gap-x-1 px-2 py-1 sm:px-4">
        <Link href="/" aria-label={t("home")} className="me-auto shrink-0 text-xl font-bold tracking-tight text-white no-underline sm:text-2xl">
          {meta("siteName")}
        </Link>
        <LanguageSwitcher label={t("languages")} current={locale} languages={languages} />
        <SessionControls />
      </div>
    </header>
  );
}
