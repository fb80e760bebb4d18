import { getLocale, getTranslations } from "next-intl/server";
import { autonym } from "@/lib/i18n/language-names";
import { direction, routing } from "@/lib/i18n/routing";
import { LanguageSwitcher } from "./language-switcher";
import { Link } from "./link";

export async function SiteHeader() {
  const [locale, t, meta] = await Promise.all([getLocale(), getTranslations("layout"), getTranslations("meta")]);
  const languages = routing.locales.map((code) => ({ locale: code, name: autonym(code), dir: direction(code) }));
  return (
    <header className="bg-brand-dark text-white">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" aria-label={t("home")} className="text-2xl font-bold tracking-tight text-white no-underline">
          {meta("siteName")}
        </Link>
        <LanguageSwitcher label={t("languages")} current={locale} languages={languages} />
      </div>
    </header>
  );
}
