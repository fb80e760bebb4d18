// Reports of barriers reach the address in FEEDBACK_EMAIL through a real SMTP server, in
// German for the people who read them, with what the person typed; bad input and floods are
// refused.
import { afterAll, describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import { startSmtpCatcher } from "../support/smtp-catcher";

// lib/env.ts reads the environment once, on first use: set it before any lib module loads.
const smtp = await startSmtpCatcher();
const FEEDBACK_EMAIL = "barrierefreiheit@stadt.example";
process.env.SMTP_URL = smtp.url;
process.env.MAIL_FROM = "mitreden <noreply@mitreden.test>";
process.env.FEEDBACK_EMAIL = FEEDBACK_EMAIL;

const { sendAccessibilityFeedback, FEEDBACK_LIMITS } = await import("@/lib/accessibility/send-accessibility-feedback");
const { LIMITS } = await import("@/lib/rate-limit");
const { appErrorOf, context, invalidInputOf } = await import("@/tests/support/viewers");

afterAll(() => smtp.stop());

const mailsWith = (marker: string) => smtp.mails.filter((mail) => mail.text.includes(marker));

describe("sendAccessibilityFeedback", () => {
  it("mails the report to FEEDBACK_EMAIL with page, description, contact and language", async () => {
    const marker = `Der Kontrast ist zu schwach ${Math.random()}`;
    await expect(
      sendAccessibilityFeedback(
        { page: "/ar/musterstadt", description: marker, contact: "0151 1234567", locale: "ar" },
        context(),
      ),
    ).resolves.toEqual({ sent: true });

    const [mail, ...others] = mailsWith(marker);
    expect(others).toHaveLength(0);
    expect(mail?.to).toEqual([FEEDBACK_EMAIL]);
    expect(mail?.from).toBe("noreply@mitreden.test");
    expect(mail?.subject).toBe(de.accessibility.mail.subject.replace("{page}", "/ar/musterstadt"));
    expect(mail?.text).toContain(`${de.accessibility.mail.page}: /ar/musterstadt`);
    expect(mail?.text).toContain(`${de.accessibility.mail.contact}: 0151 1234567`);
    expect(mail?.text).toContain(`${de.accessibility.mail.language}: ar`);
  });

  it("sends without contact, and says so", async () => {
    const marker = `Ohne Kontakt ${Math.random()}`;
    await sendAccessibilityFeedback({ page: "Startseite", description: marker, contact: "  " }, context());
    expect(mailsWith(marker)[0]?.text).toContain(`${de.accessibility.mail.contact}: ${de.accessibility.mail.noContact}`);
  });

  it("refuses an empty description or too long text, and sends nothing", async () => {
    const before = smtp.mails.length;
    const empty = await invalidInputOf(sendAccessibilityFeedback({ page: "x", description: "   " }, context()));
    expect(empty.issues).toEqual([{ path: ["description"], message: "validation.required" }]);
    const long = await invalidInputOf(
      sendAccessibilityFeedback({ page: "x".repeat(FEEDBACK_LIMITS.page + 1), description: "ok" }, context()),
    );
    expect(long.issues).toEqual([{ path: ["page"], message: "validation.too_long" }]);
    expect(smtp.mails.length).toBe(before);
  });

  it("limits reports per address", async () => {
    const address = context();
    for (let i = 0; i < LIMITS.accessibilityFeedbackPerAddress.points; i++) {
      await sendAccessibilityFeedback({ page: "x", description: `flood ${i}` }, address);
    }
    const error = await appErrorOf(sendAccessibilityFeedback({ page: "x", description: "one too many" }, address));
    expect(error.code).toBe("RATE_LIMITED");
    expect(mailsWith("one too many")).toHaveLength(0);
    // Someone else at another address still gets through.
    await sendAccessibilityFeedback({ page: "x", description: "another address" }, context());
    expect(mailsWith("another address")).toHaveLength(1);
  });
});
