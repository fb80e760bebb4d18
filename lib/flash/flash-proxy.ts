import { env } from "@/lib/env";
import { FLASH_COOKIE, FLASH_HEADER, readFlash } from "./flash-token";

// The proxy's part of the flash (lib/flash/flash.ts): without the server-only modules, which the
// proxy cannot load.

function secret(): string {
  const value = env().NEXTAUTH_SECRET;
  if (!value) throw new Error("NEXTAUTH_SECRET is not set (see README, Configuration).");
  return value;
}

type CookieSource = { cookies: { get(name: string): { value: string } | undefined } };

/**
 * On every page request: drops a flash header the client sent, passes a genuine flash cookie on
 * to the page, and says whether the response must clear the cookie.
 */
export function takeFlash(request: CookieSource, forwardedHeaders: Headers): { clear: boolean } {
  forwardedHeaders.delete(FLASH_HEADER);
  const value = request.cookies.get(FLASH_COOKIE)?.value;
  if (value === undefined) return { clear: false };
  if (readFlash(value, secret())) forwardedHeaders.set(FLASH_HEADER, value);
  return { clear: true };
}

/** The response that showed (or dropped) a flash: the cookie goes, and no cache keeps the page. */
export function clearFlash(response: Response): void {
  response.headers.append("set-cookie", `${FLASH_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
  response.headers.set("cache-control", "private, no-store");
}
