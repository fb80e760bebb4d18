import createMiddleware from "next-intl/middleware";
import { defineRouting } from "next-intl/routing";
import { NextRequest, NextResponse } from "next/server";
import { preferredAliasedLocale, type AliasedLocale } from "@/lib/i18n/aliased-languages";
import { defaultLocale, negotiableLocales, routing } from "@/lib/i18n/routing";
import { contentSecurityPolicy, createNonce } from "@/lib/security/content-security-policy";
import { databaseAvailable } from "@/lib/health/database-gate";
import { exceededBodyLimit, forbiddenResponse, signedOutResponse, tooLargeResponse, unavailableResponse } from "@/lib/security/plain-pages";
import { isSameOrigin } from "@/lib/security/same-origin";
import { publicOrigin } from "@/lib/env";
import { chosenLanguage, LANGUAGE_COOKIE } from "@/lib/i18n/language-choice";
import { clearFlash, takeFlash } from "@/lib/flash/flash-proxy";
import { signInRedirect } from "@/lib/auth/sign-in-redirect";

// Puts the locale into every page URL: `/` and unprefixed paths are redirected to the
// language the browser asks for (Accept-Language), German when none of ours matches.
const withLocale = createMiddleware(routing);
// Negotiation sees only the languages a browser can ask for: next-intl tries longer tags
// first, so "de-CH" would otherwise match Einfache Sprache (de-simple) before German.
const negotiating = createMiddleware(
  defineRouting({ locales: negotiableLocales, defaultLocale, localePrefix: "always", localeCookie: false }),
);
// A browser asking for Dari or Kurmanji first goes to /prs or /kmr: the matcher above would
// answer CLDR's codes for them ("fa-AF", "ku"), which next-intl cannot map back and so sends to
// German (lib/i18n/aliased-languages.ts).
const negotiatingAliased: Record<AliasedLocale, ReturnType<typeof createMiddleware>> = {
  prs: createMiddleware(defineRouting({ locales: ["prs"], defaultLocale: "prs", localePrefix: "always", localeCookie: false })),
  kmr: createMiddleware(defineRouting({ locales: ["kmr"], defaultLocale: "kmr", localePrefix: "always", localeCookie: false })),
};

const KNOWN = new Set(routing.locales.map((locale) => locale.toLowerCase()));
const LOCALES: ReadonlySet<string> = new Set(routing.locales);

export default async function proxy(request: NextRequest) {
  // A nonce per request: on the request, Next.js reads it from the policy for its own scripts
  // (next-intl passes the request headers on); on the response, the browser enforces it.
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  // A confirmation left by a form post is shown by this page once, and its cookie cleared (lib/flash).
  const flash = takeFlash(request, headers);
  // Only the URL and headers: next-intl reads nothing else, and the body stays with Next.js.
  const forwarded = new NextRequest(request.url, { headers });

  const response = await respond(request, forwarded);
  response.headers.set("content-security-policy", policy);
  if (flash.clear) clearFlash(response);
  return response;
}

async function respond(request: NextRequest, forwarded: NextRequest): Promise<Response> {
  const { pathname } = request.nextUrl;
  // A form posted from another site (or a sandboxed frame, Origin "null"): 403 here, where
  // Next.js's action handler would answer 500. Without any Origin, the form wrapper refuses it
  // and says so in the form (lib/actions/form-action.ts).
  if (isForeignPost(request)) return forbiddenResponse(pathname);
  // A form post over the server-action limit: a clear 413 page instead of a crash.
  const exceeded = await exceededBodyLimit(request);
  if (exceeded !== null) return exceeded.signedOut ? signedOutResponse(pathname) : tooLargeResponse(pathname, exceeded.limit);
  // The database is away: a 503 page that says to wait, instead of an error page per request.
  if (!(await databaseAvailable())) return unavailableResponse(pathname);
  const first = pathname.split("/")[1]?.toLowerCase() ?? "";
  // A team or personal page opened signed out: to sign-in, and back afterwards (lib/auth/sign-in-redirect.ts).
  const signIn = signInRedirect(request, LOCALES);
  if (signIn) return NextResponse.redirect(new URL(signIn, request.url), 307);
  if (KNOWN.has(first)) return withLocale(forwarded);
  // A language chosen in the header before wins over the browser's (decision 036).
  const chosen = chosenLanguage(request.cookies.get(LANGUAGE_COOKIE)?.value);
  if (chosen) {
    const url = request.nextUrl.clone();
    url.pathname = `/${chosen}${pathname === "/" ? "" : pathname}`;
    return NextResponse.redirect(url, 307);
  }
  const aliased = preferredAliasedLocale(request.headers.get("accept-language"));
  return aliased ? negotiatingAliased[aliased](forwarded) : negotiating(forwarded);
}

function isForeignPost(request: NextRequest): boolean {
  if (request.method === "GET" || request.method === "HEAD") return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  return !isSameOrigin({ origin, host: request.headers.get("host"), forwardedHost: request.headers.get("x-forwarded-host"), publicOrigin: publicOrigin() });
}

export const config = {
  // Not the JSON API and health check, Next's own files, or anything with a file extension.
  // Their headers come from next.config.js.
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};
