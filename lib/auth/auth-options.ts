import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import type { AuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { authSecret } from "./secret";
import { EMAIL_LINK_MAX_AGE_SECONDS } from "./email-link";
import { SESSION_MAX_AGE_SECONDS, secureCookies, sessionCookieName } from "./sessions";
import { mayReceiveSignInLinks } from "./email-link";
import { isLocalPath } from "@/lib/routes/local-path";

function adapter(): Adapter {
  const prisma = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]) as Adapter;
  return {
    ...prisma,
    // Accounts come from invitations (a display name, no e-mail needed) or from staff adding a
    // colleague; an e-mail link never creates one. Links go only to existing addresses anyway.
    createUser: () => {
      throw new Error("accounts are not created through e-mail sign-in");
    },
  };
}

/**
 * next-auth handles the e-mail link's callback (token check, session, cookie) and the session
 * it starts is a row in Session, like the sessions of code sign-in (lib/auth/sessions.ts).
 * Links are requested through lib/auth/email-link.ts, which sends them in the person's language.
 */
export function authOptions(): AuthOptions {
  return {
    adapter: adapter(),
    secret: authSecret(),
    useSecureCookies: secureCookies(),
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS },
    providers: [
      EmailProvider({
        from: env().MAIL_FROM,
        maxAge: EMAIL_LINK_MAX_AGE_SECONDS,
        // Our own form sends the links; next-auth's sign-in endpoint is not used for that.
        sendVerificationRequest: async () => {},
      }),
    ],
    // next-auth's own pages (sign-in, sign-out, errors) are never shown: ours speak the
    // person's language.
    pages: { signIn: "/de/sign-in", signOut: "/de/sign-in", verifyRequest: "/de/sign-in", error: "/de/sign-in" },
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies() },
      },
    },
    callbacks: {
      // Links are sent by requestEmailLink only (limits, language): next-auth's own sign-in
      // endpoint stores no token. A link signs in an existing, not deleted account; refusing
      // here shows "access denied" instead of failing in createUser above.
      signIn: async ({ user, email }) => {
        if (email?.verificationRequest || !user.email) return false;
        const account = await db.user.findUnique({
          where: { email: user.email.toLowerCase() },
          select: { deletedAt: true, emailVerified: true, signInHandle: true },
        });
        return account !== null && account.deletedAt === null && mayReceiveSignInLinks(account);
      },
      redirect: ({ url, baseUrl }) => sameSiteUrl(url, baseUrl),
    },
  };
}

/**
 * Only to our own origin, whatever a link's callbackUrl says: a prefix check would let
 * `https://mitreden.de.evil.example` or `https://mitreden.de@evil.example` through.
 */
export function sameSiteUrl(url: string, baseUrl: string): string {
  if (isLocalPath(url)) return `${baseUrl}${url}`;
  try {
    return new URL(url).origin === new URL(baseUrl).origin ? url : baseUrl;
  } catch {
    return baseUrl;
  }
}
