import "server-only";
import { cookies, headers } from "next/headers";
import { authSecret } from "@/lib/auth/secret";
import { publicOrigin } from "@/lib/env";
import { flashNoted, noteFlash, RENDER_TOKEN_HEADER } from "@/lib/http/render-registry";
import { FLASH_COOKIE, FLASH_HEADER, FLASH_MAX_AGE, isFlashKey, readFlash, signFlash, type FlashKey } from "./flash-token";

export { FLASH_COOKIE, FLASH_HEADER, FLASH_KEYS, type FlashKey } from "./flash-token";

// The flash's way through a request (lib/flash/flash-token.ts says what it carries):
// a server action sets the cookie before it redirects; the proxy reads it on the next request,
// hands the checked value to the page in a request header, and clears the cookie in the same
// response, which is never cached (lib/flash/flash-proxy.ts); the layout shows the sentence
// (components/feedback/flash-message.tsx).

/** In a server action, before redirect(): the next page says `key`'s sentence once. */
export async function setFlash(key: FlashKey): Promise<void> {
  (await cookies()).set(FLASH_COOKIE, signFlash(key, authSecret()), {
    httpOnly: true,
    sameSite: "lax",
    secure: publicOrigin().startsWith("https:"),
    path: "/",
    maxAge: FLASH_MAX_AGE,
  });
  noteFlash((await headers()).get(RENDER_TOKEN_HEADER), key);
}

/**
 * After an action that set a flash and did not redirect (lib/actions/form-action.ts): the page
 * in this same answer shows it, so the cookie goes at once.
 */
export async function settleFlash(): Promise<void> {
  if (flashNoted((await headers()).get(RENDER_TOKEN_HEADER))) (await cookies()).delete(FLASH_COOKIE);
}

/** In a page: the flash of this request, checked again (the header might not come from the proxy). */
export async function currentFlash(): Promise<FlashKey | null> {
  const requestHeaders = await headers();
  const noted = flashNoted(requestHeaders.get(RENDER_TOKEN_HEADER));
  if (isFlashKey(noted)) return noted;
  return readFlash(requestHeaders.get(FLASH_HEADER), authSecret());
}
