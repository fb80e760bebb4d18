import { z } from "zod";

/**
 * A path on this site, the only place a link from outside (a sign-in's way back, a language
 * choice, a notification, a push message) may send anyone: one leading "/", at most 2,048
 * characters, only printable ASCII without "\" (a control character or a raw non-ASCII letter
 * cannot stand in a Location header, and Next.js would answer 500). Its path part (before "?" or
 * "#") has no "//" anywhere (a browser reads "//" at the start as another host, and a path it
 * normalises can come to start with one), no dot segment ("/./", "/../", a trailing "/." or
 * "/..", also spelled "%2e", as browsers read them), and no encoded "/" or "\" ("%2F", "%5C") that
 * a layer decoding once would turn into either. The query may carry them encoded: a sign-in
 * path's own `?callbackPath=%2Fde%2F…`. Paths with other letters arrive percent-encoded, as
 * browsers send them. The service worker checks the same expression
 * (lib/push/service-worker-source.ts), so it stays one regular expression.
 */
export const LOCAL_PATH = /^(?=[!-[\]-~]{1,2048}$)(?![^?#]*(?:\/\/|\/(?:\.|%2[eE]){1,2}(?:[/?#]|$)|%2[fF]|%5[cC]))\/[!-[\]-~]*$/;

/** Whether `value` is a path on this site (LOCAL_PATH). */
export function isLocalPath(value: unknown): value is `/${string}` {
  return typeof value === "string" && LOCAL_PATH.test(value);
}

/** The local-path rule as a form field: anything else is dropped (the default place applies). */
export const localPathField = z.string().regex(LOCAL_PATH).transform((path) => path as `/${string}`).optional().catch(undefined);
