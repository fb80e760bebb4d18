// Staff without JavaScript at 360 px put a district in its place and delete it (decision 049):
// a new district goes last, "Move up" moves it one place, and deleting asks for a ticked box that
// says what becomes of its contributions — without the tick the page says so at the box.
import { expect, test } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import de from "../messages/de.json" with { type: "json" };
import { keepScreenshot } from "./support/screenshot";
import { signInAs } from "./support/sign-in";

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

const t = de.districts;
const fill = (sentence: string, values: Record<string, string>) => sentence.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");

test("staff add a district, move it up, and delete it after ticking the box", async ({ page }) => {
  const name = `Hafenviertel ${Date.now() % 1_000_000}`;
  await signInAs(page, "Sabine Krüger");
  await page.goto("/de/musterstadt/districts");
  await page.getByLabel(fill(t.nameRequired, { language: "Deutsch" }), { exact: true }).fill(name);
  await page.getByRole("button", { name: t.create, exact: true }).click();
  await expect(page.getByText(t.saved, { exact: true })).toBeVisible();

  const rows = page.getByTestId("district-row");
  const names = async () => (await rows.locator("span.font-semibold").allTextContents()).map((text) => text.trim());
  expect((await names()).at(-1)).toBe(name);
  const lastButOne = (await names()).at(-2)!;

  await page.getByRole("button", { name: `${t.moveUp} ${name}`, exact: true }).click();
  await expect(page).toHaveURL(/\/de\/musterstadt\/districts#district-[0-9a-f-]{36}$/);
  expect((await names()).slice(-2)).toEqual([name, lastButOne]);
  await keepScreenshot(page, "staff-districts-de");

  await page.getByRole("link", { name: fill(t.editNamed, { name }), exact: true }).click();
  await expect(page.getByRole("heading", { name: t.deleteHeading })).toBeVisible();
  await expect(page.getByText(fill(t.deleteIntro.replace(/\{count, plural,.*?\}\} /, ""), { notSaid: de.post.placeNotSaid }))).toBeVisible();
  await page.getByRole("button", { name: t.deleteSubmit, exact: true }).click();
  const confirm = page.getByLabel(fill(t.deleteConfirm, { name }), { exact: true });
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await keepScreenshot(page, "staff-district-delete-refused-de");

  await confirm.check();
  await page.getByRole("button", { name: t.deleteSubmit, exact: true }).click();
  await expect(page.getByText(t.deleted, { exact: true })).toBeVisible();
  expect(await names()).not.toContain(name);
});

test("the districts page and a district's form in Arabic", async ({ page }) => {
  await signInAs(page, "Sabine Krüger", "ar");
  await page.goto("/ar/musterstadt/districts");
  await expect(page.getByRole("button", { name: new RegExp(`^${ar.districts.moveDown} `) }).first()).toBeVisible();
  await keepScreenshot(page, "staff-districts-ar");
  await page.getByTestId("district-row").first().getByRole("link").click();
  await expect(page.getByRole("heading", { name: ar.districts.deleteHeading })).toBeVisible();
  await keepScreenshot(page, "staff-district-form-ar");
});
