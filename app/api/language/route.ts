import type { NextRequest } from "next/server";
import { setOwnLanguage } from "@/lib/accounts/set-own-language";
import { getViewer } from "@/lib/auth/get-viewer";
import { secureCookies } from "@/lib/auth/sessions";
import { chosenLanguage, LANGUAGE_COOKIE, LANGUAGE_COOKIE_MAX_AGE } from "@/lib/i18n/language-choice";
import { languageTarget } from "@/lib/i18n/language-target";

/**
 * The header's language links: remember the choice (a cookie; for a signed-in person also their
 * stored language) and go on to the same page in that language. A plain link, so it works
 * without JavaScript (decision 036).
 */
export async function GET(request: NextRequest): Promise<Response> {
  const locale = chosenLanguage(request.nextUrl.searchParams.get("to"));
  if (!locale) return new Response(null, { status: 303, headers: { Location: "/", "Cache-Control": "no-store" } });
  const target = languageTarget(locale, request.nextUrl.searchParams.get("next"));
  // Another site can link here too; it may change the cookie (the person sees the language and
  // changes it back), but only a choice made on our pages changes the stored language.
  if (request.headers.get("sec-fetch-site") === "same-origin") await setOwnLanguage(await getViewer(), locale);
  const cookie = [
    `${LANGUAGE_COOKIE}=${locale}`,
    "Path=/",
    `Max-Age=${LANGUAGE_COOKIE_MAX_AGE}`,
    "SameSite=Lax",
    "HttpOnly",
    ...(secureCookies() ? ["Secure"] : []),
  ].join("; ");
  return new Response(null, { status: 303, headers: { Location: target, "Set-Cookie": cookie, "Cache-Control": "no-store" } });
}
