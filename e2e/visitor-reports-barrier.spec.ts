// A visitor without JavaScript finds the accessibility statement from the footer, reads how to
// complain, reports a barrier and sees the confirmation; a mistake keeps what was typed. The
// statement is also in Einfache Sprache, which a German browser never lands in by itself.
import { expect, test } from "@playwright/test";
import de from "../messages/de.json" with { type: "json" };
import simple from "../messages/de-simple.json" with { type: "json" };
import ar from "../messages/ar.json" with { type: "json" };
import { DIALOGUES } from "../prisma/seed/dialogues";
import { openLanguageMenu } from "./support/header-menus";
import { keepScreenshot } from "./support/screenshot";

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });

// scripts/e2e-server.ts sets FEEDBACK_EMAIL to this address.
const FEEDBACK_EMAIL = "barrierefreiheit@mitreden.test";
const mailbox = `http://127.0.0.1:${process.env.E2E_MAIL_PORT ?? 3101}`;
type Mail = { subject: string; text: string };
async function feedbackMails(): Promise<Mail[]> {
  return (await (await fetch(`${mailbox}/mails?to=${encodeURIComponent(FEEDBACK_EMAIL)}`)).json()) as Mail[];
}

test("reports a barrier without JavaScript and sees the confirmation", async ({ page }) => {
  await page.goto("/de");
  await page.getByRole("contentinfo").getByRole("link", { name: de.accessibility.footerLink }).click();
  await expect(page).toHaveURL("/de/accessibility");
  await expect(page.getByRole("heading", { level: 1, name: de.accessibility.title })).toBeVisible();
  await expect(page.getByText("www.schlichtungsstelle-bgg.de")).toBeVisible();

  // Nothing described: the message sits next to the field, and the page name stays.
  await page.getByLabel(de.accessibility.page).fill("/de/musterstadt");
  await page.getByRole("button", { name: de.accessibility.submit }).click();
  await expect(page.getByText(de.validation.required, { exact: true })).toBeVisible();
  await expect(page.getByLabel(de.accessibility.page)).toHaveValue("/de/musterstadt");

  const description = `Der Knopf „Senden“ ist mit dem Screenreader nicht zu finden. ${Date.now()}`;
  await page.getByLabel(de.accessibility.description).fill(description);
  await page.getByRole("button", { name: de.accessibility.submit }).click();
  await expect(page.getByRole("status")).toHaveText(de.accessibility.sent);
  const mails = (await feedbackMails()).filter((mail) => mail.text.includes(description));
  expect(mails).toHaveLength(1);
  expect(mails[0]?.text).toContain("/de/musterstadt");
  await keepScreenshot(page, "accessibility-de-360", { file: "test-results/accessibility-de-360.png" });
});

test("reads the statement in Arabic, right to left", async ({ page }) => {
  await page.goto("/ar/accessibility");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1, name: ar.accessibility.title })).toBeVisible();
  await keepScreenshot(page, "accessibility-ar-360", { file: "test-results/accessibility-ar-360.png" });
});

test.describe("Einfache Sprache", () => {
  test.use({ locale: "de-CH", extraHTTPHeaders: { "Accept-Language": "de-CH,de;q=0.9" } });

  test("is never chosen by the browser, but one click away and German to the browser", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL("/de");
    await openLanguageMenu(page);
    await page.getByRole("navigation", { name: de.layout.languages }).getByRole("link", { name: "Einfache Sprache" }).click();
    await expect(page).toHaveURL("/de-simple");
    await expect(page.locator("html")).toHaveAttribute("lang", "de-simple");
    await expect(page.getByText(simple.home.intro1)).toBeVisible();

    // A dialogue and its contributions work in Einfache Sprache too; the phase in plain words.
    await page.goto(`/de-simple/musterstadt/${DIALOGUES.collecting.slug}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "de-simple");
    await expect(page.getByText(simple.phaseHints.COLLECTING)).toBeVisible();

    await page.goto("/de-simple/accessibility");
    await expect(page.getByRole("heading", { level: 1, name: simple.accessibility.title })).toBeVisible();
    // Dates are German: the month is spelled out in German.
    await expect(page.getByText(/\d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4}/)).toBeVisible();
    await keepScreenshot(page, "accessibility-simple-360", { file: "test-results/accessibility-simple-360.png" });
  });
});
