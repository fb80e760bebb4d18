import { createHmac, timingSafeEqual } from "node:crypto";

// A flash message — "your comment is published" — that survives the redirect after a form post,
// without JavaScript. The cookie carries only a key from this fixed list, an expiry and an HMAC:
// the page shows the catalogue sentence for the key, so nobody can make it show their own words
// or markup, and a cookie made elsewhere (or replayed after a minute) is dropped.
//
// Pure functions (no cookies, no headers), shared by the server actions (set), the proxy (read
// and clear on the next request) and the page (show). lib/flash/flash.ts holds the Next.js side.

/** The one name of the flash cookie. Caches of public pages must pass by any request carrying it. */
export const FLASH_COOKIE = "mitreden-flash";
/** The request header the proxy hands the checked flash to the page in; a client's own is dropped. */
export const FLASH_HEADER = "x-mitreden-flash";
/** Seconds a flash waits for the next page; a redirect is followed at once. */
export const FLASH_MAX_AGE = 60;

export const FLASH_KEYS = ["posted", "commented", "answered", "hidden"] as const;
export type FlashKey = (typeof FLASH_KEYS)[number];

const KNOWN = new Set<string>(FLASH_KEYS);

export function isFlashKey(value: unknown): value is FlashKey {
  return typeof value === "string" && KNOWN.has(value);
}

function signature(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(`flash:${payload}`).digest("base64url");
}

/** `key.expiresAt.signature` — ASCII only, safe in a cookie. */
export function signFlash(key: FlashKey, secret: string, now = Date.now()): string {
  const payload = `${key}.${Math.floor(now / 1000) + FLASH_MAX_AGE}`;
  return `${payload}.${signature(payload, secret)}`;
}

/** The key of a genuine, unexpired flash; null for anything else. */
export function readFlash(value: string | null | undefined, secret: string, now = Date.now()): FlashKey | null {
  if (!value || value.length > 200) return null;
  const parts = value.split(".");
  if (parts.length !== 3) return null;
  const [key, expiresAt, given] = parts as [string, string, string];
  if (!isFlashKey(key) || !/^\d{1,12}$/.test(expiresAt)) return null;
  const expected = Buffer.from(signature(`${key}.${expiresAt}`, secret));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  if (Number(expiresAt) * 1000 < now) return null;
  return key;
}
