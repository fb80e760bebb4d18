// The municipality's SMS and messenger settings (decision 045) in Arabic on a 360 px phone without
// JavaScript: the headings, which mix Arabic with the providers' Latin names, read whole and in
// order; nothing scrolls sideways. The page is kept as a screenshot for the reviewer.
import { expect, test } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import { keepScreenshot } from "./support/screenshot";
import { signInAs } from "./support/sign-in";

test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });

test("staff read the messenger settings in Arabic at 360 px", async ({ page }) => {
  await signInAs(page, "Sabine Krüger", "ar");
  await page.goto("/ar/musterstadt/messenger");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ar.messengerSettings.title);
  await expect(page.getByRole("heading", { level: 2, name: ar.messengerSettings.twilioHeading })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: ar.messengerSettings.signalHeading })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await keepScreenshot(page, "messenger-settings-ar-360", { file: "test-results/messenger-settings-ar-360.png" });
});
