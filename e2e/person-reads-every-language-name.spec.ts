// Every UI language is offered in its own name and script ("ትግርኛ", "پښتو"), on the account page
// and in the language switcher of every page. A name a device has no font for is drawn as empty
// boxes ("tofu"): the person cannot find their language. Phones ship fonts for these scripts;
// a machine without them (Debian's Chromium, a bare Linux desktop) falls back to the Ethiopic
// subset the app ships (app/fonts, decision 075), never to a download from elsewhere.
import { expect, test, type Page } from "@playwright/test";
import { keepScreenshot } from "./support/screenshot";
import { CATALOGUES, signInAs, type SpecLocale } from "./support/sign-in";

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

const NOUR = "Nour";
/** Fonts that have Ethiopic letters: those app/globals.css names for `:lang(ti)`, ours included. */
const ETHIOPIC_FONTS = ["Noto Sans Ethiopic", "Kefa", "Ebrima", "Nyala", "Abyssinica SIL"];

/** The fonts Chromium drew a node's text with, and how many glyphs each (DevTools protocol). */
async function fontsOf(page: Page, selector: string) {
  const client = await page.context().newCDPSession(page);
  await client.send("DOM.enable");
  await client.send("CSS.enable");
  const { root } = await client.send("DOM.getDocument", { depth: 0 });
  const { nodeId } = await client.send("DOM.querySelector", { nodeId: root.nodeId, selector });
  const { fonts } = await client.send("CSS.getPlatformFontsForNode", { nodeId });
  await client.detach();
  return fonts;
}

for (const locale of ["ar", "de"] as const satisfies readonly SpecLocale[]) {
  test(`${locale}: the account page names every language in a font that has its letters`, async ({ page }) => {
    await signInAs(page, NOUR, locale);
    await page.goto(`/${locale}/account`);
    const text = CATALOGUES[locale];
    const languages = page.getByRole("group", { name: text.join.language });
    await expect(languages.locator('[lang="ti"]')).toHaveText("ትግርኛ");
    await keepScreenshot(page, `account-${locale}-360-nojs`);
    await languages.screenshot({ path: test.info().outputPath(`languages-${locale}.png`) });
    // Drawn with a font that has Ethiopic letters: the device's, or the app's own copy; never
    // with a Latin font's empty boxes.
    const fonts = await fontsOf(page, 'fieldset [lang="ti"]');
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !ETHIOPIC_FONTS.includes(font.familyName))).toEqual([]);
  });
}
