import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { translatorFor } from "@/lib/i18n/translator";
import { logger } from "@/lib/log/logger";
import { sendMail } from "@/lib/mail/send-mail";
import { consume } from "@/lib/rate-limit";
import { parseInput } from "@/lib/validation";

import { FEEDBACK_LIMITS } from "./feedback-limits";

export { FEEDBACK_LIMITS };

const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const sendAccessibilityFeedbackInput = z.object({
  page: trimmed(FEEDBACK_LIMITS.page),
  description: trimmed(FEEDBACK_LIMITS.description),
  // Optional: a barrier can be reported without giving any way to be reached.
  contact: z
    .string()
    .trim()
    .max(FEEDBACK_LIMITS.contact)
    .optional()
    .transform((value) => value || undefined),
  locale: z.string().trim().max(20).optional(),
});

/**
 * Sends a report of a barrier (BITV 2.0 § 7 feedback) to the address in FEEDBACK_EMAIL. Anyone
 * may send one, signed in or not, so there is no permission to check; the limit per address
 * keeps it from being used to flood that mailbox. Without FEEDBACK_EMAIL the report is written
 * to the server log, as sendMail does without SMTP_URL, so nothing is lost on a local start.
 */
export async function sendAccessibilityFeedback(
  input: z.input<typeof sendAccessibilityFeedbackInput>,
  context: { address: string },
): Promise<{ sent: true }> {
  const { page, description, contact, locale } = parseInput(sendAccessibilityFeedbackInput, input);
  await consume("accessibilityFeedbackPerAddress", context.address);
  // The people who read these reports work in German, whatever language the sender used.
  const t = await translatorFor("de", "accessibility.mail");
  const text = [
    t("intro"),
    "",
    `${t("page")}: ${page}`,
    `${t("language")}: ${locale ?? "–"}`,
    `${t("contact")}: ${contact ?? t("noContact")}`,
    "",
    `${t("description")}:`,
    description,
  ].join("\n");
  const mail = { subject: t("subject", { page: page.slice(0, 80) }), text, language: "de" };
  const to = env().FEEDBACK_EMAIL;
  if (!to) {
    logger().info({ event: "mail.unsent", unsentMail: { subject: mail.subject, text } }, "FEEDBACK_EMAIL is not set: this accessibility feedback was not sent, here it is instead");
    return { sent: true };
  }
  await sendMail({ to, ...mail });
  return { sent: true };
}
