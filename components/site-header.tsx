import { getLocale, getTranslations } from "next-intl/server";
import { autonym } from "@/lib/i18n/language-names";
import { direction, routing } from "@/lib/i18n/routing";
import { SessionControls } from "./identity/session-controls";
import { LanguageSwitcher } from "./language-switcher";
import { Link } from "./link";

export async function SiteHeader() {
  const [locale, t, meta] = await Promise.all([getLocale(), getTranslations("layout"), getTranslations("meta")]);
  const languages = routing.locales.map((code) => ({ locale: code, name: autonym(code), dir: direction(code) }));
  return (
    // Not printed: a printed sign-in code page should hold the code, not the navigation.
    <header className="bg-brand-dark text-white print:hidden">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" aria-label={t("home")} className="text-2xl font-bold tracking-tight text-white no-underline">
          {meta("siteName")}
        </Link>
        <LanguageSwitcher label={t("languages")} current={locale} languages={languages} />
        <div className="flex w-full justify-end border-t border-white/30 pt-2">
          <SessionControls />
        </div>
      </div>
    </header>
  );
}
