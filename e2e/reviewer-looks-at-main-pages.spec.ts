// Screenshots of the main pages on a 360 px phone without JavaScript, in German and Arabic, for a
// reviewer to look at (test-results/screenshots/, kept by CI as an artifact; not compared pixel
// by pixel). Each page must at least answer and fit the width.
import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { CATALOGUES, signInAs } from "./support/sign-in";
import { keepScreenshot } from "./support/screenshot";

const M = "musterstadt";
const D = DIALOGUES.collecting.slug;

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

/** Into <output directory>/screenshots/<locale>-<name>.png (test-results/screenshots by default). */
async function shoot(page: Page, locale: string, name: string, testInfo: TestInfo = test.info()) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(360);
  const directory = path.join(testInfo.project.outputDir, "screenshots");
  await keepScreenshot(page, `${locale}-${name}`, { file: path.join(directory, `${locale}-${name}.png`) });
}

for (const locale of ["de", "ar"] as const) {
  test(`the main pages at 360 px (${locale})`, async ({ page }) => {
    const text = CATALOGUES[locale];
    const visit = async (name: string, address: string, status = 200) => {
      const response = await page.goto(address);
      expect(response?.status(), address).toBe(status);
      await shoot(page, locale, name);
    };
    await visit("home", `/${locale}`);
    await visit("municipality", `/${locale}/${M}`);
    await visit("dialogue", `/${locale}/${M}/${D}`);
    const contribution = await page.locator(`a[href*="/${D}/c/"]`).first().getAttribute("href");
    await visit("contribution", new URL(contribution!, page.url()).pathname);
    await visit("results", `/${locale}/${M}/${DIALOGUES.responding.slug}/results`);
    await visit("sign-in", `/${locale}/sign-in`);
    await visit("not-found", `/${locale}/${M}/gibt-es-nicht`, 404);

    await signInAs(page, "Nour", locale);
    await visit("post-form", `/${locale}/${M}/${D}/new`);
    await page.getByRole("button", { name: text.post.submit }).click();
    await expect(page.getByRole("heading", { name: text.feedback.summaryTitle })).toBeVisible();
    await shoot(page, locale, "post-form-errors");
    await visit("account", `/${locale}/account`);
  });
}
