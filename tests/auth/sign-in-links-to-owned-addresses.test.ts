// Fixes from the security review: an address a participant merely typed into their profile
// never receives sign-in links (so its real owner cannot "confirm" it for them and hand them a
// staff role), redirects stay on our origin, and the client address comes from the entry our
// own proxy added to X-Forwarded-For.
import { afterAll, describe, expect, it } from "vitest";
import { startSmtpCatcher } from "@/tests/support/smtp-catcher";
import { runDueJobs } from "@/tests/support/jobs";

const smtp = await startSmtpCatcher();
process.env.SMTP_URL = smtp.url;
process.env.NEXTAUTH_SECRET = "test-secret-for-security-fixes-0123456789";
process.env.NEXTAUTH_URL = "https://mitreden.test";

const { db } = await import("@/lib/db/client");
const { requestEmailLink, mayReceiveSignInLinks } = await import("@/lib/auth/email-link");
const { authOptions, sameSiteUrl } = await import("@/lib/auth/auth-options");
const { addressFrom } = await import("@/lib/auth/client-address");
const { sessionCookieName } = await import("@/lib/auth/sessions");
const { inviteStaff } = await import("@/lib/municipalities/invite-staff");
const { consume } = await import("@/lib/rate-limit");
const { createMunicipality, createUser, unique } = await import("@/tests/support/factories");
const { appErrorOf, context, fieldKeys, viewerOf } = await import("@/tests/support/viewers");

afterAll(() => smtp.stop());

const mailsTo = (address: string) => smtp.mails.filter((mail) => mail.to.includes(address));

describe("sign-in links go only to addresses the account owns", () => {
  it("sends none to an address a participant typed into their profile", async () => {
    const email = `${unique("kollegin")}@stadt.example`;
    await createUser({ email, signInHandle: "K7MQ", signInCodeHash: "argon2-hash", emailVerified: null });
    await requestEmailLink({ email }, context()).then(() => runDueJobs());
    expect(mailsTo(email)).toEqual([]);
    expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(0);
  });

  it("sends one to a confirmed address, and to an account staff created by e-mail", async () => {
    const confirmed = `${unique("bestaetigt")}@example.org`;
    await createUser({ email: confirmed, signInHandle: "K7MR", signInCodeHash: "argon2-hash", emailVerified: new Date() });
    const staffMade = `${unique("kollege")}@stadt.example`;
    await createUser({ email: staffMade });
    await requestEmailLink({ email: confirmed }, context()).then(() => runDueJobs());
    await requestEmailLink({ email: staffMade }, context()).then(() => runDueJobs());
    expect(mailsTo(confirmed)).toHaveLength(1);
    expect(mailsTo(staffMade)).toHaveLength(1);
  });

  it("lets next-auth sign in only such accounts, whatever token turns up", async () => {
    const email = `${unique("typed")}@stadt.example`;
    await createUser({ email, signInHandle: "K7MS", signInCodeHash: "argon2-hash", emailVerified: null });
    const signIn = authOptions().callbacks!.signIn!;
    const user = { id: "x", email, emailVerified: null };
    expect(await signIn({ user, account: null, email: { verificationRequest: false } })).toBe(false);
    expect(mayReceiveSignInLinks({ emailVerified: null, signInHandle: null })).toBe(true);
  });

  it("refuses to make an account staff through an address it never confirmed", async () => {
    const municipality = await createMunicipality();
    const staff = await createUser({ perspective: "MUNICIPAL_STAFF" });
    await db.municipalityMembership.create({ data: { userId: staff.id, municipalityId: municipality.id, role: "STAFF" } });
    const email = `${unique("claimed")}@stadt.example`;
    const participant = await createUser({ email, signInHandle: "K7MT", signInCodeHash: "argon2-hash", emailVerified: null });
    const error = await appErrorOf(
      inviteStaff(await viewerOf(staff.id), { municipalityId: municipality.id, email, displayName: "Kollegin", role: "STAFF" }, context()),
    );
    expect(fieldKeys(error, "email")).toEqual(["errors.email_unconfirmed"]);
    expect(await db.municipalityMembership.count({ where: { userId: participant.id } })).toBe(0);
  });

  it("grants the staff role even when the address may not get another mail right now", async () => {
    const municipality = await createMunicipality();
    const staff = await createUser({ perspective: "MUNICIPAL_STAFF" });
    await db.municipalityMembership.create({ data: { userId: staff.id, municipalityId: municipality.id, role: "STAFF" } });
    const email = `${unique("neu")}@stadt.example`;
    for (let i = 0; i < 5; i++) await consume("emailLinkPerAddress", email);
    const { userId } = await inviteStaff(
      await viewerOf(staff.id),
      { municipalityId: municipality.id, email, displayName: "Neue Kollegin", role: "STAFF" },
      context(),
    );
    expect(await db.municipalityMembership.count({ where: { userId, role: "STAFF" } })).toBe(1);
  });
});

describe("redirects after an e-mail link", () => {
  const base = "https://mitreden.test";
  it.each([
    ["/de/account", `${base}/de/account`],
    [`${base}/en`, `${base}/en`],
    ["https://mitreden.test.evil.example/x", base],
    ["https://mitreden.test@evil.example/x", base],
    ["//evil.example/x", base],
    ["/\\evil.example", base],
    ["javascript:alert(1)", base],
  ])("%s → %s", (url, expected) => {
    expect(sameSiteUrl(url, base)).toBe(expected);
  });
});

describe("client address", () => {
  const peer = "10.0.0.2";
  it.each([
    // No proxy (the default): only the connection counts, whatever the client writes.
    [{ peer: "203.0.113.7", forwardedFor: "6.6.6.6" }, 0, "203.0.113.7"],
    [{ peer: "203.0.113.7", forwardedFor: null }, 0, "203.0.113.7"],
    // One proxy: the entry it appended, not what the client claims before it.
    [{ peer, forwardedFor: "6.6.6.6, 203.0.113.7" }, 1, "203.0.113.7"],
    [{ peer, forwardedFor: "6.6.6.6, 203.0.113.7, 10.0.0.3" }, 2, "203.0.113.7"],
    [{ peer, forwardedFor: "203.0.113.7" }, 1, "203.0.113.7"],
    // Started without the peer hook: the last entry (Next.js's own) stands for the connection.
    [{ peer: null, forwardedFor: "6.6.6.6, 203.0.113.7" }, 1, "203.0.113.7"],
    [{ peer: null, forwardedFor: "203.0.113.7" }, 0, "203.0.113.7"],
    [{ peer: null, forwardedFor: null }, 1, null],
  ])("%o with %i hops → %s", (request, hops, expected) => {
    expect(addressFrom(request, hops)).toBe(expected);
  });

  it("cannot be chosen by rotating X-Forwarded-For when no proxy is configured", () => {
    const seen = new Set(Array.from({ length: 15 }, (_, i) => addressFrom({ peer: "198.51.100.9", forwardedFor: `192.0.2.${i}` }, 0)));
    expect([...seen]).toEqual(["198.51.100.9"]);
  });
});

it("uses a __Host- session cookie over https", () => {
  expect(sessionCookieName()).toBe("__Host-next-auth.session-token");
});
