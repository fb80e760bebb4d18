// Signed-out people who open a team, staff or personal page (a bookmark, a link in a mail, a tab
// left open until the session ran out) are sent to the sign-in page, which brings them back
// there afterwards (its callbackPath is checked to be a path on this site, lib/routes/local-path.ts).
// Only a convenience in the proxy: every one of these pages and their actions still ask the
// policy themselves and answer 404 to anyone without the right.
//
// Pure (no server-only modules): the proxy uses it.
import { localized, sitePaths } from "@/lib/routes/paths";

/** next-auth's session cookie, over http and https (lib/auth/sessions.ts). */
export const SESSION_COOKIES = ["next-auth.session-token", "__Host-next-auth.session-token", "__Secure-next-auth.session-token"];

const MUNICIPALITY_PAGES = new Set(["staff", "dashboard", "branding", "moderation", "actors", "dialogues", "overview"]);

/** Whether the page at this path (after the locale) is for signed-in people only. */
export function needsSignIn(segments: readonly string[]): boolean {
  const [first, second, third, fourth, fifth] = segments;
  if (segments.length === 1) return first === "account" || first === "notifications";
  if (second === undefined) return false;
  if (MUNICIPALITY_PAGES.has(second)) {
    if (second === "staff" || second === "dashboard" || second === "branding" || second === "overview") return true;
    if (second === "moderation") return segments.length === 2;
    if (second === "actors") return third === "manage" || fourth === "edit";
    if (second === "dialogues") return third === "new";
    return false;
  }
  // A dialogue's own pages: /<municipality>/<dialogue>/…
  switch (third) {
    case "manage":
    case "invitations":
    case "export":
    case "mediation":
    case "recorded":
    case "new":
      return true;
    case "moderation":
      return segments.length === 3; // the log is public
    case "responsibilities":
    case "meetings":
      return fourth === "manage";
    case "c":
      return fifth === "receipt";
    default:
      return false;
  }
}

type Request = {
  method: string;
  nextUrl: { pathname: string; search: string };
  cookies: { has(name: string): boolean };
};

/** The sign-in address to send this request to, or null when it may go on. */
export function signInRedirect(request: Request, locales: ReadonlySet<string>): string | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return null;
  const [locale, ...segments] = request.nextUrl.pathname.split("/").filter(Boolean);
  if (!locale || !locales.has(locale) || !needsSignIn(segments)) return null;
  const back = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  return localized(locale, sitePaths.signIn(back));
}
