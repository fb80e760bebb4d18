// Forged ids over real HTTP: a newcomer who joined one dialogue edits the hidden fields of the
// forms on its pages (no JavaScript, so the browser posts what the page holds) to act on a
// contribution of another dialogue they never joined. The server refuses, says so, and nothing
// shows up there. (Every domain function, row by row: tests/security/forged-ids.test.ts.)
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import en from "../messages/en.json" with { type: "json" };
import { CONTRIBUTIONS } from "../prisma/seed/contributions";
import { DIALOGUES, INVITATIONS } from "../prisma/seed/dialogues";

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

const MUNICIPALITY = "musterstadt";
const invitation = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "collecting")!;
const own = CONTRIBUTIONS.find((seeded) => seeded.dialogue === "collecting" && seeded.language === "en")!;
const foreign = CONTRIBUTIONS.find((seeded) => seeded.dialogue === "deliberating")!;

/** The id of a seeded contribution, read from its dialogue's list. */
async function idOf(page: Page, dialogue: "collecting" | "deliberating", title: string): Promise<string> {
  await page.goto(`/en/${MUNICIPALITY}/${DIALOGUES[dialogue].slug}`);
  const href = await page.getByRole("link", { name: title, exact: true }).first().getAttribute("href");
  return /\/c\/([0-9a-f-]{36})/.exec(href ?? "")![1]!;
}

/** Sets a hidden field of every form on the page, as an attacker editing the HTML would. */
async function forge(page: Page, name: string, value: string) {
  // Playwright's own evaluation works with page scripts off.
  await page.locator(`form input[type=hidden][name="${name}"]`).evaluateAll((inputs, forged) => {
    for (const input of inputs as HTMLInputElement[]) input.value = forged;
  }, value);
}

test("a member of one dialogue cannot comment on or support a contribution of another by forging its id", async ({ page }) => {
  const foreignId = await idOf(page, "deliberating", foreign.title);
  const ownId = await idOf(page, "collecting", own.title);

  await page.goto(`/en/join/${invitation.code}`);
  await page.getByLabel(en.join.displayName, { exact: true }).fill(`Mallory ${randomBytes(2).toString("hex")}`);
  await page.getByLabel(en.join.acceptCodeOfConduct).check();
  await page.getByRole("button", { name: en.join.signUpSubmit }).click();
  await expect(page.getByRole("region", { name: en.join.codeHeading })).toBeVisible();

  // A comment, posted from their own dialogue's page with the other dialogue's contribution id.
  const comment = `Forged comment ${randomBytes(3).toString("hex")}`;
  await page.goto(`/en/${MUNICIPALITY}/${DIALOGUES.collecting.slug}/c/${ownId}`);
  await forge(page, "contributionId", foreignId);
  await page.getByLabel(en.contributionPage.commentLabel, { exact: true }).fill(comment);
  await page.getByRole("button", { name: en.comments.submit }).click();
  await expect(page.getByText(en.errors.FORBIDDEN)).toBeVisible();

  // A support, the same way.
  await page.goto(`/en/${MUNICIPALITY}/${DIALOGUES.collecting.slug}/c/${ownId}`);
  await forge(page, "contributionId", foreignId);
  await page.getByRole("button", { name: en.supports.give }).click();
  await expect(page.getByText(en.errors.FORBIDDEN)).toBeVisible();

  // Nothing arrived there, and the own contribution was not touched either.
  await page.goto(`/en/${MUNICIPALITY}/${DIALOGUES.deliberating.slug}/c/${foreignId}`);
  await expect(page.getByText(comment)).toHaveCount(0);
  await expect(page.getByText(en.supports.youSupport)).toHaveCount(0);
  await page.goto(`/en/${MUNICIPALITY}/${DIALOGUES.collecting.slug}/c/${ownId}`);
  await expect(page.getByText(comment)).toHaveCount(0);
  await expect(page.getByText(en.supports.youSupport)).toHaveCount(0);
});
