import type { ReactNode } from "react";
import { getLocale, getMessages } from "next-intl/server";
import { cookies } from "next/headers";
import { SESSION_COOKIES } from "@/lib/auth/sign-in-redirect";
import { ClientTextsProvider } from "@/lib/i18n/client";
import { clientNamespaces, compiledNamespaces } from "@/lib/i18n/client-messages";
import type { AppLocale } from "@/lib/i18n/routing";

type Messages = Awaited<ReturnType<typeof getMessages>>;

/**
 * The catalogue namespaces a page's client components need (`useTranslations` from
 * lib/i18n/client.tsx), on top of what the layout already sends (nested ones add to their
 * parent's). Only the named namespaces go along, compiled: every byte costs prepaid data.
 *
 * The form messages travel with the layout's for a request with a session cookie, and otherwise
 * with each nested one (`clientNamespaces`): every client form stands inside a <ClientMessages>
 * of its page's, so a page without one, as a public page read without signing in, sends none
 * (decision 083). Both sides ask the same question (is there a session cookie?), so a form never
 * lacks them. A client form on a page without texts of its own takes `namespaces={[]}`.
 */
export async function ClientMessages({ namespaces, layout = false, children }: { namespaces: readonly (keyof Messages)[]; layout?: boolean; children: ReactNode }) {
  // The cookie, not the session behind it: no statement, and both sides read the same request.
  const [locale, jar] = await Promise.all([getLocale() as Promise<AppLocale>, cookies()]);
  const sent = clientNamespaces(namespaces, { layout, session: SESSION_COOKIES.some((name) => jar.has(name)) });
  return (
    <ClientTextsProvider locale={locale} messages={await compiledNamespaces(locale, sent)}>
      {children}
    </ClientTextsProvider>
  );
}
