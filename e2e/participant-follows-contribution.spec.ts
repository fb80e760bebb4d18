// Following without JavaScript on a phone (decision 030): a participant follows a contribution
// from its page, finds it on the account page under what she follows — with the default said in
// words — unfollows it there, and the contribution's page says she no longer follows it.
import { expect, test } from "@playwright/test";
import uk from "../messages/uk.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { CONTRIBUTIONS } from "../prisma/seed/contributions";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { expectNoSidewaysScrolling } from "./support/layout";

const olena = DEMO_ACCOUNTS.find((account) => account.displayName === "Olena K.")!;
const target = CONTRIBUTIONS.find((seeded) => seeded.dialogue === "collecting" && seeded.language === "de")!;

test("a participant follows a contribution, finds it on her account page and unfollows it there", async ({ browser }) => {
  const page = await (await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } })).newPage();
  await page.goto("/uk/sign-in");
  await page.getByLabel(uk.signIn.code, { exact: true }).fill(olena.signInCode);
  await page.getByRole("button", { name: uk.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL("/uk");

  // Found by its German title on the German list (other specs may give it a Ukrainian
  // translation meanwhile, which the Ukrainian list would show), then read in Ukrainian.
  await page.goto(`/de/musterstadt/${DIALOGUES.collecting.slug}`);
  await page.getByRole("link", { name: target.title, exact: true }).first().click();
  await page.goto(page.url().replace("/de/", "/uk/"));
  const contributionUrl = page.url();
  const form = page.getByTestId("follow-contribution");
  // Whatever the seed left (she may have commented on it), start from "not following".
  if (await form.getByRole("button", { name: uk.follow.unfollow, exact: true }).count()) {
    await form.getByRole("button", { name: uk.follow.unfollow, exact: true }).click();
  }
  await expect(form).toContainText(uk.follow.contributionOff);
  await form.getByRole("button", { name: uk.follow.follow, exact: true }).click();
  await expect(page).toHaveURL(contributionUrl);
  await expect(form).toContainText(uk.follow.contributionOn);

  await page.goto("/uk/account");
  const follows = page.getByTestId("follows");
  await expect(follows.getByRole("heading", { level: 2 })).toHaveText(uk.follow.heading);
  await expect(follows).toContainText(uk.follow.default);
  const entry = follows.getByRole("listitem").filter({ has: page.getByRole("link", { name: target.title, exact: true }) });
  await expect(entry.getByRole("link", { name: target.title, exact: true })).toHaveAttribute("lang", "de");
  await entry.getByRole("button", { name: uk.follow.unfollow, exact: true }).click();
  await expect(page).toHaveURL("/uk/account");
  await expect(follows.getByRole("link", { name: target.title, exact: true })).toHaveCount(0);
  await expectNoSidewaysScrolling(page);

  await page.goto(contributionUrl);
  await expect(form).toContainText(uk.follow.contributionOff);
});
