// A participant manages their own account: changes their display name, downloads their data
// (which holds the new name), and signs out on every device at once.
import { readFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import en from "../messages/en.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";

// A participant no other spec signs in as; this one renames the account and ends its sessions.
const person = DEMO_ACCOUNTS.find((account) => account.description.startsWith("Participant with lived experience, writes in English"))!;

async function signIn(page: Page, callbackPath?: string) {
  await page.goto(callbackPath ? `/en/sign-in?${new URLSearchParams({ callbackPath })}` : "/en/sign-in");
  await page.getByLabel(en.signIn.code, { exact: true }).fill(person.signInCode);
  await page.getByRole("button", { name: en.signIn.submit, exact: true }).click();
}

async function signedInPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page);
  await expect(page).toHaveURL("/en");
  return page;
}

test("a person changes their name, downloads their data and signs out on all devices", async ({ page, browser }) => {
  // The account page sends signed-out people to sign in, and back.
  await page.goto("/en/account");
  await expect(page).toHaveURL(/\/en\/sign-in\?callbackPath=%2Fen%2Faccount$/);
  await signIn(page, "/en/account");
  await expect(page).toHaveURL("/en/account");
  await expect(page.getByRole("banner")).toContainText(person.displayName);

  const otherPhone = await signedInPage(browser);

  const newName = `${person.displayName} ${randomBytes(2).toString("hex")}`;
  const nameField = page.getByLabel(en.join.displayName, { exact: true });
  await expect(nameField).toHaveValue(person.displayName);
  await nameField.fill(newName);
  await page.getByRole("button", { name: en.account.save }).click();
  // The confirmation under the form, not the push section's own status line.
  await expect(page.getByRole("region", { name: en.account.profileHeading }).getByRole("status")).toHaveText(en.account.saved);
  await expect(page.getByRole("banner")).toContainText(newName);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: en.account.download }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("mitreden-data.json");
  const data = JSON.parse(await readFile((await download.path())!, "utf8")) as { account: { displayName: string } };
  expect(data.account.displayName).toBe(newName);

  // Put the seeded name back for whoever uses this demo account next.
  await nameField.fill(person.displayName);
  await page.getByRole("button", { name: en.account.save }).click();
  await expect(page.getByRole("banner")).toContainText(person.displayName);

  await page.getByRole("button", { name: en.account.signOutEverywhere }).click();
  await expect(page).toHaveURL("/en");
  await expect(page.getByRole("banner").getByRole("link", { name: en.session.signIn })).toBeVisible();

  // The other phone's session ended too.
  await otherPhone.reload();
  await expect(otherPhone.getByRole("banner").getByRole("link", { name: en.session.signIn })).toBeVisible();
  await otherPhone.context().close();
});

test("signed out, the data download answers 401", async ({ request }) => {
  const response = await request.get("/api/account/data");
  expect(response.status()).toBe(401);
  expect(response.headers()["cache-control"]).toBe("no-store");
});
