import { expect, type Page } from "@playwright/test";

/** The page fits the phone it is on (360 px unless said): nothing on it scrolls sideways. */
export async function expectNoSidewaysScrolling(page: Page, width = 360) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}
