// A participant with lived experience of flight posts a need in Arabic on a cheap phone
// without JavaScript: signs in with her code, opens the post form of the dialogue she takes part
// in, writes a need, lands on its page (right to left, her words as written) and finds it
// in the dialogue's list, then withdraws it. A mistake in the form does not lose what she typed.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { expectNoSidewaysScrolling } from "./support/layout";

const LOCALE = "ar" as const;
const text = ar;
const MUNICIPALITY = "musterstadt";

test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });

const nour = DEMO_ACCOUNTS.find((account) => account.displayName === "Nour")!;
const dialogue = DIALOGUES.collecting;
const dialoguePath = `/${LOCALE}/${MUNICIPALITY}/${dialogue.slug}`;

test("a refugee posts a need in Arabic without JavaScript and finds it in the dialogue", async ({ page }) => {
  await page.goto(`/${LOCALE}/sign-in`);
  await page.getByLabel(text.signIn.code, { exact: true }).fill(nour.signInCode);
  await page.getByRole("button", { name: text.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL(`/${LOCALE}`);

  // She already takes part in the dialogue and accepted its rules when she joined.
  await page.goto(dialoguePath);
  await page.getByRole("link", { name: text.post.postLink }).click();
  await expect(page).toHaveURL(`${dialoguePath}/new`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectNoSidewaysScrolling(page);
  // Accepted when she joined (the seed's memberships carry the acceptance): not asked a second time.
  await expect(page.getByLabel(text.post.acceptCodeOfConduct)).toHaveCount(0);

  const title = `لا يوجد إنترنت في السكن ${randomBytes(3).toString("hex")}`;
  const body = "في البيت رقم 3 لا يوجد إنترنت منذ شهرين. الأطفال لا يستطيعون عمل واجباتهم المدرسية.";
  await page.getByRole("radio", { name: text.post.need }).check();
  await page.getByRole("radio", { name: text.themes.digital }).check();
  await page.getByLabel(text.post.body, { exact: true }).fill(body);
  await expect(page.getByLabel(text.post.language)).toHaveValue("ar");

  // Forgotten heading: a message next to the field, and the text is still there.
  await page.getByRole("button", { name: text.post.submit }).click();
  await expect(page).toHaveURL(`${dialoguePath}/new`);
  await expect(page.getByText(text.validation.required, { exact: true })).toBeVisible();
  await expect(page.getByLabel(text.post.body, { exact: true })).toHaveValue(body);
  await expect(page.getByRole("radio", { name: text.themes.digital })).toBeChecked();

  await page.getByLabel(text.post.title, { exact: true }).fill(title);
  await page.getByRole("button", { name: text.post.submit }).click();

  await expect(page).toHaveURL(new RegExp(`${dialoguePath}/c/[0-9a-f-]{36}#flash$`));
  await expect(page.getByRole("status")).toHaveText(text.feedback.flash.posted);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(title);
  await expect(heading).toHaveAttribute("lang", "ar");
  await expect(heading).toHaveAttribute("dir", "rtl");
  const shown = page.getByTestId("contribution-body");
  await expect(shown).toHaveText(body);
  await expect(shown).toHaveAttribute("dir", "rtl");
  await expect(page.getByText(text.kinds.NEED, { exact: true })).toBeVisible();
  await expect(page.getByRole("main").getByText(nour.displayName, { exact: true })).toBeVisible();
  // She keeps her perspective private: it is not next to her name.
  await expect(page.getByText(`(${text.perspectives.LIVED_EXPERIENCE})`)).toHaveCount(0);
  await expectNoSidewaysScrolling(page);

  await page.getByRole("link", { name: text.contributionPage.back }).click();
  await expect(page).toHaveURL(dialoguePath);
  await expect(page.getByRole("link", { name: title })).toBeVisible();

  // She can take it back: it leaves the list. (This also keeps the shared list to seeded titles
  // for specs that run alongside.)
  await page.getByRole("link", { name: title }).click();
  const withdrawnUrl = page.url().split("#")[0]!;
  await page.getByText(text.contributionPage.withdraw, { exact: true }).click();
  await page.getByLabel(text.post.withdrawConfirm).check();
  await page.getByRole("button", { name: text.post.withdraw, exact: true }).click();
  await expect(page).toHaveURL(`${dialoguePath}?withdrawn=1`);
  await expect(page.getByRole("status").filter({ hasText: text.post.withdrawn })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);

  // Its old address (a link she shared, a notification) is a readable 404 in her language.
  const gone = await page.goto(withdrawnUrl);
  expect(gone?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: text.notFound.title })).toBeVisible();
  await expect(page.getByRole("link", { name: text.notFound.home })).toBeVisible();
});
