import type { Metadata } from "next";
import type { ReactNode } from "react";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { direction, routing } from "@/lib/i18n/routing";
import "../globals.css";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: { default: t("siteName"), template: t("titleTemplate") }, description: t("description") };
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  const [t, messages] = await Promise.all([getTranslations("layout"), getMessages()]);
  return (
    <html lang={locale} dir={direction(locale)}>
      <body className="flex min-h-screen flex-col bg-white font-sans">
        {/* Links need the locale on the client. Of the catalogue, only what client components
            need goes along (the error page, form messages): every byte costs prepaid data. */}
        <NextIntlClientProvider messages={{ error: messages.error, validation: messages.validation, errors: messages.errors }}>
          <a href="#main" className="skip-link bg-focus text-ink">
            {t("skipToContent")}
          </a>
          <SiteHeader />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-6">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
