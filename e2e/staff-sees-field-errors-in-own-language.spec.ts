// Staff pages' forms say what is wrong next to the field in the page's language, with and without
// JavaScript. Their form messages (validation, errors, feedback) came with the layout, for a
// request with a session cookie; now they come with the page that renders the form (decision 085),
// and these pages had none of their own.
import { expect, test, type Page } from "@playwright/test";
import { CATALOGUES, signInAs } from "./support/sign-in";

const MUNICIPALITY = "musterstadt";
const STAFF = "Sabine Krüger";
const de = CATALOGUES.de;
const accentTooLight = de.validation.accentTooLight.slice(0, de.validation.accentTooLight.indexOf("{ratio"));

/** The field's own message: the last element its aria-describedby names. */
async function fieldMessage(page: Page, label: string) {
  const field = page.getByLabel(label, { exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  return page.locator(`[id="${(await field.getAttribute("aria-describedby"))!.split(" ").at(-1)}"]`);
}

const CASES = [
  {
    page: "branding",
    path: `/de/${MUNICIPALITY}/branding`,
    fill: (page: Page) => page.getByLabel(de.branding.accent, { exact: true }).fill("#ffdd00"),
    submit: de.branding.submit,
    label: de.branding.accent,
    message: accentTooLight,
  },
  {
    page: "staff",
    path: `/de/${MUNICIPALITY}/staff`,
    fill: async (page: Page) => {
      await page.getByLabel(de.staff.email, { exact: true }).fill(`neu-${Date.now()}@example.org`);
      await page.getByLabel(de.staff.displayName, { exact: true }).fill("Anna ✓");
    },
    submit: de.staff.submit,
    label: de.staff.displayName,
    message: de.validation.name_badge,
  },
];

for (const javaScriptEnabled of [false, true]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });
    for (const { page: name, path, fill, submit, label, message } of CASES) {
      test(`the ${name} page's form says what is wrong next to the field, in German`, async ({ page }) => {
        await signInAs(page, STAFF, "de");
        await page.goto(path);
        await fill(page);
        await page.getByRole("button", { name: submit, exact: true }).click();
        const shown = await fieldMessage(page, label);
        await expect(shown).toContainText(message);
        await expect(page.getByRole("alert").filter({ hasText: de.feedback.summaryTitle })).toBeVisible();
      });
    }
  });
}
