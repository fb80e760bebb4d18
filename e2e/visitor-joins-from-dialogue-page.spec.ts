// The dialogue page on a phone and a desktop: the first contribution within the first two screens
// (left to right and right to left), a visitor who finds "How to take part" there and joins with
// the code typed on the page, and the new member who supports from the list without JavaScript
// and comes back to the same place in the same list. Texts come from the catalogues.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import de from "../messages/de.json" with { type: "json" };
import { formatInvitationCode } from "../lib/invitations/invitation-code";
import { INVITATIONS, DIALOGUES } from "../prisma/seed/dialogues";
import { dialogueTextIn } from "../prisma/seed/host-texts";
import { keepScreenshot } from "./support/screenshot";
import { expectNoSidewaysScrolling } from "./support/layout";

const MUNICIPALITY = "musterstadt";
const CATALOGUES = { de, ar };
const invitation = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "collecting")!;
const dialoguePath = (locale: string) => `/${locale}/${MUNICIPALITY}/${DIALOGUES.collecting.slug}`;

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

/** The contributions region and its list items. */
function contributionsOf(page: Page, locale: keyof typeof CATALOGUES): Locator {
  return page.getByRole("region", { name: CATALOGUES[locale].dialogue.contributionsHeading, exact: true });
}

for (const { locale, viewport, label } of [
  { locale: "de", viewport: PHONE, label: "a 360 px phone, left to right" },
  { locale: "ar", viewport: PHONE, label: "a 360 px phone, right to left" },
  { locale: "de", viewport: DESKTOP, label: "a 1280 px desktop" },
] as const) {
  test.describe(`a visitor without JavaScript on ${label}`, () => {
    test.use({ viewport, javaScriptEnabled: false });

    test("sees the phase, how to take part and the first contribution within the first two screens", async ({ page }) => {
      const text = CATALOGUES[locale];
      await page.goto(dialoguePath(locale));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(dialogueTextIn("collecting", locale, "title"));
      // Which phase, in words, and the timeline marks it as the current step.
      await expect(page.getByText(text.dialogueCard.phase.replace("{phase}", text.phases.COLLECTING))).toBeVisible();
      await expect(page.locator('[aria-current="step"]')).toContainText(text.phases.COLLECTING);
      await expect(page.getByText(text.dialogue.allows.COLLECTING)).toBeVisible();

      const takePart = page.getByRole("region", { name: text.dialogue.takePart.heading });
      await expect(takePart).toBeVisible();
      await expect(takePart.getByLabel(text.join.codeLabel, { exact: true })).toBeVisible();
      await expect(takePart.getByText(text.dialogue.takePart.writeDown)).toBeVisible();

      const first = contributionsOf(page, locale).getByRole("listitem").first();
      await expect(first.getByRole("heading", { level: 3 })).toBeVisible();
      const box = await first.boundingBox();
      expect(box).not.toBeNull();
      // Its title starts within the first two screens of the page.
      expect(box!.y + 60).toBeLessThanOrEqual(2 * viewport.height);
      // Each item: kind, two lines of its text and the support in one line (no table in the list).
      await expect(first.getByText(text.kinds.NEED).or(first.getByText(text.kinds.PROPOSAL)).first()).toBeVisible();
      await expect(first.getByTestId("support-line")).toBeVisible();
      await expect(first.getByLabel(text.contribution.supportsBreakdown)).toHaveCount(0);
      // A visitor has no support button.
      await expect(first.getByRole("button")).toHaveCount(0);
      await expectNoSidewaysScrolling(page, viewport.width);
      await keepScreenshot(page, `dialogue-${locale}-${viewport.width}px-visitor`, { attach: true });
    });
  });
}

async function signUp(page: Page, locale: keyof typeof CATALOGUES) {
  const text = CATALOGUES[locale];
  await page.getByLabel(text.join.displayName, { exact: true }).fill(`Test ${randomBytes(3).toString("hex")}`);
  await page.getByRole("radio", { name: text.join.perspectives.LIVED_EXPERIENCE }).check();
  await page.getByLabel(text.join.acceptCodeOfConduct).check();
  await page.getByRole("button", { name: text.join.signUpSubmit }).click();
  await expect(page.getByRole("region", { name: text.join.codeHeading })).toBeVisible();
  await page.getByRole("link", { name: text.join.toDialogue }).click();
}

async function phoneWithoutJavaScript(browser: Browser) {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  return { context, page: await context.newPage() };
}

/** The number at the start of the item's support line ("3 Unterstützungen, davon …"); 0 when none. */
async function supportCount(item: Locator): Promise<number> {
  const line = (await item.getByTestId("support-line").textContent()) ?? "";
  const digits = line.match(/\d+/);
  return digits ? Number(digits[0]) : 0;
}

test("a visitor joins with the code typed on the dialogue page, then supports from the list without JavaScript and comes back to the same place", async ({ browser }) => {
  const locale = "ar" as const;
  const text = CATALOGUES[locale];
  const { context, page } = await phoneWithoutJavaScript(browser);
  await page.goto(dialoguePath(locale));

  // Typed the way people copy from a poster: small letters, a space in the middle.
  const takePart = page.getByRole("region", { name: text.dialogue.takePart.heading });
  const code = invitation.code.toLowerCase();
  await takePart.getByLabel(text.join.codeLabel, { exact: true }).fill(`${code.slice(0, 4)} ${code.slice(4)}`);
  await takePart.getByRole("button", { name: text.dialogue.takePart.submit }).click();
  await expect(page).toHaveURL(`/${locale}/join/${formatInvitationCode(invitation.code)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(dialogueTextIn("collecting", locale, "title"));
  await signUp(page, locale);

  // A member now: the primary action is to post, the box is gone, each item has its support button.
  await expect(page).toHaveURL(dialoguePath(locale));
  await expect(page.getByRole("link", { name: text.post.postLink })).toBeVisible();
  await expect(page.getByRole("region", { name: text.dialogue.takePart.heading })).toHaveCount(0);
  await keepScreenshot(page, `dialogue-${locale}-360px-member`, { attach: true });

  // In German (its numbers are plain to read back), in a list sorted by newest: a proposal
  // (other specs count supports of needs).
  const listPath = `${dialoguePath("de")}?sort=newest`;
  await page.goto(listPath);
  const items = contributionsOf(page, "de").getByRole("listitem").locator("article");
  const proposal = items.filter({ hasText: de.kinds.PROPOSAL }).first();
  const id = (await proposal.getAttribute("id")) ?? "";
  expect(id).toMatch(/^c-/);
  const item = page.locator(`article#${id}`);
  const before = await supportCount(item);

  await item.getByRole("button", { name: new RegExp(`^${de.supports.give}`) }).click();
  await expect(page).toHaveURL(`${listPath}#${id}`);
  await expect(item.getByText(de.supports.youSupport)).toBeVisible();
  await expect(item.getByRole("button", { name: new RegExp(`^${de.supports.withdraw}`) })).toBeVisible();
  expect(await supportCount(item)).toBe(before + 1);
  // Only this item says so.
  await expect(page.getByText(de.supports.youSupport)).toHaveCount(1);

  await item.getByRole("button", { name: new RegExp(`^${de.supports.withdraw}`) }).click();
  await expect(page).toHaveURL(`${listPath}#${id}`);
  await expect(item.getByRole("button", { name: new RegExp(`^${de.supports.give}`) })).toBeVisible();
  expect(await supportCount(item)).toBe(before);
  await context.close();
});
