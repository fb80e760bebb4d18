// A person who fears someone saw their sign-in code gets a new one from the account page, on a
// phone without JavaScript, in Arabic (decision 032): the current code is asked for (a wrong one
// is refused at the field, everything else kept), the new code is shown once, the old one stops
// working at once, and the other phone where they were signed in is signed out in the same step.
// The sign-in page says truly what to do when the code is lost.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import { INVITATIONS } from "../prisma/seed/dialogues";
import { expectNoSidewaysScrolling } from "./support/layout";

const phone = { viewport: { width: 360, height: 740 }, javaScriptEnabled: false } as const;
test.use(phone);

const invitation = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "collecting")!;

async function signIn(browser: Browser, code: string): Promise<Page> {
  const page = await (await browser.newContext(phone)).newPage();
  await page.goto("/ar/sign-in");
  await page.getByLabel(ar.signIn.code, { exact: true }).fill(code);
  await page.getByRole("button", { name: ar.signIn.submit, exact: true }).click();
  return page;
}

test("a person replaces their sign-in code from the account page: the old code stops working, the other phone is signed out", async ({ page, browser }) => {
  test.setTimeout(90_000);
  // Their own account (a demo account's code must stay as seeded for the other specs).
  const name = `ليلى ${randomBytes(3).toString("hex")}`;
  await page.goto(`/ar/join/${invitation.code}`);
  await page.getByLabel(ar.join.displayName, { exact: true }).fill(name);
  await page.getByLabel(ar.join.acceptCodeOfConduct).check();
  await page.getByRole("button", { name: ar.join.signUpSubmit }).click();
  const oldCode = (await page.getByRole("region", { name: ar.join.codeHeading }).getByTestId("sign-in-code").textContent())!.trim();
  expect(oldCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);

  // Signed in on a second phone as well.
  const otherPhone = await signIn(browser, oldCode);
  await expect(otherPhone).toHaveURL("/ar");
  await expect(otherPhone.getByRole("banner")).toContainText(name);

  await page.goto("/ar/account");
  const section = page.locator("section", { has: page.getByRole("heading", { name: ar.account.newCodeHeading }) });
  await expect(section).toContainText(ar.account.newCodeIntro);
  await expectNoSidewaysScrolling(page);

  // A wrong current code: refused at the field, the box stays ticked.
  const current = section.getByLabel(ar.account.newCodeCurrent, { exact: true });
  await current.fill("ZZZZ-2222-ZZZZ");
  await section.getByLabel(ar.account.newCodeEndSessions).uncheck();
  await section.getByRole("button", { name: ar.account.newCodeSubmit }).click();
  const again = page.locator("section", { has: page.getByRole("heading", { name: ar.account.newCodeHeading }) });
  await expect(again.getByLabel(ar.account.newCodeCurrent, { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(again.getByLabel(ar.account.newCodeCurrent, { exact: true })).toHaveAccessibleDescription(new RegExp(ar.account.newCodeCurrentWrong.replace(/[.?()]/g, "\\$&")));
  await expect(again.getByLabel(ar.account.newCodeEndSessions)).not.toBeChecked();
  await expectNoSidewaysScrolling(page);

  // The right one, and the other devices signed out in the same step.
  await again.getByLabel(ar.account.newCodeCurrent, { exact: true }).fill(oldCode.toLowerCase().replaceAll("-", " "));
  await again.getByLabel(ar.account.newCodeEndSessions).check();
  await again.getByRole("button", { name: ar.account.newCodeSubmit }).click();
  await expect(page.getByText(ar.account.newCodeDone)).toBeVisible();
  await expect(page.getByText(ar.account.newCodeSignedOut)).toBeVisible();
  const card = page.getByRole("region", { name: ar.join.codeHeading });
  await expect(card).toContainText(ar.join.codeOnce);
  const newCode = (await card.getByTestId("sign-in-code").textContent())!.trim();
  expect(newCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  expect(newCode).not.toBe(oldCode);
  await expectNoSidewaysScrolling(page);
  // This phone stays signed in.
  await page.goto("/ar/account");
  await expect(page.getByRole("banner")).toContainText(name);

  // The other phone was signed out.
  await otherPhone.reload();
  await expect(otherPhone.getByRole("banner")).not.toContainText(name);
  await expect(otherPhone.getByRole("banner").getByRole("link", { name: ar.session.signIn })).toBeVisible();
  await otherPhone.context().close();

  // The old code is refused at once; the new one works. The sign-in page says what to do with a lost code.
  const withOld = await signIn(browser, oldCode);
  await expect(withOld).toHaveURL(/\/ar\/sign-in/);
  await expect(withOld.getByLabel(ar.signIn.code, { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(withOld.getByText(ar.signIn.lostCode)).toBeVisible();
  await withOld.context().close();
  const withNew = await signIn(browser, newCode);
  await expect(withNew).toHaveURL("/ar");
  await expect(withNew.getByRole("banner")).toContainText(name);
  await withNew.context().close();
});
