// Every mail goes out as plain text and as an HTML alternative, through a real SMTP server. In
// the HTML part the mail's language sits on its root, every quoted title carries the language it
// is written in (with its direction), every name sits in its own <bdi>, and hostile titles and
// names arrive as text, never as markup (issue 13, decision 028).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startSmtpCatcher, type CaughtMail } from "../support/smtp-catcher";

// lib/env.ts reads the environment once, on first use: set it before any lib module loads.
const smtp = await startSmtpCatcher();
const BASE_URL = "http://mitreden.test:3000";
process.env.SMTP_URL = smtp.url;
process.env.NEXTAUTH_SECRET = "test-secret-for-mail-html-0123456789abcdef";
process.env.NEXTAUTH_URL = BASE_URL;
process.env.FEEDBACK_EMAIL = "barrierefreiheit@stadt.example";

const { db } = await import("@/lib/db/client");
const { sendDigests } = await import("@/lib/notifications/send-digest");
const { sendEmailConfirmation } = await import("@/lib/accounts/email-confirmation");
const { sendAccessibilityFeedback } = await import("@/lib/accessibility/send-accessibility-feedback");
const { mailHtml, mailText } = await import("@/lib/mail/mail-content");
const { createContribution, createUser, unique } = await import("@/tests/support/factories");
const { dialogueIn } = await import("@/tests/support/participation");
const { context } = await import("@/tests/support/viewers");

afterAll(() => smtp.stop());
beforeEach(async () => {
  await db.notification.updateMany({ where: { emailedAt: null }, data: { emailedAt: new Date() } });
});

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)> & "قصير"`;
const ESCAPED = `&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &quot;قصير&quot;`;
const only = (address: string): CaughtMail => {
  const mails = smtp.mails.filter((mail) => mail.to.includes(address.toLowerCase()));
  expect(mails).toHaveLength(1);
  return mails[0]!;
};
/** No element, attribute or script came from the quoted words. */
const expectNoInjectedMarkup = (html: string) => {
  expect(html).not.toMatch(/<(script|img|svg|i|b)[\s>]/i);
};

describe("the HTML part of our mails", () => {
  it("digest: root in the reader's language, an Arabic title marked ar/rtl and escaped, the commenter's name in a <bdi>, the text part as before", async () => {
    const reader = await createUser({ email: `${unique("p")}@mail.example`, emailVerified: new Date(), locale: "de", displayName: `Nour <b>${unique("n")}</b>` });
    const commenter = await createUser({ displayName: `<i>Evil</i> & ${unique("c")}` });
    const dialogue = await dialogueIn("COLLECTING");
    const contribution = await createContribution({ dialogueId: dialogue.id, title: HOSTILE, language: "ar" });
    const comment = await db.comment.create({ data: { contributionId: contribution.id, authorId: commenter.id, body: "Gute Idee", language: "de", authorPerspective: "NOT_STATED" } });
    await db.notification.createMany({
      data: [
        { userId: reader.id, type: "COMMENT_REPLY", contributionId: contribution.id, commentId: comment.id },
        { userId: reader.id, type: "PHASE_CHANGED", dialogueId: dialogue.id },
      ],
    });

    await sendDigests();
    const mail = only(reader.email!);

    expect(mail.headers["content-type"]).toMatch(/multipart\/alternative/);
    // The text part keeps its plain words (no markup was added to it).
    expect(mail.text).toContain(HOSTILE);
    expect(mail.text).toContain(commenter.displayName);
    expect(mail.text.match(/^- /gm)).toHaveLength(2);

    const { html } = mail;
    expect(html).toMatch(/<html lang="de" dir="ltr">/);
    expect(html).toMatch(/<div lang="de" dir="ltr"/);
    expect(html).toContain(`<bdi lang="ar" dir="rtl">${ESCAPED}</bdi>`);
    expect(html).toContain(`<bdi>&lt;i&gt;Evil&lt;/i&gt; &amp; ${commenter.displayName.split("& ")[1]}</bdi>`);
    // The greeting names the reader in a <bdi>, escaped; the German dialogue title needs no other language.
    expect(html).toContain(`<bdi>Nour &lt;b&gt;${reader.displayName.slice(8, -4)}&lt;/b&gt;</bdi>`);
    expect(html).toContain(`<bdi>${dialogue.title}</bdi>`);
    expect(html).toMatch(new RegExp(`<a href="${BASE_URL}/de/[^"]+/c/${contribution.id}[^"]*" dir="ltr">`));
    expect(html.match(/<li/g)).toHaveLength(2);
    expectNoInjectedMarkup(html);
  });

  it("digest in Arabic: the root is ar/rtl, an Arabic title needs no mark of its own, a German one gets lang=de dir=ltr", async () => {
    const reader = await createUser({ email: `${unique("p")}@mail.example`, emailVerified: new Date(), locale: "ar" });
    const dialogue = await dialogueIn("COLLECTING");
    const arabic = await createContribution({ dialogueId: dialogue.id, title: `دورة لغة ${unique("t")}`, language: "ar" });
    const german = await createContribution({ dialogueId: dialogue.id, title: `Deutschkurs ${unique("t")}`, language: "de" });
    await db.notification.createMany({
      data: [
        { userId: reader.id, type: "RESPONSE_POSTED", contributionId: arabic.id },
        { userId: reader.id, type: "RESPONSE_POSTED", contributionId: german.id },
      ],
    });

    await sendDigests();
    const { html, headers } = only(reader.email!);

    expect(headers["content-language"]).toBe("ar");
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain(`<bdi>${arabic.title}</bdi>`);
    expect(html).toContain(`<bdi lang="de" dir="ltr">${german.title}</bdi>`);
  });

  it("the address confirmation names the account in a <bdi>, escaped, in a mail marked with the person's language", async () => {
    const person = await createUser({ email: `${unique("p")}@mail.example`, locale: "fa", displayName: `"><svg onload=alert(1)> ${unique("n")}` });
    await sendEmailConfirmation({ userId: person.id });
    const { html, text } = only(person.email!);

    expect(text).toContain(person.displayName);
    expect(html).toMatch(/<html lang="fa" dir="rtl">/);
    expect(html).toContain(`<bdi>&quot;&gt;&lt;svg onload=alert(1)&gt; ${person.displayName.split("> ")[1]}</bdi>`);
    expect(html).not.toMatch(/<svg/);
    expect(html).toMatch(/<a href="http:\/\/mitreden\.test:3000\/fa\/account\/confirm-email\?user=[^"]+&amp;token=[0-9a-f]{64}" dir="ltr">/);
  });

  it("barrier feedback: German root, the description marked with the sender's interface language, hostile input as text", async () => {
    const marker = unique("m");
    await sendAccessibilityFeedback({ page: `/ar/x${marker}`, description: `${HOSTILE} ${marker}`, contact: "<b>me</b>", locale: "ar" }, context());
    const mail = smtp.mails.find((candidate) => candidate.text.includes(marker) && candidate.to.includes("barrierefreiheit@stadt.example"))!;

    expect(mail.html).toMatch(/<html lang="de" dir="ltr">/);
    expect(mail.html).toContain(`<bdi lang="ar" dir="rtl">${ESCAPED} ${marker}</bdi>`);
    expect(mail.html).toContain("<bdi>&lt;b&gt;me&lt;/b&gt;</bdi>");
    expectNoInjectedMarkup(mail.html);
  });

  it("a link that is not an http(s) address stays text in the HTML part", () => {
    const content = { subject: "s", language: "de", blocks: [{ lines: [{ href: 'javascript:alert("x")' }] }] };
    expect(mailHtml(content)).not.toContain("<a ");
    expect(mailHtml(content)).toContain("javascript:alert(&quot;x&quot;)");
    expect(mailText(content)).toBe('javascript:alert("x")');
  });
});
