import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { translatorFor } from "@/lib/i18n/translator";
import { logger } from "@/lib/log/logger";
import { locales } from "@/lib/i18n/routing";
import { mailText, type MailContent } from "@/lib/mail/mail-content";
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
  // The description is in the sender's words: marked with the interface language they wrote
  // from when it is one of ours (the best we know), else with no language of its own.
  const writtenIn = locale && (locales as readonly string[]).includes(locale) ? locale : "";
  const content: MailContent = {
    subject: t("subject", { page: page.slice(0, 80) }),
    language: "de",
    blocks: [
      { lines: [t("intro")] },
      { lines: [[`${t("page")}: `, { text: page, lang: "" }], `${t("language")}: ${locale ?? "–"}`, contact ? [`${t("contact")}: `, { text: contact, lang: "" }] : `${t("contact")}: ${t("noContact")}`] },
      { lines: [`${t("description")}:`, { text: description, lang: writtenIn }] },
    ],
  };
  const to = env().FEEDBACK_EMAIL;
  if (!to) {
    logger().info({ event: "mail.unsent", unsentMail: { subject: content.subject, text: mailText(content) } }, "FEEDBACK_EMAIL is not set: this accessibility feedback was not sent, here it is instead");
    return { sent: true };
  }
  await sendMail({ to, content });
  return { sent: true };
}
