// Someone typing a need sees that the same need is already there, and supports it instead
// (decision 051): without JavaScript, on a 360 px phone. The first post comes back with the
// similar need and everything typed kept; "Support this instead" supports it and goes there.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import de from "../messages/de.json" with { type: "json" };
import { DIALOGUES } from "../prisma/seed/dialogues";
import { signInAs } from "./support/sign-in";
import { expectNoSidewaysScrolling } from "./support/layout";

test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });

const dialoguePath = `/de/musterstadt/${DIALOGUES.collecting.slug}`;

test("a person typing a need sees a similar one and supports it instead", async ({ page: first, browser, baseURL }) => {
  const token = randomBytes(3).toString("hex");
  const title = `Nähcafé für Frauen im Lindenweg ${token}`;

  // Hannelore posted it first (if something looks alike to her, she posts hers anyway).
  await signInAs(first, "Hannelore Schmitt");
  await first.goto(`${dialoguePath}/new`);
  await first.getByRole("radio", { name: de.post.need }).check();
  await first.getByRole("radio", { name: de.themes.encounter }).check();
  await first.getByLabel(de.post.title, { exact: true }).fill(title);
  await first.getByLabel(de.post.body, { exact: true }).fill("Ein Ort, an dem Frauen zusammen nähen und Deutsch sprechen.");
  await first.getByRole("button", { name: de.post.submit }).click();
  // The answer is the new need's page, or first an offer of similar ones: wait for either, then decide.
  const similar = first.getByTestId("similar-contributions");
  await expect(first.getByRole("heading", { level: 1, name: title, exact: true }).or(similar)).toBeVisible();
  if (await similar.isVisible()) await first.getByRole("button", { name: de.similar.postAnyway }).click();
  await expect(first).toHaveURL(new RegExp(`${dialoguePath}/c/[0-9a-f-]{36}#flash$`));
  const firstUrl = first.url().split("#")[0]!;

  // Nour writes the same need in her words (on the German page).
  const lena = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  const page = await lena.newPage();
  await signInAs(page, "Nour", "ar");
  await page.goto(`${dialoguePath}/new`);
  const body = "Wir wünschen uns einen Treffpunkt zum Nähen für Frauen.";
  await page.getByRole("radio", { name: de.post.need }).check();
  await page.getByRole("radio", { name: de.themes.encounter }).check();
  await page.getByLabel(de.post.title, { exact: true }).fill(`Nähcafé für Frauen am Lindenweg ${token}`);
  await page.getByLabel(de.post.body, { exact: true }).fill(body);
  await page.getByRole("button", { name: de.post.submit }).click();

  const offer = page.getByTestId("similar-contributions");
  await expect(offer.getByRole("heading", { name: de.similar.heading })).toBeVisible();
  const item = offer.getByTestId("similar-item").filter({ hasText: title });
  await expect(item.getByRole("link", { name: title })).toHaveAttribute("lang", "de");
  // Nothing she typed is lost, and nothing was posted yet.
  await expect(page.getByLabel(de.post.body, { exact: true })).toHaveValue(body);
  await expect(page.getByRole("radio", { name: de.themes.encounter })).toBeChecked();
  await expect(page.getByRole("button", { name: de.similar.postAnyway })).toBeVisible();
  await expectNoSidewaysScrolling(page);

  await item.getByRole("radio", { name: de.similar.sameAsMine }).check();
  await offer.getByRole("button", { name: de.similar.supportInstead }).click();
  await expect(page).toHaveURL(`${firstUrl}#supports`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("button", { name: de.supports.withdraw })).toBeVisible();

  // The shared list keeps to seeded titles for specs that run alongside.
  await first.goto(firstUrl);
  await first.getByText(de.contributionPage.withdraw, { exact: true }).click();
  await first.getByLabel(de.post.withdrawConfirm).check();
  await first.getByRole("button", { name: de.post.withdraw, exact: true }).click();
  await expect(first).toHaveURL(`${dialoguePath}?withdrawn=1`);
  await lena.close();
});
