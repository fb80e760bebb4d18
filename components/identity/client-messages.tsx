import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/**
 * The catalogue namespaces a client form needs, on top of the form messages the layout already
 * sends. A nested provider replaces its parent's messages, so those are repeated here; only the
 * named namespaces go along because every byte costs prepaid data.
 */
type Messages = Awaited<ReturnType<typeof getMessages>>;

export async function ClientMessages({ namespaces, children }: { namespaces: (keyof Messages)[]; children: ReactNode }) {
  const messages = await getMessages();
  const picked: Partial<Messages> = {};
  for (const namespace of ["error", "validation", "errors", "feedback", ...namespaces] as const) {
    Object.assign(picked, { [namespace]: messages[namespace] });
  }
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
