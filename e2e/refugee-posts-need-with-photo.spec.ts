// A man who writes Arabic posts a need with a photo of the broken ramp at the shelter's entrance,
// on a cheap phone without JavaScript at 360 px (decision 050): the photo fields are a plain file
// field and a description under "Add photos". Sent without a description, the form comes back with
// the message at the field and in the summary on top, what he typed kept and a request to choose
// the photo again; a text file named .jpg is refused by its content. With the description, his need
// shows the photo at phone size (lazy, width and height set, its description as alt text in Arabic)
// and a link to the larger one; the photo served has no GPS position left. The page passes axe.
import { randomBytes, randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, test, type Page } from "@playwright/test";
import type { AxeResults } from "axe-core";
import sharp from "sharp";
import ar from "../messages/ar.json" with { type: "json" };
import { INVITATIONS } from "../prisma/seed/dialogues";
import { expectNoSidewaysScrolling } from "./support/layout";

test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });

const invitation = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "collecting")!;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** "Photo {number, number}" as the page writes it, with the language's own digits. */
const numbered = (message: string, n: number) => message.replace("{number, number}", new Intl.NumberFormat("ar").format(n));
const summaryOf = (page: Page) => page.getByRole("alert").filter({ has: page.getByRole("heading", { name: ar.feedback.summaryTitle }) });

async function expectNoAxeViolations(page: Page) {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    }),
  );
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a need in Arabic with a photo of the broken ramp, described, without JavaScript", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const title = `المنحدر عند المدخل مكسور ${randomInt(100_000, 1_000_000)}`;
  const alt = "منحدر خرساني مكسور أمام باب المبنى";
  // A phone's photo: its GPS position and camera in the EXIF.
  const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 120, g: 120, b: 110 } } })
    .jpeg()
    .withExif({ IFD0: { Make: "CheapPhone" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 31/1 12/1", GPSLongitudeRef: "E", GPSLongitude: "13/1 24/1 18/1" } })
    .toBuffer();

  await page.goto(`/ar/join/${invitation.code}`);
  await page.getByLabel(ar.join.displayName, { exact: true }).fill(`سامر ${randomBytes(3).toString("hex")}`);
  await page.getByLabel(ar.join.acceptCodeOfConduct).check();
  await page.getByRole("button", { name: ar.join.signUpSubmit }).click();
  await page.getByRole("link", { name: ar.join.toDialogue }).click();
  const dialoguePath = new URL(page.url()).pathname;

  await page.goto(`${dialoguePath}/new`);
  await page.getByRole("radio", { name: ar.post.need }).check();
  await page.getByRole("group", { name: ar.post.theme }).getByRole("radio").first().check();
  await page.getByLabel(ar.post.title, { exact: true }).fill(title);
  await page.getByLabel(ar.post.body, { exact: true }).fill("لا يستطيع الكرسي المتحرك الدخول إلى السكن.");
  // "Add photos" opens without JavaScript (a <details>).
  await page.getByText(ar.images.add.split("(")[0]!.trim()).click();
  const file = page.getByLabel(numbered(ar.images.file, 1), { exact: true });
  await expect(file).toHaveAttribute("accept", "image/jpeg,image/png,image/webp");
  await expectNoSidewaysScrolling(page);

  // A text file named .jpg is not a photo, whatever its name and declared type.
  await file.setInputFiles({ name: "ramp.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not a photo at all\n") });
  await page.getByLabel(numbered(ar.images.alt, 1), { exact: true }).fill(alt);
  await page.getByRole("button", { name: ar.post.submit }).click();
  await expect(summaryOf(page)).toContainText(ar.images.errors.notImage);
  await expect(page.locator(`#${await file.getAttribute("id")}-error`)).toContainText(ar.images.chooseAgain);
  await expect(page.getByLabel(ar.post.title, { exact: true })).toHaveValue(title);
  await expect(page.getByLabel(numbered(ar.images.alt, 1), { exact: true })).toHaveValue(alt);

  // The photo without its description: the message at the description and on top.
  await file.setInputFiles({ name: "IMG_2041.jpg", mimeType: "image/jpeg", buffer: photo });
  await page.getByLabel(numbered(ar.images.alt, 1), { exact: true }).fill("");
  await page.getByRole("button", { name: ar.post.submit }).click();
  await expect(summaryOf(page)).toContainText(ar.images.errors.altRequired);
  await expect(page.getByLabel(numbered(ar.images.alt, 1), { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(ar.post.title, { exact: true })).toHaveValue(title);
  await expectNoSidewaysScrolling(page);

  // Described, and the photo chosen again: the need is posted with it.
  await page.getByLabel(numbered(ar.images.file, 1), { exact: true }).setInputFiles({ name: "IMG_2041.jpg", mimeType: "image/jpeg", buffer: photo });
  await page.getByLabel(numbered(ar.images.alt, 1), { exact: true }).fill(alt);
  await page.getByRole("button", { name: ar.post.submit }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  const image = page.getByRole("img", { name: alt });
  await expect(image).toBeVisible();
  await expect(image).toHaveAttribute("loading", "lazy");
  await expect(image).toHaveAttribute("lang", "ar");
  await expect(image).toHaveAttribute("width", "720");
  await expect(image).toHaveAttribute("height", "540");
  await expectNoSidewaysScrolling(page);

  const served = await page.request.get((await image.getAttribute("src"))!);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/webp");
  const metadata = await sharp(await served.body()).metadata();
  expect(metadata.exif).toBeUndefined();
  expect((await served.body()).includes(Buffer.from("CheapPhone"))).toBe(false);

  const contributionUrl = page.url();
  await page.getByRole("link", { name: ar.images.larger }).click();
  expect((await sharp(Buffer.from(await (await page.request.get(page.url())).body())).metadata()).width).toBe(1600);

  // axe runs as a script: the public page, read by someone else at 360 px.
  const reader = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: true });
  const readerPage = await reader.newPage();
  await readerPage.goto(contributionUrl);
  await expect(readerPage.getByRole("img", { name: alt })).toBeVisible();
  await expectNoAxeViolations(readerPage);
  await reader.close();
});
