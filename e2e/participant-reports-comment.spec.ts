// A participant reports a comment (without JavaScript, on a phone), a moderator hides it with a
// category and a reason from the queue, the comment's author reads the reason and asks for a
// review, and everyone else sees only "hidden by moderation" and the category. The log has it.
// The municipality's moderator sees "Moderation (1)" in the header after the report (JavaScript
// off, 360 px), leading to one queue across the municipality; the reporter learns the outcome.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import en from "../messages/en.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { CONTRIBUTIONS } from "../prisma/seed/contributions";
import { DIALOGUES, INVITATIONS } from "../prisma/seed/dialogues";
import { expectNoSidewaysScrolling } from "./support/layout";

const text = en;
const moderation = en.moderation;
const dialoguePath = `/en/musterstadt/${DIALOGUES.collecting.slug}`;
const account = (name: string) => DEMO_ACCOUNTS.find((candidate) => candidate.displayName === name)!;
const author = account("Nour");
const invitation = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "collecting")!;
const moderator = account("Miriam Hoffmann");
const target = CONTRIBUTIONS.find((seeded) => seeded.dialogue === "collecting" && seeded.language === "en")!;

async function signedIn(browser: Browser, code: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto("/en/sign-in");
  await page.getByLabel(text.signIn.code, { exact: true }).fill(code);
  await page.getByRole("button", { name: text.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL("/en");
  return page;
}

/** A new participant of the collecting dialogue, signed in on a phone without JavaScript. */
async function joined(browser: Browser, displayName: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`/en/join/${invitation.code}`);
  await page.getByLabel(text.join.displayName, { exact: true }).fill(displayName);
  await page.getByLabel(text.join.acceptCodeOfConduct).check();
  await page.getByRole("button", { name: text.join.signUpSubmit }).click();
  await expect(page.getByRole("region", { name: text.join.codeHeading })).toBeVisible();
  return page;
}

test("a participant reports a comment, a moderator hides it with a reason, the author sees why", async ({ browser }) => {
  test.setTimeout(90_000);
  const words = `You are all liars, call me at 0170 ${randomBytes(3).toString("hex")}`;
  const reason = "Insults other participants and shares a private phone number.";

  // The author comments.
  const writer = await signedIn(browser, author.signInCode);
  await writer.goto(dialoguePath);
  await writer.getByRole("link", { name: target.title, exact: true }).first().click();
  await expect(writer.getByRole("heading", { level: 1 })).toHaveText(target.title);
  const contributionUrl = writer.url();
  await writer.getByLabel(text.contributionPage.commentLabel, { exact: true }).fill(words);
  await writer.getByRole("button", { name: text.comments.submit }).click();
  const own = writer.locator("[id^=comment-]").filter({ hasText: words });
  await expect(own).toBeVisible();
  // Nobody reports their own words.
  await expect(own.getByText(moderation.report.open, { exact: true })).toHaveCount(0);

  // The municipality's moderator, on a phone without JavaScript: no open report yet.
  const headerLink = (count: number) => moderation.queue.headerLink.replace("{count, number}", String(count));
  const phone = await signedIn(browser, moderator.signInCode, false);
  await expect(phone.getByRole("link", { name: headerLink(0), exact: true })).toBeVisible();

  // Another participant reports it, with a plain form post (no JavaScript). A person who joins
  // now: the demo accounts are signed out everywhere by other specs running alongside.
  const reader = await joined(browser, `Reporter ${randomBytes(2).toString("hex")}`);
  await reader.goto(contributionUrl);
  const reported = reader.locator("[id^=comment-]").filter({ hasText: words });
  // A link to the same page with this comment's report form open (decision 089).
  await reported.getByRole("link", { name: moderation.report.open, exact: true }).click();
  await reported.getByLabel(moderation.report.category).selectOption("INSULT");
  await reported.getByLabel(moderation.report.reason).fill("Calls everyone liars.");
  await reported.getByRole("button", { name: moderation.report.submit }).click();
  await expect(reader.getByText(moderation.report.thanks)).toBeVisible();

  // The moderator's header says so, and leads to one queue across the municipality.
  await phone.reload();
  await phone.getByRole("link", { name: headerLink(1), exact: true }).click();
  await expect(phone).toHaveURL("/en/musterstadt/moderation");
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText(moderation.queue.municipalityTitle);
  await expect(phone.getByTestId("report-group").filter({ hasText: words })).toContainText("Calls everyone liars.");
  await expectNoSidewaysScrolling(phone);

  // The moderator finds it in the queue with the words, and hides it with a reason.
  const mod = await signedIn(browser, moderator.signInCode);
  await mod.goto(dialoguePath);
  await mod.getByRole("link", { name: moderation.queue.title, exact: true }).click();
  await expect(mod.getByRole("heading", { level: 1 })).toHaveText(moderation.queue.title);
  const group = mod.getByTestId("report-group").filter({ hasText: words });
  await expect(group).toContainText("Calls everyone liars.");
  await group.locator("summary", { hasText: moderation.queue.hide }).click();
  await group.getByLabel(moderation.queue.hideCategory).selectOption("INSULT");
  await group.getByLabel(moderation.queue.hideReason).fill(reason);
  await group.getByRole("button", { name: moderation.queue.hide }).click();
  await expect(group).toHaveCount(0);
  await phone.reload();
  await expect(phone.getByRole("link", { name: headerLink(0), exact: true })).toBeVisible();

  // The reporter learns the outcome, not who decided.
  await reader.goto("/en/notifications");
  const outcome = en.notifications.sentences.reportUpheld.match(/comment \{(.*?)\} other/)![1]!.replace("{title}", target.title);
  await expect(reader.getByText(outcome)).toBeVisible();
  await expect(reader.getByText(moderator.displayName)).toHaveCount(0);

  // The author sees the reason and the category, and asks for a review once.
  await writer.goto(contributionUrl);
  const notice = writer.locator("[id^=comment-]").filter({ hasText: words }).getByTestId("hide-notice");
  await expect(notice).toContainText(reason);
  await expect(notice).toContainText(moderation.categories.INSULT);
  await notice.locator("summary", { hasText: moderation.notice.askReview }).click();
  await notice.getByLabel(moderation.notice.reviewReason).fill("I was angry, I will write it again politely.");
  await notice.getByRole("button", { name: moderation.notice.reviewSubmit }).click();
  await expect(notice.getByText(moderation.notice.reviewPending)).toBeVisible();
  await expect(notice.locator("summary", { hasText: moderation.notice.askReview })).toHaveCount(0);

  // Everyone else: only that it was hidden, and the category; not the words, not the reason.
  const hiddenLine = moderation.hidden.replace("{category}", moderation.categories.INSULT);
  await reader.goto(contributionUrl);
  await expect(reader.getByText(hiddenLine)).toBeVisible();
  await expect(reader.getByText(words)).toHaveCount(0);
  await expect(reader.getByText(reason)).toHaveCount(0);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(contributionUrl);
  await expect(visitor.getByText(hiddenLine)).toBeVisible();
  await expect(visitor.getByText(words)).toHaveCount(0);

  // The moderator who hid it may not decide the review; the log shows every step.
  await mod.reload();
  await expect(mod.getByText(moderation.queue.ownHide)).toBeVisible();
  await mod.getByRole("link", { name: moderation.log.title, exact: true }).click();
  const log = mod.getByTestId("moderation-log");
  await expect(log.locator("li").first()).toContainText(moderation.log.types.REVIEW_REQUESTED);
  await expect(log.locator("li", { hasText: reason })).toContainText(moderation.log.types.HIDE);
  await expect(log.locator("li", { hasText: reason })).toContainText(moderator.displayName);
});
