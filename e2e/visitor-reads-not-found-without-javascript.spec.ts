// Every "not found" is a page a person can read without JavaScript, in their language and
// direction: a mistyped poster address, a contribution that is not there (withdrawn, or never
// was), a team page for someone without a team role. Next.js sends these as an empty document
// that only JavaScript fills (components/feedback/error-document-fallback.tsx fills it).
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { CATALOGUES, signInAs } from "./support/sign-in";
import { expectNoSidewaysScrolling } from "./support/layout";

const MUNICIPALITY = "musterstadt";

test.describe("without JavaScript on a 360 px phone", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

  for (const locale of ["de", "ar"] as const) {
    test(`reads every kind of 404 in ${locale}`, async ({ page }) => {
      const text = CATALOGUES[locale];
      const dialogue = `/${locale}/${MUNICIPALITY}/${DIALOGUES.collecting.slug}`;
      for (const path of [`/${locale}/${MUNICIPALITY}/plakat-tippfehler`, `/${locale}/nirgendwo/${DIALOGUES.collecting.slug}`, `${dialogue}/c/${randomUUID()}`]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(404);
        const heading = page.getByRole("heading", { level: 1, name: text.notFound.title });
        await expect(heading, path).toBeVisible();
        await expect(page.getByText(text.notFound.body)).toBeVisible();
        // In the page's language and direction.
        const content = page.locator("#error-document");
        await expect(content).toHaveAttribute("lang", locale);
        await expect(content).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
        await expect(page.getByRole("link", { name: text.notFound.home })).toHaveAttribute("href", `/${locale}`);
        await expectNoSidewaysScrolling(page);
      }
    });
  }

  test("a team page for someone without a team role is a readable 404", async ({ page }) => {
    await signInAs(page, "Nour");
    const response = await page.goto(`/de/${MUNICIPALITY}/${DIALOGUES.collecting.slug}/manage`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: CATALOGUES.de.notFound.title })).toBeVisible();
  });
});

test("with JavaScript the 404 shows its page once", async ({ page }) => {
  const response = await page.goto(`/ar/${MUNICIPALITY}/plakat-tippfehler`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: CATALOGUES.ar.notFound.title })).toHaveCount(1);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
});
