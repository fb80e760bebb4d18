import type { Metadata } from "next";
import type { ReactNode } from "react";
import { hasLocale } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { ErrorDocumentFallback } from "@/components/feedback/error-document-fallback";
import { FlashMessage } from "@/components/feedback/flash-message";
import { ClientMessages } from "@/components/identity/client-messages";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { RENDER_TOKEN_HEADER, submitFailed } from "@/lib/http/render-registry";
import { BASE_CLIENT_NAMESPACES } from "@/lib/i18n/client-messages";
import { direction, routing } from "@/lib/i18n/routing";
import "../globals.css";
import { localized, sitePaths } from "@/lib/routes/paths";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const [t, feedback, requestHeaders] = await Promise.all([getTranslations({ locale, namespace: "meta" }), getTranslations({ locale, namespace: "feedback" }), headers()]);
  // After a form post without JavaScript failed, every title starts with "Error:" (GOV.UK).
  const failed = submitFailed(requestHeaders.get(RENDER_TOKEN_HEADER));
  const title = (text: string) => (failed ? feedback("errorTitle", { title: text }) : text);
  return { title: { default: title(t("siteName")), template: title(t("titleTemplate")) }, description: t("description") };
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  const [t, meta, messages, requestHeaders] = await Promise.all([getTranslations("layout"), getTranslations("meta"), getMessages(), headers()]);
  return (
    <html lang={locale} dir={direction(locale)}>
      <body className="flex min-h-screen flex-col bg-white font-sans">
        {/* Of the catalogue, only what client components need goes along, compiled: every byte
            costs prepaid data (decision 040). Here the error page's; the form messages go with
            each page that renders a form (decision 085). */}
        <ClientMessages namespaces={BASE_CLIENT_NAMESPACES}>
          <ErrorDocumentFallback
            token={requestHeaders.get(RENDER_TOKEN_HEADER)}
            nonce={requestHeaders.get("x-nonce") ?? undefined}
            lang={locale}
            dir={direction(locale)}
            siteName={meta("siteName")}
            homeHref={localized(locale, sitePaths.home())}
            notFound={pick(messages.notFound)}
            failed={pick(messages.error)}
          />
          <a href="#main" className="skip-link bg-focus text-ink">
            {t("skipToContent")}
          </a>
          <SiteHeader />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-6">
            <FlashMessage />
            {children}
          </main>
          <SiteFooter />
        </ClientMessages>
      </body>
    </html>
  );
}

/** The not-found and error pages' sentences, for the document Next.js sends without them. */
function pick(section: unknown): { title: string; body: string; home: string } {
  const texts = section as Record<string, string>;
  return { title: texts.title ?? "", body: texts.body ?? "", home: texts.home ?? "" };
}
