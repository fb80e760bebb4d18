// Staff of Musterstadt invite people to an open dialogue: create a participant invitation, print
// its poster (QR code drawn on the server, nothing loaded from elsewhere), take it back, and the
// code stops working; a co-host invitation is personal — one use, at most 5, no poster
// (decision 035). A participant cannot reach the invitations at all.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { expectNoSidewaysScrolling } from "./support/layout";

const MUNICIPALITY = "musterstadt";
const dialogue = DIALOGUES.collecting;
const invitationsPath = `/en/${MUNICIPALITY}/${dialogue.slug}/invitations`;

function demoAccount(displayName: string) {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.displayName === displayName);
  if (!account) throw new Error(`no demo account ${displayName}`);
  return account;
}

async function signIn(page: Page, displayName: string) {
  await page.goto("/en/sign-in");
  await page.getByLabel("Sign-in code", { exact: true }).fill(demoAccount(displayName).signInCode);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL("/en");
}

/** Every request the page makes that goes anywhere but this site. */
function requestsLeavingSite(page: Page, baseURL: string): string[] {
  const site = new URL(baseURL).origin;
  const leaving: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.protocol !== "blob:" && url.origin !== site) leaving.push(request.url());
  });
  return leaving;
}

async function signedOutPage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" } });
  return context.newPage();
}

test.describe("staff on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("invite people to take part, print the poster, and revoke the invitation", async ({ page, browser, baseURL }) => {
    if (!baseURL) throw new Error("baseURL is not set");
    const leaving = requestsLeavingSite(page, baseURL);
    await signIn(page, "Sabine Krüger");

    await page.goto(`/en/${MUNICIPALITY}/${dialogue.slug}`);
    await page.getByRole("link", { name: "Invite people" }).click();
    await expect(page).toHaveURL(invitationsPath);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invitations");
    await expectNoSidewaysScrolling(page);

    const form = page.getByRole("region", { name: "Invite people to take part" });
    // A poster's worth by default.
    await expect(form.getByLabel("How many times can the code be used?")).toHaveValue("50");
    await form.getByLabel("For how many days is the code valid?").fill("14");
    await form.getByLabel("How many times can the code be used?").fill("120");
    await form.getByRole("button", { name: "Create invitation" }).click();

    const created = page.getByRole("status").filter({ hasText: "has been created" });
    await expect(created).toBeVisible();
    const code = /([2-9A-Z]{4}-[2-9A-Z]{4})/.exec((await created.textContent()) ?? "")?.[1];
    if (!code) throw new Error("no code in the confirmation");

    const item = page.getByRole("listitem").filter({ has: page.getByText(code, { exact: true }) });
    await expect(item).toContainText("Taking part");
    await expect(item).toContainText("0 of 120 used");
    await expect(item).toContainText("Valid");

    await created.getByRole("link", { name: "Print poster" }).click();
    await expect(page).toHaveURL(/\/invitations\/[0-9a-f-]{36}\/poster$/);
    const qr = page.getByRole("img", { name: "QR code to take part" });
    await expect(qr.locator("svg")).toBeVisible();
    await expect(qr.locator("svg path").first()).toBeAttached();
    await expect(page.getByTestId("poster-code")).toHaveText(code);
    await expect(page.getByText(`/join/${code.replace("-", "")}`, { exact: false })).toBeVisible();
    // The explanation in each language of the dialogue that has a catalogue, marked as such.
    const poster = page.getByRole("article");
    await expect(poster.locator('[lang="de"]', { hasText: "Scannen Sie den QR-Code" })).toHaveAttribute("dir", "ltr");
    await expect(poster.locator('li[lang="en"]')).toHaveText("Scan the QR code or type the code to take part.");
    await expectNoSidewaysScrolling(page);

    await page.getByRole("link", { name: "Back to the invitations" }).click();
    await page.getByRole("button", { name: `Revoke invitation ${code}` }).click();
    await expect(item.getByText("Revoked", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: `Revoke invitation ${code}` })).toHaveCount(0);

    expect(leaving).toEqual([]);

    // Someone scans the poster: the locale-less address takes their phone's language.
    const visitor = await signedOutPage(browser, baseURL);
    await visitor.goto(`/join/${code.replace("-", "")}`);
    await expect(visitor).toHaveURL(`/en/join/${code.replace("-", "")}`);
    await expect(visitor.getByText("This invitation is no longer valid. It was withdrawn.")).toBeVisible();
    await visitor.context().close();
  });

  test("invite a co-host: personal, single-use, no poster, at most 5 uses, and revocable", async ({ page, browser, baseURL }) => {
    if (!baseURL) throw new Error("baseURL is not set");
    await signIn(page, "Sabine Krüger");
    await page.goto(invitationsPath);
    const form = page.getByRole("region", { name: "Invite one person into the team" });
    await form.getByRole("radio", { name: /Co-host in the team/ }).check();
    await expect(form.getByLabel("How many times can the code be used?")).toHaveValue("1");
    // More than a few uses is refused next to the field.
    await form.getByLabel("How many times can the code be used?").fill("50");
    await form.getByRole("button", { name: "Create invitation" }).click();
    const uses = form.getByLabel("How many times can the code be used?");
    await expect(uses).toHaveAttribute("aria-invalid", "true");
    await expect(uses).toHaveAccessibleDescription(/Please enter a number of at most 5\./);
    await expect(page.getByRole("listitem").filter({ hasText: "0 of 50 used" }).filter({ hasText: "Co-host in the team" })).toHaveCount(0);
    await form.getByLabel("How many times can the code be used?").fill("1");
    await form.getByRole("button", { name: "Create invitation" }).click();

    const created = page.getByRole("status").filter({ hasText: "has been created" });
    await expect(created).toContainText("Give it to the person yourself");
    await expect(created.getByRole("link")).toHaveCount(0);
    const code = /([2-9A-Z]{4}-[2-9A-Z]{4})/.exec((await created.textContent()) ?? "")?.[1];
    if (!code) throw new Error("no code in the confirmation");

    const item = page.getByRole("listitem").filter({ has: page.getByText(code, { exact: true }) });
    await expect(item).toContainText("Co-host in the team");
    await expect(item).toContainText("0 of 1 used");
    await expect(item).toContainText("Valid");
    await expect(item).toContainText("Personal invitation, no poster");
    await expect(item.getByRole("link", { name: /Print poster/ })).toHaveCount(0);
    await expectNoSidewaysScrolling(page);

    await page.getByRole("button", { name: `Revoke invitation ${code}` }).click();
    await expect(item.getByText("Revoked", { exact: true })).toBeVisible();
    const visitor = await signedOutPage(browser, baseURL);
    await visitor.goto(`/join/${code.replace("-", "")}`);
    await expect(visitor.getByText("This invitation is no longer valid. It was withdrawn.")).toBeVisible();
    await visitor.context().close();
  });
});

test("a participant gets a 404 for the invitations and the staff list, and sees no link to them", async ({ page }) => {
  await signIn(page, "Nour");
  for (const path of [invitationsPath, `/en/${MUNICIPALITY}/staff`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await expect(page.getByRole("button", { name: "Create invitation" })).toHaveCount(0);
  await page.goto(`/en/${MUNICIPALITY}/${dialogue.slug}`);
  await expect(page.getByRole("link", { name: "Invite people" })).toHaveCount(0);
});
