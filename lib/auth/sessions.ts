import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

// Database sessions in next-auth's Session table and next-auth's cookie, so sessions made by the
// e-mail provider and by our code sign-in are one kind, shared by every app instance.

/** Staying signed in on one's own phone is long-lived. */
export const SESSION_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

export function secureCookies(): boolean {
  return env().NEXTAUTH_URL.startsWith("https://");
}

export function sessionCookieName(): string {
  return secureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** A new session (and session id) on every sign-in; the cookie is set on the response. */
export async function startSession(userId: string): Promise<void> {
  const sessionToken = randomBytes(32).toString("base64url");
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  await db.session.create({ data: { sessionToken, userId, expires } });
  (await cookies()).set(sessionCookieName(), sessionToken, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    expires,
  });
}

export async function currentSessionToken(): Promise<string | undefined> {
  return (await cookies()).get(sessionCookieName())?.value;
}

/** Signs out this device. */
export async function endSession(): Promise<void> {
  const token = await currentSessionToken();
  if (token) await db.session.deleteMany({ where: { sessionToken: token } });
  (await cookies()).delete(sessionCookieName());
}

/** Signs out every device of the account ("sign out everywhere"). */
export async function endAllSessions(userId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
  (await cookies()).delete(sessionCookieName());
}
