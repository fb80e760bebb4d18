import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { mailHtml, mailText, type MailContent } from "./mail-content";

/**
 * `content`: the mail's words (lib/mail/mail-content.ts), sent as plain text and as an HTML
 * alternative in which quoted titles and texts carry their own `lang`/`dir` (decision 028). Its
 * `language`, the BCP 47 tag of the words the mail is written in, is also sent as
 * Content-Language (RFC 3282), so mail programs and screen readers read it in that language
 * (WCAG 3.1.1).
 */
export type Mail = { to: string; content: MailContent; headers?: Record<string, string> };

const globalForMail = globalThis as unknown as { mailTransport?: Transporter };

/**
 * Sends through the SMTP server in SMTP_URL. Without one (a local start), the mail is written
 * to the server's log instead, so a newcomer can still follow a sign-in link. Called by the job
 * queue's workers (lib/jobs/workers.ts), never while a request waits.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  const { content, headers, to } = mail;
  const text = mailText(content);
  if (!SMTP_URL) {
    // The one log line that holds an address and a link, on purpose: without an SMTP server
    // (a local start) this is how the newcomer reads their sign-in link. Production sets SMTP_URL.
    logger().info({ event: "mail.unsent", unsentMail: { recipient: to, subject: content.subject, text } }, "SMTP_URL is not set: this mail was not sent, here it is instead");
    return;
  }
  // Shorter than nodemailer's defaults (up to 10 minutes), and below the job's 2 minutes
  // (lib/jobs/queues.ts): a hanging server fails the attempt before the queue would start it again.
  globalForMail.mailTransport ??= nodemailer.createTransport({ url: SMTP_URL, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
  await globalForMail.mailTransport.sendMail({
    from: MAIL_FROM,
    to,
    subject: content.subject,
    text,
    html: mailHtml(content),
    headers: { ...headers, "Content-Language": content.language },
  });
}
