// A participant confirms an address they added, through a mail that names the account and a
// button on our page; only then do sign-in links go to it. The link alone confirms nothing and
// signs nobody in, works once, and stops working when the address changes.
import { afterAll, describe, expect, it } from "vitest";
import { startSmtpCatcher } from "@/tests/support/smtp-catcher";
import { runDueJobs } from "@/tests/support/jobs";

const smtp = await startSmtpCatcher();
process.env.SMTP_URL = smtp.url;
process.env.NEXTAUTH_SECRET = "test-secret-for-email-confirmation-0123456789";
process.env.NEXTAUTH_URL = "http://mitreden.test";

const { db } = await import("@/lib/db/client");
const { confirmEmail, describeEmailConfirmation, requestEmailConfirmation } = await import("@/lib/accounts/email-confirmation");
const { updateProfile } = await import("@/lib/accounts/update-profile");
const { requestEmailLink } = await import("@/lib/auth/email-link");
const { createUser, unique } = await import("@/tests/support/factories");
const { generateSignInCode } = await import("@/lib/auth/sign-in-code");
const { appErrorOf, context, fieldKeys, viewerOf } = await import("@/tests/support/viewers");
const de = (await import("@/messages/de.json")).default;

afterAll(() => smtp.stop());

async function participantWithAddress() {
  const email = `${unique("teilnehmerin")}@example.org`;
  const user = await createUser({ email, locale: "de", displayName: "Samira", signInHandle: generateSignInCode().handle, signInCodeHash: "argon2-hash" });
  return { user, email, viewer: await viewerOf(user.id) };
}

function linkTo(email: string): URL {
  const mail = smtp.latestTo(email);
  if (!mail) throw new Error(`no mail to ${email}`);
  return new URL(mail.text.match(/https?:\/\/\S+/)![0]);
}

describe("confirming an added e-mail address", () => {
  it("sends a mail in the person's language that names the account, and the page confirms only on request", async () => {
    const { user, email, viewer } = await participantWithAddress();
    await requestEmailConfirmation(viewer, context()).then(() => runDueJobs());
    const mail = smtp.latestTo(email)!;
    expect(mail.subject).toBe(de.mail.confirmEmail.subject);
    expect(mail.text).toContain("„Samira“");
    const link = linkTo(email);
    expect(link.pathname).toBe("/de/account/confirm-email");
    const params = { user: link.searchParams.get("user")!, token: link.searchParams.get("token")! };

    // Opening the link (a mail scanner, a preview) changes nothing.
    expect(await describeEmailConfirmation(params)).toEqual({ displayName: "Samira", email });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeNull();

    const sessionsBefore = await db.session.count({ where: { userId: user.id } });
    await confirmEmail(params);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeInstanceOf(Date);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(sessionsBefore);

    // Once confirmed, the address receives sign-in links.
    const before = smtp.mails.length;
    await requestEmailLink({ email }, context()).then(() => runDueJobs());
    expect(smtp.mails.length).toBe(before + 1);
  });

  it("works once, and not with a wrong token or for another account", async () => {
    const { email, viewer } = await participantWithAddress();
    await requestEmailConfirmation(viewer, context()).then(() => runDueJobs());
    const link = linkTo(email);
    const params = { user: link.searchParams.get("user")!, token: link.searchParams.get("token")! };
    const other = await createUser();

    expect(fieldKeys(await appErrorOf(confirmEmail({ ...params, token: "0".repeat(64) })), "token")).toEqual(["errors.confirmation_invalid"]);
    expect(fieldKeys(await appErrorOf(confirmEmail({ ...params, user: other.id })), "token")).toEqual(["errors.confirmation_invalid"]);
    await confirmEmail(params);
    expect(fieldKeys(await appErrorOf(confirmEmail(params)), "token")).toEqual(["errors.confirmation_invalid"]);
    expect(await describeEmailConfirmation(params)).toBeNull();
  });

  it("stops working when the address changes before it is confirmed", async () => {
    const { user, email, viewer } = await participantWithAddress();
    await requestEmailConfirmation(viewer, context()).then(() => runDueJobs());
    const link = linkTo(email);
    await updateProfile(viewer, { displayName: "Samira", locale: "de", perspective: "NOT_STATED", email: `${unique("neu")}@example.org` });
    const params = { user: link.searchParams.get("user")!, token: link.searchParams.get("token")! };
    expect(await describeEmailConfirmation(params)).toBeNull();
    expect((await appErrorOf(confirmEmail(params))).code).toBe("INVALID_INPUT");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeNull();
  });

  it("needs a signed-in account with an address", async () => {
    expect((await appErrorOf(requestEmailConfirmation(null, context()))).code).toBe("UNAUTHENTICATED");
    const withoutAddress = await viewerOf((await createUser()).id);
    expect(fieldKeys(await appErrorOf(requestEmailConfirmation(withoutAddress, context())), "email")).toEqual(["validation.required"]);
  });
});
