// Staff answer a need publicly, on a phone without JavaScript: a participant posts a need, the
// integration officer finds it in the queue of needs without an answer, tries to change its
// status without writing why (refused, nothing typed is lost), then answers with status, text,
// who decided, the responsible actor and a date. The answer appears in the public timeline with
// a link to the actor on the organigram, and the participant finds the notification.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import de from "../messages/de.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { ACTORS } from "../prisma/seed/actors";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { expectNoSidewaysScrolling } from "./support/layout";

const LOCALE = "de";
const MUNICIPALITY = "musterstadt";
const phone = { viewport: { width: 360, height: 740 }, javaScriptEnabled: false } as const;
const dialoguePath = `/${LOCALE}/${MUNICIPALITY}/${DIALOGUES.collecting.slug}`;
const actor = ACTORS.housingOffice.name;

test.use(phone);

function demoAccount(displayName: string) {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.displayName === displayName);
  if (!account) throw new Error(`no demo account ${displayName}`);
  return account;
}

async function signedIn(browser: Browser, baseURL: string, displayName: string): Promise<Page> {
  const context = await browser.newContext({ ...phone, baseURL });
  const page = await context.newPage();
  await page.goto(`/${LOCALE}/sign-in`);
  await page.getByLabel(de.signIn.code, { exact: true }).fill(demoAccount(displayName).signInCode);
  await page.getByRole("button", { name: de.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL(`/${LOCALE}`);
  return page;
}

test("staff answer a need with status, text and actor; the author is notified", async ({ browser, baseURL }) => {
  // Three people, some twenty page loads on a shared machine.
  test.setTimeout(90_000);
  if (!baseURL) throw new Error("baseURL is not set");
  const title = `Kein WLAN im Haus 3 ${randomBytes(3).toString("hex")}`;

  // The need, posted by a participant with lived experience.
  const nour = await signedIn(browser, baseURL, "Nour");
  await nour.goto(`${dialoguePath}/new`);
  await nour.getByRole("radio", { name: de.post.need }).check();
  await nour.getByRole("radio", { name: de.themes.digital }).check();
  await nour.getByLabel(de.post.title, { exact: true }).fill(title);
  await nour.getByLabel(de.post.body, { exact: true }).fill("Seit zwei Monaten gibt es kein Internet. Die Kinder können keine Hausaufgaben machen.");
  await nour.getByRole("button", { name: de.post.submit }).click();
  await expect(nour).toHaveURL(new RegExp(`${dialoguePath}/c/[0-9a-f-]{36}#flash$`));
  const needPath = new URL(nour.url()).pathname;

  // Staff find it in the queue: open since today, no support yet.
  const staff = await signedIn(browser, baseURL, "Sabine Krüger");
  await staff.goto(`${dialoguePath}/manage`);
  await staff.getByRole("link", { name: de.answerQueue.dialogueLink }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(de.answerQueue.title);
  const queued = staff.getByTestId("answer-queue").getByRole("listitem").filter({ hasText: title });
  await expect(queued.getByText(de.answerQueue.age.match(/=0 \{([^}]+)\}/)![1]!)).toBeVisible();
  await expectNoSidewaysScrolling(staff);
  await queued.getByRole("link", { name: title }).click();
  await expect(staff).toHaveURL(new RegExp(`${needPath}#respond-heading$`));

  // A status change without a written answer is refused; what was chosen and typed stays.
  const form = staff.locator("section[aria-labelledby=respond-heading]");
  await form.getByRole("radio", { name: de.statuses.PLANNED }).check();
  await form.getByLabel(de.responses.decidedBy, { exact: true }).fill("Sozialausschuss");
  await form.getByLabel(de.responses.actor, { exact: true }).selectOption({ label: actor });
  await form.getByLabel(de.responses.dueDate, { exact: true }).fill("2027-03-01");
  await form.getByRole("button", { name: de.responses.submit }).click();
  await expect(staff.getByText(de.responses.bodyRequired, { exact: true })).toBeVisible();
  await expect(form.getByLabel(de.responses.body, { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByRole("radio", { name: de.statuses.PLANNED })).toBeChecked();
  await expect(form.getByLabel(de.responses.decidedBy, { exact: true })).toHaveValue("Sozialausschuss");
  await expect(form.getByLabel(de.responses.actor, { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
  await expect(form.getByLabel(de.responses.dueDate, { exact: true })).toHaveValue("2027-03-01");
  await expectNoSidewaysScrolling(staff);

  const answer = "Das Amt lässt bis März WLAN in allen Häusern einrichten, weil der Sozialausschuss die Mittel bewilligt hat.";
  await form.getByLabel(de.responses.body, { exact: true }).fill(answer);
  await form.getByRole("button", { name: de.responses.submit }).click();

  // The public timeline: status, what and why, who decided, the actor as a link, the date.
  await staff.goto(needPath);
  const timeline = staff.getByTestId("response-timeline");
  await expect(timeline.getByText(de.statuses.PLANNED, { exact: true })).toBeVisible();
  await expect(timeline.getByText(answer)).toBeVisible();
  await expect(timeline.getByText("Sozialausschuss", { exact: true })).toBeVisible();
  await expect(timeline.locator('time[datetime="2027-03-01"]')).toBeVisible();
  const actorLink = timeline.getByRole("link", { name: actor });
  await expect(actorLink).toHaveAttribute("href", new RegExp(`^/${LOCALE}/${MUNICIPALITY}/actors#actor-[0-9a-f-]{36}$`));
  await expect(staff.locator("dl").filter({ hasText: de.contributionPage.status }).getByText(de.statuses.PLANNED, { exact: true })).toBeVisible();

  // The link leads to the actor on the organigram, with what it is responsible for.
  const actorHref = (await actorLink.getAttribute("href"))!;
  await staff.goto(actorHref);
  const entry = staff.locator(`article#${actorHref.split("#")[1]}`);
  await expect(entry.getByRole("heading", { name: actor })).toBeVisible();
  await expect(entry.getByRole("listitem").filter({ hasText: `${de.themes.digital} ${DIALOGUES.collecting.title}` })).toHaveCount(1);
  await expectNoSidewaysScrolling(staff);

  // The author is told: a counter in the header, and the answer in the notifications.
  await nour.goto(`/${LOCALE}`);
  // The header link names the unread ones ("Benachrichtigungen 1 ungelesen").
  const headerLink = nour.getByRole("link", { name: new RegExp(`^${de.notifications.headerLink} \\d+ `) });
  await expect(headerLink).toBeVisible();
  await headerLink.click();
  await expect(nour.getByRole("heading", { level: 1 })).toHaveText(de.notifications.title);
  const notification = nour.getByRole("main").getByRole("link", { name: new RegExp(title) });
  await expect(notification).toBeVisible();
  await notification.click();
  await expect(nour.getByTestId("response-timeline").getByText(answer)).toBeVisible();

  // Withdrawn again, so the dialogue's list keeps its seeded titles for specs running alongside.
  await nour.goto(needPath);
  await nour.getByText(de.contributionPage.withdraw, { exact: true }).click();
  await nour.getByLabel(de.post.withdrawConfirm).check();
  await nour.getByRole("button", { name: de.post.withdraw, exact: true }).click();
  await expect(nour).toHaveURL(`${dialoguePath}?withdrawn=1`);
});
