// Anyone with a participant code tries to pose as the town's integration officer: a look-alike
// of her name is refused next to the name field, "municipal staff" is not offered to choose, and
// on a contribution page the officer's comment carries a verified badge that a participant's
// comment, whatever its name, does not.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import en from "../messages/en.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { CONTRIBUTIONS } from "../prisma/seed/contributions";
import { DIALOGUES, INVITATIONS } from "../prisma/seed/dialogues";

const LOCALE = "en" as const;
const text = en;
const invitation = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "collecting")!;
const sabine = DEMO_ACCOUNTS.find((account) => account.displayName === "Sabine Krüger")!;
const nour = DEMO_ACCOUNTS.find((account) => account.displayName === "Nour")!;

async function signIn(page: Page, code: string) {
  await page.goto(`/${LOCALE}/sign-in`);
  await page.getByLabel(text.signIn.code, { exact: true }).fill(code);
  await page.getByRole("button", { name: text.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL(`/${LOCALE}`);
}

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

test("a look-alike of a staff member's name is refused at sign-up, and staff cannot be chosen", async ({ page }) => {
  await page.goto(`/${LOCALE}/join/${invitation.code}`);
  await expect(page.getByRole("radio", { name: text.join.perspectives.MUNICIPAL_STAFF })).toHaveCount(0);
  // A Cyrillic "а": looks exactly like her name.
  await page.getByLabel(text.join.displayName, { exact: true }).fill("S\u0430bine Kr\u00fcger");
  await page.getByLabel(text.join.acceptCodeOfConduct).check();
  await page.getByRole("button", { name: text.join.signUpSubmit }).click();
  const field = page.getByLabel(text.join.displayName, { exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(text.validation.name_confusable, { exact: true })).toBeVisible();
});

test("the officer's comment carries the verified badge, a participant's does not", async ({ browser }) => {
  const { title } = CONTRIBUTIONS.find((seeded) => seeded.dialogue === "collecting" && seeded.language === LOCALE)!;
  const path = `/${LOCALE}/musterstadt/${DIALOGUES.collecting.slug}`;
  const suffix = randomBytes(3).toString("hex");
  const comments: Record<string, string> = {};
  for (const [who, code] of [["sabine", sabine.signInCode], ["nour", nour.signInCode]] as const) {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, code);
    await page.goto(path);
    await page.getByRole("link", { name: title, exact: true }).first().click();
    comments[who] = `Same words from ${who} ${suffix}`;
    await page.getByLabel(text.contributionPage.commentLabel, { exact: true }).fill(comments[who]);
    await page.getByRole("button", { name: text.comments.submit }).click();
    await expect(page.locator("p", { hasText: comments[who] })).toBeVisible();
    await context.close();
  }
  const page = await browser.newPage();
  await page.goto(path);
  await page.getByRole("link", { name: title, exact: true }).first().click();
  const officer = page.locator("[id^=comment-]").filter({ hasText: comments.sabine! });
  const participant = page.locator("[id^=comment-]").filter({ hasText: comments.nour! });
  await expect(officer.getByText(text.verifiedBadge.label.replace("{role}", text.verifiedBadge.STAFF))).toHaveCount(1);
  await expect(officer.locator("[data-verified-role=STAFF]")).toBeVisible();
  await expect(participant.locator("[data-verified-role]")).toHaveCount(0);
  await page.close();
});
