// A person says her need instead of typing it and adds a photo of the place, on a cheap phone
// without JavaScript (decision 061): the voice form has the written form's photo fields, folded
// under "Add photos". A photo without its description is refused together with the form's other
// problems, the description she typed stays and the photo is asked for again; chosen again and
// described, a photo of 1.5 MB goes through the proxy (her session is a running one); refused
// then for the recording alone, the photo is kept and named, not asked for again (decision 075),
// and shows on her need with its description in her language. German and Arabic.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import ar from "../messages/ar.json" with { type: "json" };
import de from "../messages/de.json" with { type: "json" };
import { INVITATIONS } from "../prisma/seed/dialogues";
import { keepScreenshot } from "./support/screenshot";
import { expectNoSidewaysScrolling } from "./support/layout";

test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });

type Messages = typeof de;
const invitation = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "collecting")!;
const recording = readFileSync(path.join(import.meta.dirname, "../tests/voice/fixtures/voice.ogg"));
const CASES = [
  { locale: "de", m: de as Messages, name: "Amal", title: "Rampe", alt: "Die kaputte Rampe vor dem Eingang von Haus 2" },
  { locale: "ar", m: ar as unknown as Messages, name: "أمل", title: "المنحدر", alt: "المنحدر المكسور أمام مدخل البيت الثاني" },
] as const;

/** A phone's photo of 1.5 MB (noise does not compress): more than the 1 MB every other form keeps. */
const largePhoto = () => sharp(randomBytes(1600 * 1200 * 3), { raw: { width: 1600, height: 1200, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
const numbered = (locale: string, message: string, n: number) => message.replace("{number, number}", new Intl.NumberFormat(locale).format(n));
const summaryOf = (page: Page, m: Messages) => page.getByRole("alert").filter({ has: page.getByRole("heading", { name: m.feedback.summaryTitle }) });

for (const { locale, m, name, title, alt } of CASES) {
  test(`says a need with a photo and its description (${locale})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`/${locale}/join/${invitation.code}`);
    await page.getByLabel(m.join.displayName, { exact: true }).fill(`${name} ${randomBytes(3).toString("hex")}`);
    await page.getByLabel(m.join.acceptCodeOfConduct).check();
    await page.getByRole("button", { name: m.join.signUpSubmit }).click();
    await page.getByRole("link", { name: m.join.toDialogue }).click();
    const dialoguePath = new URL(page.url()).pathname;

    await page.goto(`${dialoguePath}/new/voice`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.voice.pageTitle);
    await page.getByRole("group", { name: m.post.theme }).getByRole("radio").first().check();
    await page.getByText(m.images.add.split("(")[0]!.trim()).click();
    const photo = page.getByLabel(numbered(locale, m.images.file, 1), { exact: true });
    await expect(photo).toHaveAttribute("type", "file");
    await expect(page.getByLabel(numbered(locale, m.images.alt, 1), { exact: true })).toHaveAttribute("lang", locale);
    await expectNoSidewaysScrolling(page);
    await keepScreenshot(page, `voice-form-photos-${locale}-360`, { file: `test-results/voice-form-photos-${locale}-360.png` });

    // A photo without its description and a second description without a photo: refused at the photo's description.
    await page.getByLabel(m.voice.file, { exact: true }).setInputFiles({ name: "recording.ogg", mimeType: "audio/ogg", buffer: recording });
    await photo.setInputFiles({ name: "IMG_1.jpg", mimeType: "image/jpeg", buffer: await largePhoto() });
    await page.getByLabel(numbered(locale, m.images.alt, 2), { exact: true }).fill(alt);
    await page.getByLabel(m.voice.title, { exact: true }).fill(title);
    await page.getByRole("button", { name: m.voice.submit }).click();
    await expect(summaryOf(page, m)).toContainText(m.images.errors.altRequired);
    await expect(page.getByLabel(numbered(locale, m.images.alt, 1), { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel(numbered(locale, m.images.alt, 2), { exact: true })).toHaveValue(alt);
    await expect(page.getByLabel(m.voice.title, { exact: true })).toHaveValue(title);
    await expectNoSidewaysScrolling(page);
    await keepScreenshot(page, `voice-form-photo-refused-${locale}-360`, { file: `test-results/voice-form-photo-refused-${locale}-360.png` });

    // Chosen again with its description, the 1.5 MB photo goes through the proxy; the recording
    // was not chosen again, so the post is refused for it alone — and the photo, nothing wrong
    // with it, is kept on the server and named by its description, not asked for a third time.
    await page.getByLabel(numbered(locale, m.images.file, 1), { exact: true }).setInputFiles({ name: "IMG_1.jpg", mimeType: "image/jpeg", buffer: await largePhoto() });
    await page.getByLabel(numbered(locale, m.images.alt, 1), { exact: true }).fill(alt);
    await page.getByLabel(numbered(locale, m.images.alt, 2), { exact: true }).fill("");
    await page.getByRole("button", { name: m.voice.submit }).click();
    await expect(summaryOf(page, m)).toBeVisible();
    const kept = page.getByTestId("kept-photos");
    await expect(kept.getByText(alt)).toHaveAttribute("lang", locale);
    await expect(kept.getByRole("checkbox", { name: `${numbered(locale, m.images.remove, 1)}: ${alt}` })).not.toBeChecked();
    await expect(page.getByLabel(numbered(locale, m.images.file, 1), { exact: true })).toHaveCount(0);
    await expect(page.getByText(m.images.chooseAgain)).toHaveCount(0);
    await expect(page.getByLabel(m.voice.title, { exact: true })).toHaveValue(title);
    await expectNoSidewaysScrolling(page);
    await keepScreenshot(page, `voice-form-photo-kept-${locale}-360`, { file: `test-results/voice-form-photo-kept-${locale}-360.png` });

    // The recording once more: the post takes the kept photo along without sending it again.
    await page.getByLabel(m.voice.file, { exact: true }).setInputFiles({ name: "recording.ogg", mimeType: "audio/ogg", buffer: recording });
    await page.getByRole("button", { name: m.voice.submit }).click();
    await expect(page).toHaveURL(new RegExp(`${dialoguePath}/c/[0-9a-f-]{36}`));
    await expect(page.getByTestId("voice-note")).toContainText(m.voice.pending);
    const image = page.getByRole("img", { name: alt });
    await expect(image).toBeVisible();
    await expect(image).toHaveAttribute("lang", locale);
    expect((await page.request.get((await image.getAttribute("src"))!)).headers()["content-type"]).toBe("image/webp");
    await expectNoSidewaysScrolling(page);
    await keepScreenshot(page, `voice-need-with-photo-${locale}-360`, { file: `test-results/voice-need-with-photo-${locale}-360.png` });

    // The shared list keeps to seeded titles for specs that run alongside.
    await page.getByText(m.contributionPage.withdraw, { exact: true }).click();
    await page.getByLabel(m.post.withdrawConfirm).check();
    await page.getByRole("button", { name: m.post.withdraw, exact: true }).click();
    await expect(page).toHaveURL(/\?withdrawn=1$/);
  });
}
