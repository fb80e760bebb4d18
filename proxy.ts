import createMiddleware from "next-intl/middleware";
import { defineRouting } from "next-intl/routing";
import type { NextRequest } from "next/server";
import { defaultLocale, negotiableLocales, routing } from "@/lib/i18n/routing";

// Puts the locale into every page URL: `/` and unprefixed paths are redirected to the
// language the browser asks for (Accept-Language), German when none of ours matches.
const withLocale = createMiddleware(routing);
// Negotiation sees only the languages a browser can ask for: next-intl tries longer tags
// first, so "de-CH" would otherwise match Einfache Sprache (de-simple) before German.
const negotiating = createMiddleware(
  defineRouting({ locales: negotiableLocales, defaultLocale, localePrefix: "always", localeCookie: false }),
);

const KNOWN = new Set(routing.locales.map((locale) => locale.toLowerCase()));

export default function proxy(request: NextRequest) {
  const first = request.nextUrl.pathname.split("/")[1]?.toLowerCase() ?? "";
  return KNOWN.has(first) ? withLocale(request) : negotiating(request);
}

export const config = {
  // Not the JSON API and health check, Next's own files, or anything with a file extension.
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};
