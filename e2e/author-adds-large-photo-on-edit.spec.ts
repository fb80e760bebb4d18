// A photo over 1 MB reaches the edit form's action, without and with JavaScript: the proxy grants
// more than 1 MB on a contribution's page only to the photo forms' own posts with a session
// (decision 055), read here from the real build's action ids and the real form's fields. The
// comment form on the same page, sent the same 1.5 MB, is answered with the 413 page naming 1 MB.
import { randomBytes, randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import en from "../messages/en.json" with { type: "json" };
import { INVITATIONS } from "../prisma/seed/dialogues";

const invitation = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "collecting")!;
const m = en;
const numbered = (message: string, n: number) => message.replace("{number, number}", String(n));
/** Noise compresses badly: a 1600 × 1200 JPEG of about 1.5 MB, over the 1 MB of every other form. */
const largePhoto = () => sharp(randomBytes(1600 * 1200 * 3), { raw: { width: 1600, height: 1200, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();

async function needOfNewMember(page: Page, title: string) {
  await page.goto(`/en/join/${invitation.code}`);
  await page.getByLabel(m.join.displayName, { exact: true }).fill(`Amal ${randomBytes(3).toString("hex")}`);
  await page.getByLabel(m.join.acceptCodeOfConduct).check();
  await page.getByRole("button", { name: m.join.signUpSubmit }).click();
  await page.getByRole("link", { name: m.join.toDialogue }).click();
  await page.goto(`${new URL(page.url()).pathname}/new`);
  await page.getByRole("radio", { name: m.post.need }).check();
  await page.getByRole("group", { name: m.post.theme }).getByRole("radio").first().check();
  await page.getByLabel(m.post.title, { exact: true }).fill(title);
  await page.getByLabel(m.post.body, { exact: true }).fill("The ramp at the entrance of house 4 is broken since the winter.");
  await page.getByRole("button", { name: m.post.submit }).click();
  // The answer is the new need's page, or first an offer of similar ones: wait for either, then decide.
  const similar = page.getByTestId("similar-contributions");
  await expect(page.getByRole("heading", { level: 1, name: title, exact: true }).or(similar)).toBeVisible();
  if (await similar.isVisible()) await page.getByRole("button", { name: m.similar.postAnyway }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
}

async function addLargePhoto(page: Page, alt: string) {
  await page.getByText(m.contributionPage.edit, { exact: true }).click();
  const edit = page.locator("details", { has: page.getByRole("button", { name: m.post.save }) });
  await edit.getByText(m.images.add.split("(")[0]!.trim()).click();
  const buffer = await largePhoto();
  expect(buffer.byteLength).toBeGreaterThan(1024 * 1024);
  await edit.getByLabel(numbered(m.images.file, 1), { exact: true }).setInputFiles({ name: "IMG_4.jpg", mimeType: "image/jpeg", buffer });
  await edit.getByLabel(numbered(m.images.alt, 1), { exact: true }).fill(alt);
  await edit.getByRole("button", { name: m.post.save }).click();
  await expect(page.getByRole("img", { name: alt })).toBeVisible();
}

/** The shared list keeps to seeded titles for specs that run alongside. */
async function withdraw(page: Page, url: string) {
  await page.goto(url);
  await page.getByText(m.contributionPage.withdraw, { exact: true }).click();
  await page.getByLabel(m.post.withdrawConfirm).check();
  await page.getByRole("button", { name: m.post.withdraw, exact: true }).click();
  await expect(page).toHaveURL(/\?withdrawn=1$/);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a 1.5 MB photo is added on the edit form; the comment form on the page keeps 1 MB", async ({ page }) => {
    test.setTimeout(120_000);
    await needOfNewMember(page, `Broken ramp at house 4 ${randomInt(100_000, 1_000_000)}`);
    const contributionUrl = page.url().split("#")[0]!;
    await addLargePhoto(page, "A broken concrete ramp in front of a door");

    // The comment form's own fields (its action as React wrote it), sent with 1.5 MB more.
    await page.goto(contributionUrl);
    const comment = page.locator("form", { has: page.getByLabel(m.contributionPage.commentLabel, { exact: true }) }).first();
    const multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> = {};
    for (const input of await comment.locator('input[type="hidden"]').all()) {
      const name = await input.getAttribute("name");
      if (name) multipart[name] = (await input.getAttribute("value")) ?? "";
    }
    expect(Object.keys(multipart).some((name) => name.startsWith("$ACTION_"))).toBe(true);
    multipart.body = "A comment with a large file beside it";
    multipart.photo0 = { name: "big.jpg", mimeType: "image/jpeg", buffer: await largePhoto() };
    const refused = await page.request.post(contributionUrl, { multipart, headers: { origin: new URL(contributionUrl).origin }, maxRedirects: 0 });
    expect(refused.status()).toBe(413);
    expect(await refused.text()).toContain("1 MB");
    await withdraw(page, contributionUrl);
  });
});

test.describe("with JavaScript", () => {
  test("a 1.5 MB photo is added on the edit form", async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    // The need is posted as above, without JavaScript; the edit runs with it, signed in the same.
    const setup = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const posting = await setup.newPage();
    await needOfNewMember(posting, `Broken ramp at house 5 ${randomInt(100_000, 1_000_000)}`);
    const contributionUrl = posting.url().split("#")[0]!;
    const context = await browser.newContext({ baseURL, storageState: await setup.storageState() });
    await setup.close();
    const page = await context.newPage();
    await page.goto(contributionUrl);
    await addLargePhoto(page, "A broken ramp seen from the street");
    await withdraw(page, contributionUrl);
    await context.close();
  });
});
