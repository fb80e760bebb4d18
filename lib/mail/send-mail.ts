import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export type Mail = { to: string; subject: string; text: string; headers?: Record<string, string> };

const globalForMail = globalThis as unknown as { mailTransport?: Transporter };

/**
 * Sends through the SMTP server in SMTP_URL. Without one (a local start), the mail is written
 * to the server's log instead, so a newcomer can still follow a sign-in link.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) {
    console.warn(`[mail] SMTP_URL is not set; this mail was not sent:\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`);
    return;
  }
  globalForMail.mailTransport ??= nodemailer.createTransport(SMTP_URL);
  await globalForMail.mailTransport.sendMail({ from: MAIL_FROM, ...mail });
}
