// Someone signed out (a bookmark, a link in a mail, a session that ran out) who opens a team
// page is asked to sign in and comes back to that page afterwards; a way back that leads off
// the site is not followed.
import { expect, test } from "@playwright/test";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { CATALOGUES, demoAccount } from "./support/sign-in";

const MUNICIPALITY = "musterstadt";
const text = CATALOGUES.de;

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

test("a signed-out staff member opens a team page, signs in, and is back on it", async ({ page }) => {
  const managePath = `/de/${MUNICIPALITY}/${DIALOGUES.collecting.slug}/manage`;
  await page.goto(managePath);
  await expect(page).toHaveURL(`/de/sign-in?callbackPath=${encodeURIComponent(managePath)}`);
  await expect(page.getByRole("status").filter({ hasText: text.feedback.signInFirst })).toBeVisible();

  await page.getByLabel(text.signIn.code, { exact: true }).fill(demoAccount("Sabine Krüger").signInCode);
  await page.getByRole("button", { name: text.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL(managePath);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a way back to another site is dropped: after signing in the start page opens", async ({ page }) => {
  await page.goto(`/de/sign-in?callbackPath=${encodeURIComponent("//evil.example/de")}`);
  await page.getByLabel(text.signIn.code, { exact: true }).fill(demoAccount("Sabine Krüger").signInCode);
  await page.getByRole("button", { name: text.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL("/de");
});
