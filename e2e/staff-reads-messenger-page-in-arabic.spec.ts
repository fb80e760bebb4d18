// The municipality's SMS and messenger settings (decision 045) in Arabic on a 360 px phone without
// JavaScript: the headings and intros mix Arabic with the providers' Latin names. A name such as
// "signal-cli-rest-api" broke at its hyphens into two lines whose parts and brackets read
// scrambled right to left; it now stays whole on one line. Nothing scrolls sideways. The page is
// kept as a screenshot for the reviewer.
import { expect, test, type Locator } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import { keepScreenshot } from "./support/screenshot";
import { signInAs } from "./support/sign-in";
import { expectNoSidewaysScrolling } from "./support/layout";

test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });

/** On how many lines `words` lie inside `element` (the distinct tops of their text's boxes). */
function linesOf(element: Locator, words: string): Promise<number> {
  return element.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      return new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size;
    }
    return 0;
  }, words);
}

test("staff read the messenger settings in Arabic at 360 px, with the providers' names whole", async ({ page }) => {
  await signInAs(page, "Sabine Krüger", "ar");
  await page.goto("/ar/musterstadt/messenger");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ar.messengerSettings.title);
  const signal = page.locator("#signal-heading");
  await expect(signal).toHaveText("سيغنال (signal-cli-rest-api)");
  await expect(page.locator("#twilio-heading")).toHaveText(ar.messengerSettings.twilioHeading);
  // The name reads whole, left to right, on one line, in the heading and in the sentence under it.
  expect(await linesOf(signal, "signal-cli-rest-api")).toBe(1);
  expect(await linesOf(signal.locator("xpath=following-sibling::p[1]"), "signal-cli-rest-api")).toBe(1);
  await expect(signal.locator("bdi")).toHaveAttribute("dir", "ltr");
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "messenger-settings-ar-360", { file: "test-results/messenger-settings-ar-360.png" });
});
