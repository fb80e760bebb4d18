import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

// The digest's unsubscribe link carries the account id and an HMAC of it under the app secret:
// it works without signing in, for that one account only, and cannot be made up for another.
// It does not expire: an old mail's link should still switch the digest off.

const PURPOSE = "mitreden:digest-unsubscribe:v1:";

export function unsubscribeToken(userId: string): string {
  return createHmac("sha256", authSecret()).update(PURPOSE + userId).digest("base64url");
}

export function isValidUnsubscribeToken(userId: string, token: string): boolean {
  const expected = Buffer.from(unsubscribeToken(userId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
