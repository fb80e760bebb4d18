import type { ReactNode } from "react";
import { getLocale, getMessages } from "next-intl/server";
import { ClientTextsProvider } from "@/lib/i18n/client";
import { compiledNamespaces } from "@/lib/i18n/client-messages";
import type { AppLocale } from "@/lib/i18n/routing";

type Messages = Awaited<ReturnType<typeof getMessages>>;

/**
 * The catalogue namespaces a page's client components need (`useTranslations` from
 * lib/i18n/client.tsx), on top of the form messages the layout already sends (nested ones add
 * to their parent's). Only the named namespaces go along, compiled: every byte costs prepaid data.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly (keyof Messages)[]; children: ReactNode }) {
  const locale = (await getLocale()) as AppLocale;
  return (
    <ClientTextsProvider locale={locale} messages={await compiledNamespaces(locale, namespaces)}>
      {children}
    </ClientTextsProvider>
  );
}
