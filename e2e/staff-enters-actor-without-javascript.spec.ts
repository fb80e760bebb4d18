// The actor form (issue 17, decision 042) without JavaScript at 360 px, in German and in Arabic:
// its return address is bound to the action where the page renders it, not carried in hidden
// fields. A refused entry comes back to the very page it was on, in its language, with the message
// at the field and what was typed kept; a saved one goes on to the actor's page and back to it.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { CATALOGUES, signInAs, type SpecLocale } from "./support/sign-in";
import { keepScreenshot } from "./support/screenshot";
import { expectNoSidewaysScrolling } from "./support/layout";

test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });

const MUNICIPALITY = "musterstadt";

for (const locale of ["de", "ar"] as const satisfies readonly SpecLocale[]) {
  test(`staff enter an actor without JavaScript in ${locale}, and come back to the page they were on`, async ({ page }) => {
    test.setTimeout(120_000);
    const t = CATALOGUES[locale];
    const tag = String(randomBytes(3).readUIntBE(0, 3));
    // An actor is written in the municipality's language (German here), whatever language the
    // staff member reads the pages in: the pages mark it so, and the every-text-has-its-language
    // sweep, which reads the same database, holds them to it.
    const description = `Nachbarschaftsinitiative ${tag}`;
    const name = `Nachbarn gemeinsam ${tag}`;
    const managePath = `/${locale}/${MUNICIPALITY}/actors/manage`;

    await signInAs(page, "Sabine Krüger", locale);
    await page.goto(managePath);
    await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");

    // No name: the same page again, in the same language, the message at the field, the description kept.
    await page.getByLabel(t.actors.description, { exact: true }).fill(description);
    await page.getByRole("button", { name: t.actors.create }).click();
    await expect(page).toHaveURL(new RegExp(`^[^?#]*${managePath}$`));
    const nameField = page.getByLabel(t.actors.name, { exact: true });
    await expect(nameField).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(t.validation.required).first()).toBeVisible();
    await expect(page.getByLabel(t.actors.description, { exact: true })).toHaveValue(description);
    await expectNoSidewaysScrolling(page);
    await keepScreenshot(page, `actor-refused-${locale}-360`);

    // Named: on to the new actor's page, in the page's language.
    await nameField.fill(name);
    await page.getByRole("button", { name: t.actors.create }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/${MUNICIPALITY}/actors/[0-9a-f-]{36}/edit\\?done=created$`));
    await expect(page.getByRole("status")).toHaveText(t.actors.created);
    const editPath = new URL(page.url()).pathname;

    // Saved on the actor's page: back to that very page.
    await page.getByLabel(t.actors.name, { exact: true }).fill(`${name} ${tag}`);
    await page.getByRole("button", { name: t.actors.save, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${editPath}\\?done=saved$`));
    await expect(page.getByRole("status")).toHaveText(t.actors.saved);
    await expect(page.getByLabel(t.actors.name, { exact: true })).toHaveValue(`${name} ${tag}`);
    await expectNoSidewaysScrolling(page);
    await keepScreenshot(page, `actor-saved-${locale}-360`);
  });
}
