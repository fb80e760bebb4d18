import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";
import { consume } from "@/lib/rate-limit";
import { translatorFor } from "@/lib/i18n/translator";
import { enqueue } from "@/lib/jobs/job-queue";
import { QUEUES } from "@/lib/jobs/queues";
import { authSecret } from "./secret";
import { emailAddress } from "./email-address";
import { localPathField } from "@/lib/routes/local-path";
import { apiPaths, localized, sitePaths } from "@/lib/routes/paths";
import { parseInput } from "@/lib/validation";

export const requestEmailLinkInput = z.object({
  email: emailAddress(),
  callbackPath: localPathField,
});

export const EMAIL_LINK_MAX_AGE_SECONDS = 30 * 60;

/**
 * Asks for a sign-in link to an account's e-mail address. The request only puts a job on the
 * queue — the same one INSERT whether or not an account has this address — so neither the answer
 * nor its timing tells whether the address is known; a worker sends the link (sendEmailLink).
 */
export async function requestEmailLink(input: z.input<typeof requestEmailLinkInput>, context: { address: string }) {
  const { email, callbackPath } = parseInput(requestEmailLinkInput, input);
  await consume("perAddress", context.address);
  await consume("emailLinkPerAddress", email);
  await enqueue(QUEUES.signInLink, { email, callbackPath } satisfies EmailLinkJob);
}

export type EmailLinkJob = z.output<typeof requestEmailLinkInput>;

/**
 * The sign-in-link job: sends the link in the account's language, or nothing when no account may
 * receive one at this address. The link is next-auth's e-mail callback (token stored hashed
 * exactly as next-auth's own e-mail sign-in does, see next-auth/core/lib/email/signin.js), so
 * next-auth verifies it and starts the session. We send it from our own form instead of
 * next-auth's sign-in endpoint so that the form works without JavaScript and speaks the
 * person's language.
 */
export async function sendEmailLink(job: EmailLinkJob): Promise<void> {
  const { email, callbackPath } = requestEmailLinkInput.parse(job);
  const user = await db.user.findUnique({
    where: { email },
    select: { locale: true, deletedAt: true, emailVerified: true, signInHandle: true },
  });
  if (!user || user.deletedAt || !mayReceiveSignInLinks(user)) return;

  const token = randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + EMAIL_LINK_MAX_AGE_SECONDS * 1000);
  await db.verificationToken.create({
    data: { identifier: email, token: createHash("sha256").update(`${token}${authSecret()}`).digest("hex"), expires },
  });
  const callbackUrl = publicUrl(callbackPath ?? localized(user.locale, sitePaths.home()));
  const url = publicUrl(apiPaths.emailCallback({ callbackUrl, token, email }));
  const t = await translatorFor(user.locale, "mail.signIn");
  await sendMail({
    to: email,
    content: {
      subject: t("subject"),
      language: user.locale,
      blocks: [{ lines: [t("greeting")] }, { lines: [t("body", { minutes: EMAIL_LINK_MAX_AGE_SECONDS / 60 })] }, { lines: [{ href: url }] }, { lines: [t("ignore")] }],
    },
  });
}

/**
 * Sign-in links go to addresses the account has proved to own, or to accounts staff created by
 * e-mail (they have no sign-in code). An address a participant merely typed into their profile
 * gets none: otherwise its real owner, following the link, would sign in to that participant's
 * account and "confirm" the address for them — and staff roles are granted by address.
 */
export function mayReceiveSignInLinks(user: { emailVerified: Date | null; signInHandle: string | null }): boolean {
  return user.emailVerified !== null || user.signInHandle === null;
}
