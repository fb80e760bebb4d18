import type { ReactNode } from "react";
import { getLocale, getMessages } from "next-intl/server";
import { ClientTextsProvider } from "@/lib/i18n/client";
import { compiledNamespaces, FORM_CLIENT_NAMESPACES } from "@/lib/i18n/client-messages";
import type { AppLocale } from "@/lib/i18n/routing";

type Messages = Awaited<ReturnType<typeof getMessages>>;

/**
 * The catalogue namespaces a page's client components need (`useTranslations` from
 * lib/i18n/client.tsx), on top of what the layout already sends (nested ones add to their
 * parent's). Only the named namespaces go along, compiled: every byte costs prepaid data.
 *
 * `forms` adds the form messages (FORM_CLIENT_NAMESPACES), and only a page gives it: its own
 * <ClientMessages forms> stands around every client form it renders, whoever reads it, and a page
 * that renders none sends none (decision 085; tests/i18n/form-messages.test.ts holds every page to
 * it). The layout never sends them: it may be kept from a request made before signing in or out
 * in another tab, the page is rendered with the form.
 */
export async function ClientMessages({ namespaces, forms = false, children }: { namespaces: readonly (keyof Messages)[]; forms?: boolean; children: ReactNode }) {
  const sent = forms ? [...namespaces, ...FORM_CLIENT_NAMESPACES] : namespaces;
  // Nothing to add: no provider, no bytes (what is above it stays in force).
  if (sent.length === 0) return children;
  const locale = (await getLocale()) as AppLocale;
  return (
    <ClientTextsProvider locale={locale} messages={await compiledNamespaces(locale, sent)}>
      {children}
    </ClientTextsProvider>
  );
}
