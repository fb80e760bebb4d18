// Pages proxy.ts answers by itself, in the person's language, before Next.js renders anything:
// - 403 for a form posted from another site (Next.js's own check would answer 500);
// - 413 for a form post over the server-action limit (Next.js would throw inside the action
//   handler and show the generic error page), judged from its Content-Length, or by counting
//   the bytes of a body sent without one (chunked); when it is over only for want of a running
//   session (photos, a recording), a page that says the person is no longer signed in;
// - 503 while the database is away (lib/health/database-gate.ts), with Retry-After.
import { RETRY_AFTER_SECONDS } from "@/lib/health/database-outage";
import { translatorFor } from "@/lib/i18n/translator";
import { defaultLocale, direction, locales } from "@/lib/i18n/routing";
import { localized, sitePaths } from "@/lib/routes/paths";
import { hasLiveSession } from "@/lib/auth/live-session";
import { carriesPhotos } from "./photo-actions";

/**
 * The largest request body a server action accepts: Next's default for
 * `experimental.serverActions.bodySizeLimit` (1 MB), held here for every path but the post form's
 * (below). Every text field is far below it (at most 5,000 characters), so only a mistake or an
 * attack reaches it.
 */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The voice comment form (decision 046): up to 5 MB of audio plus the fields, posted to its own
 * route handler (…/c/<id>/voice-comment/send), never to a server action — those keep 1 MB.
 */
export const VOICE_ACTION_BODY_LIMIT_BYTES = 6 * 1024 * 1024;
const VOICE_COMMENT_FORM = /^\/[^/]+\/[^/]+\/[^/]+\/c\/[^/]+\/voice-comment\/send\/?$/;

/**
 * The post form of a need or proposal with up to three photos of 8 MB each (decision 050), the
 * form of one entered on someone's behalf, and the edit form on a contribution's page that adds
 * photos to it (decision 055): server actions on pages that take up to 25 MB. Next.js's
 * `bodySizeLimit` (next.config.js) is one setting for every server action, so it is 25 MB, and
 * this proxy holds every other path to the limits above — and on these three pages grants more
 * than 1 MB only to a post that names one of the photo forms' actions (lib/security/photo-actions.ts):
 * a comment or a support posted there keeps 1 MB. The voice need form, a route handler
 * (…/new/voice/send), carries photos beside its recording (decision 061) and takes the same 25 MB.
 */
export const POST_FORM_BODY_LIMIT_BYTES = 25 * 1024 * 1024;
const POST_FORM = /^\/[^/]+\/[^/]+\/[^/]+\/(new|new\/offline|c\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/;
const VOICE_FORM = /^\/[^/]+\/[^/]+\/[^/]+\/new\/voice\/send\/?$/;

/**
 * The largest body a form post to this path may have (on a photo page: a photo form's post; more
 * than 1 MB anywhere only with a running session).
 */
export function actionBodyLimit(pathname: string): number {
  if (POST_FORM.test(pathname) || VOICE_FORM.test(pathname)) return POST_FORM_BODY_LIMIT_BYTES;
  return VOICE_COMMENT_FORM.test(pathname) ? VOICE_ACTION_BODY_LIMIT_BYTES : ACTION_BODY_LIMIT_BYTES;
}

function pathOf(request: { url?: string }): string {
  return request.url ? new URL(request.url, "http://localhost").pathname : "/";
}

/**
 * The body of a POST sent without Content-Length (Transfer-Encoding: chunked), read as it
 * arrives up to `limit`: null once it is over (at most the limit and one chunk are read).
 * Next.js keeps a copy of the body for the action handler (proxyClientMaxBodySize), so reading
 * it here takes nothing away.
 */
async function readUpTo(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(bytes);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

type Post = {
  method: string;
  headers: Headers;
  body: ReadableStream<Uint8Array> | null;
  url?: string;
  cookies: { get(name: string): { value: string } | undefined };
};

/**
 * Why a form post is refused for its size, or null: the limit it is over, judged from its
 * Content-Length or by counting a body sent without one, and whether it was over only because no
 * running session came with it (`signedOut`). More than 1 MB (to the voice forms and the photo
 * pages) only with a running session, looked up before any byte beyond the first MB is read
 * (decision 061: a made-up cookie gets 1 MB); on a photo page a post over 1 MB is read further
 * (carriesPhotos): 25 MB for a photo form's own post, 1 MB for everything else.
 */
export type Exceeded = { limit: number; signedOut: boolean };

const over = (limit: number, signedOut = false): Exceeded => ({ limit, signedOut });

export async function exceededBodyLimit(request: Post): Promise<Exceeded | null> {
  if (request.method !== "POST") return null;
  const pathname = pathOf(request);
  const limit = actionBodyLimit(pathname);
  const declared = request.headers.get("content-length");
  const length = declared === null ? null : Number(declared);
  if (length !== null && !Number.isFinite(length)) return null;
  if (length === null && !request.body) return null;
  if (length !== null) {
    if (length > limit) return over(limit);
    if (length <= ACTION_BODY_LIMIT_BYTES) return null;
  }
  // Over 1 MB, or not said: the rest only for someone signed in.
  // A person whose session ended while they wrote (or who signed out in another tab) is told so,
  // not that their text is too long.
  if (limit !== ACTION_BODY_LIMIT_BYTES && !(await hasLiveSession(request.cookies))) {
    const signedOut = over(ACTION_BODY_LIMIT_BYTES, true);
    if (length !== null) return signedOut;
    return (await readUpTo(request.body!, ACTION_BODY_LIMIT_BYTES)) === null ? signedOut : null;
  }
  if (!POST_FORM.test(pathname)) {
    if (length !== null) return null;
    return (await readUpTo(request.body!, limit)) === null ? over(limit) : null;
  }
  let body: Uint8Array | null = null;
  if (length === null) {
    body = await readUpTo(request.body!, limit);
    if (body === null) return over(limit);
  }
  if ((length ?? body!.byteLength) <= ACTION_BODY_LIMIT_BYTES) return null;
  const photos = await carriesPhotos(request, async () => body ?? (request.body ? readUpTo(request.body, limit) : null));
  return photos ? null : over(ACTION_BODY_LIMIT_BYTES);
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function localeOf(pathname: string): string {
  const first = pathname.split("/")[1] ?? "";
  return (locales as readonly string[]).find((l) => l.toLowerCase() === first.toLowerCase()) ?? defaultLocale;
}

/** A minimal page: no scripts, no inline styles (the page's CSP applies), one h1, a link on. */
function page(locale: string, title: string, body: string, link: string, href: string): string {
  return `<!doctype html>
<html lang="${locale}" dir="${direction(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head>
<body><main><h1>${escape(title)}</h1><p>${escape(body)}</p><p><a href="${escape(href)}">${escape(link)}</a></p></main></body>
</html>`;
}

/** A refused post's body is not read to its end: the connection closes after the answer. */
const REFUSED_BODY_HEADERS = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", connection: "close" };

/** 413 with a plain page in the person's language, naming the limit the post was over. */
export async function tooLargeResponse(pathname: string, limit: number): Promise<Response> {
  const locale = localeOf(pathname);
  const t = await translatorFor(locale, "security");
  return new Response(page(locale, t("tooLargeTitle"), t("tooLargeBody", { limit: `${limit / (1024 * 1024)} MB` }), t("back"), localized(locale, sitePaths.home())), {
    status: 413,
    headers: REFUSED_BODY_HEADERS,
  });
}

/**
 * 413 for a post over 1 MB to a form that takes more only with a running session, sent without
 * one: mostly a session that ended while the person wrote, or a sign-out in another tab. The page
 * says so in their language, how to keep what they wrote (the browser's back button usually
 * keeps the form), and links to sign in again and come back to the form.
 */
export async function signedOutResponse(pathname: string): Promise<Response> {
  const locale = localeOf(pathname);
  const t = await translatorFor(locale, "security");
  // Back to the form's page after signing in (as lib/auth/sign-in-redirect.ts, with the language):
  // /ar/…/new/voice/send → /ar/…/new/voice, /ar/…/c/<id>/voice-comment/send → /ar/…/c/<id>.
  const form = pathname.replace(/\/(voice-comment\/)?send\/?$/, "");
  return new Response(page(locale, t("signedOutTitle"), t("signedOutBody"), t("signInAgain"), localized(locale, sitePaths.signIn(form))), {
    status: 413,
    headers: REFUSED_BODY_HEADERS,
  });
}

/** 403 for a form posted from another site (proxy.ts): a plain page that says why. */
export async function forbiddenResponse(pathname: string): Promise<Response> {
  const locale = localeOf(pathname);
  const t = await translatorFor(locale, "security");
  return new Response(page(locale, t("forbiddenTitle"), t("forbiddenBody"), t("back"), localized(locale, sitePaths.home())), {
    status: 403,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

/** 503 while the database is away (lib/health/database-gate.ts): a plain page that says to wait. */
export async function unavailableResponse(pathname: string): Promise<Response> {
  const locale = localeOf(pathname);
  const t = await translatorFor(locale, "security");
  return new Response(page(locale, t("unavailableTitle"), t("unavailableBody"), t("retry"), pathname), {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "retry-after": String(RETRY_AFTER_SECONDS) },
  });
}
