// Staff (and anyone who added an address) sign in with a link sent by e-mail: through a real
// SMTP server, in the person's language, with the token stored only hashed, the same answer
// for addresses nobody has, and a limit per address. The link is next-auth's e-mail callback,
// so the last tests follow it through next-auth itself.
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { NextApiRequest, NextApiResponse } from "next";
import { createTranslator } from "use-intl";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { startSmtpCatcher, type CaughtMail } from "@/tests/support/smtp-catcher";
import { runDueJobs } from "@/tests/support/jobs";

// lib/env.ts reads the environment once, on first use: set it before any lib module loads.
const smtp = await startSmtpCatcher();
const SECRET = "test-secret-for-email-links-0123456789abcdef";
const BASE_URL = "http://mitreden.test:3000";
process.env.SMTP_URL = smtp.url;
process.env.NEXTAUTH_SECRET = SECRET;
process.env.NEXTAUTH_URL = BASE_URL;
process.env.MAIL_FROM = "mitreden <noreply@mitreden.test>";

const { db } = await import("@/lib/db/client");
const { requestEmailLink, EMAIL_LINK_MAX_AGE_SECONDS } = await import("@/lib/auth/email-link");
const { authOptions } = await import("@/lib/auth/auth-options");
const { viewerForSessionToken } = await import("@/lib/auth/get-viewer");
const { default: NextAuth } = await import("next-auth");
const { createMunicipality, createUser, unique } = await import("@/tests/support/factories");
const { appErrorOf, context, invalidInputOf } = await import("@/tests/support/viewers");

afterAll(() => smtp.stop());

async function staffUser(locale: string) {
  const municipality = await createMunicipality();
  const user = await createUser({ email: `${unique("staff")}@stadt.example`, locale, perspective: "MUNICIPAL_STAFF" });
  await db.municipalityMembership.create({ data: { userId: user.id, municipalityId: municipality.id, role: "STAFF" } });
  return { ...user, email: user.email! };
}

const mailsTo = (address: string): CaughtMail[] => smtp.mails.filter((mail) => mail.to.includes(address.toLowerCase()));

function linkIn(mail: CaughtMail): URL {
  const found = mail.text.match(/https?:\/\/\S+/);
  if (!found) throw new Error(`no link in mail:\n${mail.text}`);
  return new URL(found[0]);
}

describe("requestEmailLink", () => {
  it("sends one mail in the person's language with a link to next-auth's e-mail callback", async () => {
    const staff = await staffUser("en");
    await requestEmailLink({ email: staff.email }, context()).then(() => runDueJobs());

    const mails = mailsTo(staff.email);
    expect(mails).toHaveLength(1);
    const [mail] = mails as [CaughtMail];
    expect(mail.from).toBe("noreply@mitreden.test");
    expect(mail.subject).toBe(en.mail.signIn.subject);
    expect(mail.text).toContain(en.mail.signIn.greeting);
    expect(mail.text).toContain(createTranslator({ locale: "en", messages: en })("mail.signIn.body", { minutes: EMAIL_LINK_MAX_AGE_SECONDS / 60 }));
    expect(mail.text).toContain(en.mail.signIn.ignore);

    const link = linkIn(mail);
    expect(`${link.origin}${link.pathname}`).toBe(`${BASE_URL}/api/auth/callback/email`);
    expect(link.searchParams.get("email")).toBe(staff.email);
    expect(link.searchParams.get("token")).toMatch(/^[0-9a-f]{64}$/);
    expect(link.searchParams.get("callbackUrl")).toBe(`${BASE_URL}/en`);
  });

  it("writes to a German-speaking person in German", async () => {
    const staff = await staffUser("de");
    await requestEmailLink({ email: staff.email }, context()).then(() => runDueJobs());
    const [mail] = mailsTo(staff.email);
    expect(mail?.subject).toBe(de.mail.signIn.subject);
    expect(mail?.text).toContain(createTranslator({ locale: "de", messages: de })("mail.signIn.body", { minutes: 30 }));
  });

  it("stores the token only as sha256(token + secret), as next-auth checks it, valid for 30 minutes", async () => {
    const staff = await staffUser("en");
    await requestEmailLink({ email: staff.email }, context()).then(() => runDueJobs());
    const token = linkIn(mailsTo(staff.email)[0]!).searchParams.get("token")!;

    const rows = await db.verificationToken.findMany({ where: { identifier: staff.email } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token).toBe(createHash("sha256").update(`${token}${SECRET}`).digest("hex"));
    expect(await db.verificationToken.count({ where: { token } })).toBe(0);
    const minutes = (rows[0]!.expires.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
  });

  it("takes the address in any case, with the space a phone keyboard adds", async () => {
    const staff = await staffUser("en");
    await requestEmailLink({ email: `${staff.email.toUpperCase()} ` }, context()).then(() => runDueJobs());
    expect(mailsTo(staff.email)).toHaveLength(1);
    expect(linkIn(mailsTo(staff.email)[0]!).searchParams.get("email")).toBe(staff.email);
  });

  it("sends nothing to an address no account has, and answers the same", async () => {
    const staff = await staffUser("en");
    const nobody = `${unique("nobody")}@stadt.example`;
    const mailsBefore = smtp.mails.length;
    const known = await requestEmailLink({ email: staff.email }, context());
    const unknown = await requestEmailLink({ email: nobody }, context());
    await runDueJobs();

    expect(unknown).toEqual(known);
    expect(smtp.mails.length).toBe(mailsBefore + 1);
    expect(mailsTo(nobody)).toHaveLength(0);
    expect(await db.verificationToken.count({ where: { identifier: nobody } })).toBe(0);
  });

  it("sends nothing to a deleted account", async () => {
    const user = await createUser({ email: `${unique("gone")}@stadt.example`, deletedAt: new Date() });
    await requestEmailLink({ email: user.email! }, context()).then(() => runDueJobs());
    expect(mailsTo(user.email!)).toHaveLength(0);
  });

  it("keeps a callback path on this site and ignores one that leaves it", async () => {
    const staff = await staffUser("en");
    await requestEmailLink({ email: staff.email, callbackPath: "/en/dialogues/mine" }, context()).then(() => runDueJobs());
    await requestEmailLink({ email: staff.email, callbackPath: "//evil.example/phish" }, context()).then(() => runDueJobs());
    const [kept, ignored] = mailsTo(staff.email).map((mail) => linkIn(mail).searchParams.get("callbackUrl"));
    expect(kept).toBe(`${BASE_URL}/en/dialogues/mine`);
    expect(ignored).toBe(`${BASE_URL}/en`);
  });

  it.each([
    ["a known address", async () => (await staffUser("en")).email, 5],
    ["an address nobody has", async () => `${unique("nobody")}@stadt.example`, 0],
  ] as const)("refuses the 6th request for %s within the hour, and says when to try again", async (_, addressOf, mails) => {
    const address = await addressOf();
    for (let request = 1; request <= 5; request++) await requestEmailLink({ email: address }, context()).then(() => runDueJobs());
    const limited = await appErrorOf(requestEmailLink({ email: address.toUpperCase() }, context()));
    expect(limited.code).toBe("RATE_LIMITED");
    expect(limited.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(mailsTo(address)).toHaveLength(mails);
  });

  it("refuses a malformed address before anything else", async () => {
    const error = await invalidInputOf(requestEmailLink({ email: "not an address" }, context()));
    expect(error.issues).toEqual([expect.objectContaining({ path: ["email"], message: "validation.email" })]);
  });
});

type NextAuthCall = { method: "GET" | "POST"; path: string[]; query?: Record<string, string>; body?: Record<string, string>; cookies?: Record<string, string> };

/** Calls next-auth's own handler (as app/api/auth/[...nextauth] does) and reports what it answered. */
async function callNextAuth({ method, path, query = {}, body = {}, cookies = {} }: NextAuthCall) {
  const headers: Record<string, string | string[]> = {};
  let status = 200;
  let sent: unknown;
  const req = { method, query: { nextauth: path, ...query }, cookies, headers: { host: new URL(BASE_URL).host }, body };
  const res = {
    status(code: number) {
      status = code;
      return res;
    },
    setHeader(name: string, value: string | string[]) {
      headers[name.toLowerCase()] = value;
      return res;
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
    end: () => res,
    send(value: unknown) {
      sent = value;
      return res;
    },
    json(value: unknown) {
      sent = value;
      return res;
    },
  };
  await NextAuth(req as unknown as NextApiRequest, res as unknown as NextApiResponse, authOptions());
  const setCookies = Object.fromEntries(
    ([] as string[]).concat(headers["set-cookie"] ?? []).map((cookie) => {
      const [pair = ""] = cookie.split(";");
      const at = pair.indexOf("=");
      return [pair.slice(0, at), decodeURIComponent(pair.slice(at + 1))];
    }),
  );
  return { status, location: headers.location as string | undefined, body: sent, cookies: setCookies };
}

async function followLink(link: URL) {
  const answer = await callNextAuth({ method: "GET", path: ["callback", "email"], query: Object.fromEntries(link.searchParams) });
  return { ...answer, sessionToken: answer.cookies["next-auth.session-token"] || undefined };
}

describe("following the link (next-auth's e-mail callback)", () => {
  it("signs in once: a new session for the account, the address confirmed, the token used up", async () => {
    const staff = await staffUser("en");
    await requestEmailLink({ email: staff.email }, context()).then(() => runDueJobs());
    const link = linkIn(mailsTo(staff.email)[0]!);

    const first = await followLink(link);
    expect(first.status).toBe(302);
    expect(first.location).toBe(`${BASE_URL}/en`);
    expect(first.sessionToken).toBeTruthy();
    const viewer = await viewerForSessionToken(first.sessionToken!);
    expect(viewer?.id).toBe(staff.id);
    expect(Object.values(viewer!.municipalityRoles)).toEqual([["STAFF"]]);
    expect((await db.user.findUniqueOrThrow({ where: { id: staff.id } })).emailVerified).toBeInstanceOf(Date);
    expect(await db.verificationToken.count({ where: { identifier: staff.email } })).toBe(0);

    const again = await followLink(link);
    expect(again.sessionToken).toBeUndefined();
    expect(again.location).toContain("error=Verification");
    expect(await db.session.count({ where: { userId: staff.id } })).toBe(1);
  });

  it("never creates an account: a link to an address that no account has any more signs nobody in", async () => {
    const staff = await staffUser("en");
    await requestEmailLink({ email: staff.email }, context()).then(() => runDueJobs());
    const link = linkIn(mailsTo(staff.email)[0]!);
    // The address moves away before the link is followed (done directly, as updateProfile would also drop the token).
    await db.user.update({ where: { id: staff.id }, data: { email: null } });

    const followed = await followLink(link);
    expect(followed.sessionToken).toBeUndefined();
    expect(await db.user.count({ where: { email: staff.email } })).toBe(0);
    expect(await db.session.count({ where: { userId: staff.id } })).toBe(0);
  });

  it("next-auth's own sign-in endpoint stores no token and sends nothing, even for a known address", async () => {
    const staff = await staffUser("en");
    const csrf = await callNextAuth({ method: "GET", path: ["csrf"] });
    const { csrfToken } = csrf.body as { csrfToken: string };
    const answer = await callNextAuth({
      method: "POST",
      path: ["signin", "email"],
      body: { csrfToken, email: staff.email },
      cookies: { "next-auth.csrf-token": csrf.cookies["next-auth.csrf-token"]! },
    });
    expect(answer.location).toContain("error=AccessDenied");
    expect(await db.verificationToken.count({ where: { identifier: staff.email } })).toBe(0);
    expect(mailsTo(staff.email)).toHaveLength(0);
  });

  it("refuses a link whose token was changed", async () => {
    const staff = await staffUser("en");
    await requestEmailLink({ email: staff.email }, context()).then(() => runDueJobs());
    const link = linkIn(mailsTo(staff.email)[0]!);
    link.searchParams.set("token", "0".repeat(64));
    const followed = await followLink(link);
    expect(followed.sessionToken).toBeUndefined();
    expect(await db.session.count({ where: { userId: staff.id } })).toBe(0);
  });
});
