import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { authSecret } from "@/lib/auth/secret";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/translator";
import { enqueue } from "@/lib/jobs/job-queue";
import { QUEUES } from "@/lib/jobs/queues";
import { fillMarks, NAME_MARK } from "@/lib/mail/mail-content";
import { sendMail } from "@/lib/mail/send-mail";
import { canManageOwnAccount, type Viewer } from "@/lib/policy/policy";
import { consume } from "@/lib/rate-limit";
import { localized, sitePaths } from "@/lib/routes/paths";
import { parseInput } from "@/lib/validation";

// A participant who adds an e-mail address confirms it before it can be used for sign-in links
// (lib/auth/email-link.ts sends those only to owned addresses). The mail names the account the
// address would belong to, and confirming takes a button press on our page: a mail scanner
// opening the link confirms nothing, and nobody is signed in by it.

export const EMAIL_CONFIRMATION_MAX_AGE_SECONDS = 24 * 60 * 60;

const identifierOf = (userId: string) => `confirm:${userId}`;
const hashed = (token: string) => createHash("sha256").update(`${token}${authSecret()}`).digest("hex");

/** Asks for a link that confirms the viewer's (unconfirmed) address; a worker sends it (sendEmailConfirmation). */
export async function requestEmailConfirmation(viewer: Viewer | null, context: { address: string }) {
  if (!canManageOwnAccount(viewer)) throw new AppError("UNAUTHENTICATED");
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.id },
    select: { email: true, emailVerified: true },
  });
  if (!user.email) throw new AppError("INVALID_INPUT", "no address", { fieldErrors: { email: [{ key: "validation.required" }] } });
  if (user.emailVerified) return { alreadyConfirmed: true };
  await consume("perAddress", context.address);
  await consume("emailLinkPerAddress", user.email);
  await enqueue(QUEUES.emailConfirmation, { userId: viewer.id } satisfies EmailConfirmationJob);
  return { alreadyConfirmed: false };
}

export const emailConfirmationJob = z.object({ userId: z.uuid() });
export type EmailConfirmationJob = z.output<typeof emailConfirmationJob>;

/**
 * The confirmation job: a new link (earlier ones stop working) to the address the account holds
 * now, in its language; nothing when it has none, has confirmed it meanwhile, or is deleted.
 */
export async function sendEmailConfirmation(job: EmailConfirmationJob): Promise<void> {
  const { userId } = emailConfirmationJob.parse(job);
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, emailVerified: true, displayName: true, locale: true, deletedAt: true },
  });
  if (!user?.email || user.emailVerified || user.deletedAt) return;
  const token = randomBytes(32).toString("hex");
  await db.$transaction([
    db.verificationToken.deleteMany({ where: { identifier: identifierOf(userId) } }),
    db.verificationToken.create({
      data: {
        identifier: identifierOf(userId),
        token: hashed(token),
        expires: new Date(Date.now() + EMAIL_CONFIRMATION_MAX_AGE_SECONDS * 1000),
      },
    }),
  ]);
  const url = publicUrl(localized(user.locale, sitePaths.confirmEmail(userId, token)));
  const t = await translatorFor(user.locale, "mail.confirmEmail");
  await sendMail({
    to: user.email,
    content: {
      subject: t("subject"),
      language: user.locale,
      // The name is the person's own, in any script: its own <bdi> in the HTML part.
      blocks: [{ lines: [fillMarks(t("body", { name: NAME_MARK }), { name: user.displayName })] }, { lines: [{ href: url }] }, { lines: [t("ignore")] }],
    },
  });
}

export const confirmEmailInput = z.object({ user: z.uuid(), token: z.string().regex(/^[0-9a-f]{64}$/) });

/** What the confirmation page shows before the button is pressed; null for a link that does not work. */
export async function describeEmailConfirmation(input: z.input<typeof confirmEmailInput>) {
  const parsed = confirmEmailInput.safeParse(input);
  if (!parsed.success) return null;
  const { user: userId, token } = parsed.data;
  const pending = await db.verificationToken.findUnique({ where: { token: hashed(token) } });
  if (!pending || pending.identifier !== identifierOf(userId) || pending.expires < new Date()) return null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { displayName: true, email: true, deletedAt: true } });
  if (!user?.email || user.deletedAt) return null;
  return { displayName: user.displayName, email: user.email };
}

/** Confirms the address the account holds now; the link works once. */
export async function confirmEmail(input: z.input<typeof confirmEmailInput>): Promise<{ email: string }> {
  const { user: userId, token } = parseInput(confirmEmailInput, input);
  return db.$transaction(async (tx) => {
    const used = await tx.verificationToken.deleteMany({
      where: { identifier: identifierOf(userId), token: hashed(token), expires: { gt: new Date() } },
    });
    if (used.count !== 1) throw new AppError("INVALID_INPUT", "confirmation link invalid", { fieldErrors: { token: [{ key: "errors.confirmation_invalid" }] } });
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, deletedAt: true } });
    if (!user?.email || user.deletedAt) throw new AppError("INVALID_INPUT", "no address to confirm", { fieldErrors: { token: [{ key: "errors.confirmation_invalid" }] } });
    await tx.user.update({ where: { id: userId }, data: { emailVerified: new Date() } });
    return { email: user.email };
  });
}
