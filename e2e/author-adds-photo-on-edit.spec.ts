// A person adds a photo to their need on its edit form, without JavaScript on a 360 px phone, in
// German and in Arabic (decision 055): the edit form has the same plain file field and description
// as the post form. A wrong title and a missing description come back together in one answer, at
// their fields and in the summary on top. A second need that looks like the first is offered the
// similar list instead of being posted: the photo chosen is kept on the server and named there by
// its description (decision 061), and "post mine anyway" posts it with the need without sending it again.
// Each photo, on the edit form and kept over the offer, has its own "remove" box (decision 075).
import { randomBytes, randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import ar from "../messages/ar.json" with { type: "json" };
import de from "../messages/de.json" with { type: "json" };
import { INVITATIONS } from "../prisma/seed/dialogues";
import { keepScreenshot } from "./support/screenshot";
import { expectNoSidewaysScrolling } from "./support/layout";

test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });

const invitation = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "collecting")!;
type Messages = typeof de;
const CASES = [
  { locale: "de", m: de as Messages, name: "Lena", title: "Das Geländer an der Treppe im Haus 2 ist locker", body: "Ältere Menschen können sich nicht festhalten.", alt: "Eine kaputte Betonrampe vor der Haustür" },
  { locale: "ar", m: ar as unknown as Messages, name: "سامر", title: "الدرابزين على درج البيت الثاني مفكوك", body: "لا يستطيع كبار السن الإمساك به.", alt: "منحدر خرساني مكسور أمام باب المبنى" },
] as const;

const numbered = (locale: string, message: string, n: number) => message.replace("{number, number}", new Intl.NumberFormat(locale).format(n));
const summaryOf = (page: Page, m: Messages) => page.getByRole("alert").filter({ has: page.getByRole("heading", { name: m.feedback.summaryTitle }) });
const photo = () => sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 90, g: 110, b: 120 } } }).jpeg().toBuffer();

async function writeNeed(page: Page, dialoguePath: string, m: Messages, title: string, body: string) {
  await page.goto(`${dialoguePath}/new`);
  await page.getByRole("radio", { name: m.post.need }).check();
  await page.getByRole("group", { name: m.post.theme }).getByRole("radio").first().check();
  await page.getByLabel(m.post.title, { exact: true }).fill(title);
  await page.getByLabel(m.post.body, { exact: true }).fill(body);
}

for (const { locale, m, name, title: baseTitle, body, alt } of CASES) {
  test(`adds a photo with its description on the edit form, and keeps a photo through the similar list (${locale})`, async ({ page }) => {
    test.setTimeout(120_000);
    const title = `${baseTitle} ${randomInt(100_000, 1_000_000)}`;
    await page.goto(`/${locale}/join/${invitation.code}`);
    await page.getByLabel(m.join.displayName, { exact: true }).fill(`${name} ${randomBytes(3).toString("hex")}`);
    await page.getByLabel(m.join.acceptCodeOfConduct).check();
    await page.getByRole("button", { name: m.join.signUpSubmit }).click();
    await page.getByRole("link", { name: m.join.toDialogue }).click();
    const dialoguePath = new URL(page.url()).pathname;

    await writeNeed(page, dialoguePath, m, title, body);
    await page.getByRole("button", { name: m.post.submit }).click();
    // The answer is the new need's page, or first an offer of similar ones: wait for either, then decide.
    const similar = page.getByTestId("similar-contributions");
    await expect(page.getByRole("heading", { level: 1, name: title, exact: true }).or(similar)).toBeVisible();
    if (await similar.isVisible()) await page.getByRole("button", { name: m.similar.postAnyway }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    const contributionUrl = page.url().split("#")[0]!;

    // The edit form: "Add photos" folded in it, a plain file field and a description.
    await page.getByText(m.contributionPage.edit, { exact: true }).click();
    const edit = page.locator("details", { has: page.getByRole("button", { name: m.post.save }) });
    await edit.getByText(m.images.add.split("(")[0]!.trim()).click();
    const file = edit.getByLabel(numbered(locale, m.images.file, 2), { exact: true });
    await expect(file).toHaveAttribute("type", "file");
    // The first place is taken by nothing yet, so all three are offered.
    await expect(edit.getByLabel(numbered(locale, m.images.file, 1), { exact: true })).toBeVisible();
    await expect(edit.getByLabel(numbered(locale, m.images.alt, 1), { exact: true })).toHaveAttribute("lang", locale);

    // No title and a photo without description: both told in one answer.
    await edit.getByLabel(numbered(locale, m.images.file, 1), { exact: true }).setInputFiles({ name: "IMG_1.jpg", mimeType: "image/jpeg", buffer: await photo() });
    await edit.getByLabel(m.post.title, { exact: true }).fill("");
    await edit.getByRole("button", { name: m.post.save }).click();
    await expect(summaryOf(page, m)).toContainText(m.images.errors.altRequired);
    await expect(summaryOf(page, m)).toContainText(m.post.title);
    await expect(page.getByLabel(numbered(locale, m.images.alt, 1), { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expectNoSidewaysScrolling(page);
    await keepScreenshot(page, `edit-photo-errors-${locale}-360`, { file: `test-results/edit-photo-errors-${locale}-360.png` });

    // Right: the title, the photo chosen again, described (the edit form opened again if it is folded).
    // (The edit form, not the translation form beside it, which has a title field too.)
    if (!(await edit.getByLabel(m.post.title, { exact: true }).isVisible())) await page.getByText(m.contributionPage.edit, { exact: true }).click();
    await edit.getByLabel(m.post.title, { exact: true }).fill(title);
    await edit.getByLabel(numbered(locale, m.images.file, 1), { exact: true }).setInputFiles({ name: "IMG_1.jpg", mimeType: "image/jpeg", buffer: await photo() });
    await edit.getByLabel(numbered(locale, m.images.alt, 1), { exact: true }).fill(alt);
    await edit.getByRole("button", { name: m.post.save }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    const image = page.getByRole("img", { name: alt });
    await expect(image).toBeVisible();
    await expect(image).toHaveAttribute("lang", locale);
    expect((await page.request.get((await image.getAttribute("src"))!)).headers()["content-type"]).toBe("image/webp");
    await expectNoSidewaysScrolling(page);
    await keepScreenshot(page, `edit-photo-added-${locale}-360`, { file: `test-results/edit-photo-added-${locale}-360.png` });

    // A second photo, then the first taken off alone with its own box, named by its description
    // (decision 075): the second stays, and moves up to the first place.
    await page.getByText(m.contributionPage.edit, { exact: true }).click();
    await edit.getByText(m.images.add.split("(")[0]!.trim()).click();
    await edit.getByLabel(numbered(locale, m.images.file, 2), { exact: true }).setInputFiles({ name: "IMG_3.jpg", mimeType: "image/jpeg", buffer: await photo() });
    await edit.getByLabel(numbered(locale, m.images.alt, 2), { exact: true }).fill(`${alt} B`);
    await edit.getByRole("button", { name: m.post.save }).click();
    await expect(page.getByRole("img", { name: `${alt} B` })).toBeVisible();
    await page.getByText(m.contributionPage.edit, { exact: true }).click();
    const removeFirst = edit.getByRole("checkbox", { name: `${numbered(locale, m.images.remove, 1)}: ${alt}`, exact: true });
    await expect(edit.getByTestId("remove-photos").getByRole("checkbox")).toHaveCount(2);
    await expect(edit.getByTestId("remove-photos").getByText(alt, { exact: true })).toHaveAttribute("lang", locale);
    await removeFirst.check();
    await expectNoSidewaysScrolling(page);
    await keepScreenshot(page, `edit-photo-remove-${locale}-360`, { file: `test-results/edit-photo-remove-${locale}-360.png` });
    await edit.getByRole("button", { name: m.post.save }).click();
    await expect(page.getByRole("img", { name: `${alt} B` })).toBeVisible();
    await expect(page.getByRole("img", { name: alt, exact: true })).toHaveCount(0);
    await page.getByText(m.contributionPage.edit, { exact: true }).click();
    await expect(edit.getByRole("checkbox", { name: `${numbered(locale, m.images.remove, 1)}: ${alt} B`, exact: true })).toBeVisible();

    // The same need again, with a photo: the similar list comes instead, and says the photo is kept
    // (decision 061): its place is taken, its description named, and "post mine anyway" takes it
    // along without choosing or sending it again.
    await writeNeed(page, dialoguePath, m, title, body);
    await page.getByText(m.images.add.split("(")[0]!.trim()).click();
    await page.getByLabel(numbered(locale, m.images.file, 1), { exact: true }).setInputFiles({ name: "IMG_2.jpg", mimeType: "image/jpeg", buffer: await photo() });
    await page.getByLabel(numbered(locale, m.images.alt, 1), { exact: true }).fill(`${alt} 2`);
    await page.getByLabel(numbered(locale, m.images.file, 2), { exact: true }).setInputFiles({ name: "IMG_4.jpg", mimeType: "image/jpeg", buffer: await photo() });
    await page.getByLabel(numbered(locale, m.images.alt, 2), { exact: true }).fill(`${alt} 3`);
    await page.getByRole("button", { name: m.post.submit }).click();
    await expect(page.getByTestId("similar-contributions")).toBeVisible();
    const kept = page.getByTestId("kept-photos");
    await expect(kept).toContainText(m.similar.photosKept.split("{")[0]!.trim());
    await expect(kept.getByText(`${alt} 2`, { exact: true })).toHaveAttribute("lang", locale);
    await expect(page.getByLabel(numbered(locale, m.images.file, 1), { exact: true })).toHaveCount(0);
    await expect(page.getByLabel(numbered(locale, m.images.file, 3), { exact: true })).toHaveCount(1);
    // Each kept photo has its own box: the second is taken off, the first goes with the post.
    await kept.getByRole("checkbox", { name: `${numbered(locale, m.images.remove, 2)}: ${alt} 3`, exact: true }).check();
    await expect(kept.getByRole("checkbox", { name: `${numbered(locale, m.images.remove, 1)}: ${alt} 2`, exact: true })).not.toBeChecked();
    await expectNoSidewaysScrolling(page);
    await keepScreenshot(page, `similar-photo-kept-${locale}-360`, { file: `test-results/similar-photo-kept-${locale}-360.png` });
    const posted = page.waitForRequest((request) => request.method() === "POST");
    await page.getByRole("button", { name: m.similar.postAnyway }).click();
    // The second post carries no photo: a few kilobytes of text, not the photo again.
    expect((await posted).postDataBuffer()!.byteLength).toBeLessThan(64 * 1024);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByRole("img", { name: `${alt} 2` })).toBeVisible();
    await expect(page.getByRole("img", { name: `${alt} 3` })).toHaveCount(0);

    // The shared list keeps to seeded titles for specs that run alongside.
    for (const url of [page.url().split("#")[0]!, contributionUrl]) {
      await page.goto(url);
      await page.getByText(m.contributionPage.withdraw, { exact: true }).click();
      await page.getByLabel(m.post.withdrawConfirm).check();
      await page.getByRole("button", { name: m.post.withdraw, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`\\?withdrawn=1$`));
    }
  });
}
