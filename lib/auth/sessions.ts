import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { db } from "@/lib/db/client";
import { publicOrigin } from "@/lib/env";

// Database sessions in next-auth's Session table and next-auth's cookie, so sessions made by the
// e-mail provider and by our code sign-in are one kind, shared by every app instance. The
// functions that touch the database are separate from the ones that touch the cookie, which
// only exist inside a request.

/** Staying signed in on one's own phone is long-lived. */
export const SESSION_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

export type NewSession = { sessionToken: string; expires: Date };

export function secureCookies(): boolean {
  return publicOrigin().startsWith("https://");
}

/** `__Host-` over https: no sibling subdomain can plant it, and it is sent only to this host. */
export function sessionCookieName(): string {
  return secureCookies() ? "__Host-next-auth.session-token" : "next-auth.session-token";
}

/** A new session, with a new id, for every sign-in. */
export async function createSession(userId: string): Promise<NewSession> {
  const sessionToken = randomBytes(32).toString("base64url");
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  await db.session.create({ data: { sessionToken, userId, expires } });
  return { sessionToken, expires };
}

export async function deleteSession(sessionToken: string): Promise<void> {
  await db.session.deleteMany({ where: { sessionToken } });
}

/**
 * "Sign out everywhere": every session of the account ends, and with them every push device
 * (decision 031) — also one saved before devices belonged to a session — so a lost phone hears nothing more.
 */
export async function deleteAllSessions(userId: string): Promise<void> {
  await db.$transaction([db.pushSubscription.deleteMany({ where: { userId } }), db.session.deleteMany({ where: { userId } })]);
}

// --- inside a request -----------------------------------------------------------------------

/** Signs this device in with `session`, ending the session it had before, if any. */
export async function setSessionCookie(session: NewSession): Promise<void> {
  const previous = await currentSessionToken();
  if (previous && previous !== session.sessionToken) await deleteSession(previous);
  (await cookies()).set(sessionCookieName(), session.sessionToken, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    expires: session.expires,
  });
}

export async function currentSessionToken(): Promise<string | undefined> {
  return (await cookies()).get(sessionCookieName())?.value;
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(sessionCookieName());
}
