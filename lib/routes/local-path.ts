import { z } from "zod";

/**
 * A path on this site, the only place a link from outside (a sign-in's way back, a language
 * choice, a notification, a push message) may send anyone: one leading "/" and no "//" or "/\"
 * that browsers would read as another host; only printable ASCII without "\" (a control character
 * or a raw non-ASCII letter cannot stand in a Location header, and Next.js would answer 500).
 * Paths with other letters arrive percent-encoded, as browsers send them. The service worker
 * checks the same expression (lib/push/service-worker-source.ts).
 */
export const LOCAL_PATH = /^\/(?![/\\])[!-[\]-~]*$/;

/** Whether `value` is a path on this site (LOCAL_PATH). */
export function isLocalPath(value: unknown): value is `/${string}` {
  return typeof value === "string" && LOCAL_PATH.test(value);
}

/** The local-path rule as a form field: anything else is dropped (the default place applies). */
export const localPathField = z.string().regex(LOCAL_PATH).transform((path) => path as `/${string}`).optional().catch(undefined);
