// Staff of Musterstadt open a new dialogue on a phone without JavaScript, in German: they create
// it as a draft, try to open it and are told that a co-host with lived experience of flight is
// missing, invite one, and open it once that person has joined. Then everyone sees it.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import de from "../messages/de.json" with { type: "json" };
import ar from "../messages/ar.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { keepScreenshot } from "./support/screenshot";
import { expectNoSidewaysScrolling } from "./support/layout";

const LOCALE = "de";
const MUNICIPALITY = "musterstadt";
const phone = { viewport: { width: 360, height: 740 }, javaScriptEnabled: false } as const;
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);

function demoAccount(displayName: string) {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.displayName === displayName);
  if (!account) throw new Error(`no demo account ${displayName}`);
  return account;
}

async function signIn(page: Page, locale: string, text: { signIn: { code: string; submit: string } }) {
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(text.signIn.code, { exact: true }).fill(demoAccount("Sabine Krüger").signInCode);
  await page.getByRole("button", { name: text.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL(`/${locale}`);
}

async function freshPhone(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ ...phone, baseURL });
  return { context, page: await context.newPage() };
}

test.use(phone);

test("staff create a dialogue, need a lived-experience co-host to open it, and open it", async ({ page, browser, baseURL }) => {
  if (!baseURL) throw new Error("baseURL is not set");
  const title = `Gut ankommen ${randomBytes(3).toString("hex")}`;
  const admin = de.dialogueAdmin;

  await signIn(page, LOCALE, de);

  await page.goto(`/${LOCALE}/${MUNICIPALITY}`);
  await page.getByRole("link", { name: de.municipality.newDialogue }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(admin.newTitle);
  await expectNoSidewaysScrolling(page);

  // Sent without a theme: the message sits next to the themes, and what was typed stays.
  await page.getByLabel(admin.title, { exact: true }).fill(title);
  await page.getByLabel(admin.summary, { exact: true }).fill("Was brauchen Sie in den ersten Wochen?");
  await page.getByLabel(admin.description, { exact: true }).fill("Ein Dialog mit Menschen, die neu in Musterstadt sind.");
  await expect(page.getByLabel(admin.codeOfConduct, { exact: true })).toHaveValue(/Wir reden mit Respekt miteinander/);
  await page.getByRole("button", { name: admin.create }).click();
  // Next to the field (and, since the error summary, also at the top of the form).
  await expect(page.getByText(de.dialogueValidation.themesRequired).last()).toBeVisible();
  await expect(page.getByLabel(admin.title, { exact: true })).toHaveValue(title);

  await page.getByRole("checkbox", { name: de.themes.housing }).check();
  await page.getByRole("checkbox", { name: "العربية" }).check();
  await page.getByRole("button", { name: admin.create }).click();
  await expect(page).toHaveURL(new RegExp(`/${LOCALE}/${MUNICIPALITY}/gut-ankommen-[0-9a-f]{6}/manage\\?done=created$`));
  await expect(page.getByRole("status")).toHaveText(admin.created);
  await keepScreenshot(page, "manage-draft-de");
  const dialoguePath = new URL(page.url()).pathname.replace(/\/manage$/, "");

  // A draft: the public gets a 404, and the municipality page does not list it.
  const visitor = await freshPhone(browser, baseURL);
  expect((await visitor.page.goto(dialoguePath))?.status()).toBe(404);
  await visitor.page.goto(`/${LOCALE}/${MUNICIPALITY}`);
  await expect(visitor.page.getByRole("link", { name: title })).toHaveCount(0);

  // Opening without a co-host with lived experience is refused, with the way forward.
  const advance = fill(admin.advance, { phase: de.phases.COLLECTING });
  await page.getByRole("button", { name: advance }).click();
  const refusal = page.getByRole("alert");
  await expect(refusal).toContainText(admin.refusedCoHost);
  await expectNoSidewaysScrolling(page);
  await refusal.getByRole("link", { name: admin.refusedCoHostLink }).click();
  // Straight to the team invitation, with the co-host role chosen.
  await expect(page).toHaveURL(`${dialoguePath}/invitations?role=CO_HOST#team`);

  const form = page.getByRole("region", { name: de.invitations.teamHeading });
  await expect(form.getByRole("radio", { name: new RegExp(de.invitations.roles.CO_HOST) })).toBeChecked();
  // One use by default: a co-host invitation is personal (decision 035).
  await expect(form.getByLabel(de.invitations.maxUses, { exact: true })).toHaveValue("1");
  await form.getByRole("button", { name: de.invitations.create }).click();
  const created = page.getByRole("status").filter({ hasText: "ist erstellt" });
  const code = /([2-9A-Z]{4}-[2-9A-Z]{4})/.exec((await created.textContent()) ?? "")?.[1];
  if (!code) throw new Error("no code in the confirmation");

  // A person with lived experience of flight joins the team through the invitation.
  const coHost = await freshPhone(browser, baseURL);
  await coHost.page.goto(`/${LOCALE}/join/${code.replace("-", "")}`);
  await coHost.page.getByLabel(de.join.displayName, { exact: true }).fill(`Amal ${randomBytes(3).toString("hex")}`);
  await coHost.page.getByRole("radio", { name: de.join.perspectives.LIVED_EXPERIENCE }).check();
  await coHost.page.getByLabel(de.join.acceptCodeOfConduct).check();
  // The page names the role before it is taken on.
  await expect(coHost.page.getByRole("heading", { name: de.join.teamRole.CO_HOST })).toBeVisible();
  await coHost.page.getByLabel(de.join.teamRole.confirm).check();
  await coHost.page.getByRole("button", { name: de.join.signUpSubmit }).click();
  await expect(coHost.page.getByRole("region", { name: de.join.codeHeading })).toBeVisible();
  await coHost.context.close();

  // Now the dialogue opens, and the history says who opened it.
  await page.goto(`${dialoguePath}/manage`);
  await page.getByRole("button", { name: advance }).click();
  await expect(page.getByRole("status")).toHaveText(fill(admin.advanced, { phase: de.phases.COLLECTING }));
  await expect(page.getByRole("region", { name: admin.historyHeading })).toContainText(
    fill(admin.historyItem, { from: de.phases.DRAFT, to: de.phases.COLLECTING, name: "Sabine Krüger" }),
  );
  await expectNoSidewaysScrolling(page);

  // The host team publishes where to get a code (plain text: markup stays text).
  const contact = "Fragen Sie Amal im Café International, Di 15–17 Uhr, oder rufen Sie 0123 456789 an. <b>Danke</b>";
  await page.getByLabel(admin.teamContact, { exact: true }).fill(contact);
  await page.getByRole("button", { name: admin.save, exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(admin.saved);
  await expect(page.getByLabel(admin.teamContact, { exact: true })).toHaveValue(contact);

  // Public now: listed on the municipality page and readable without an account.
  await visitor.page.goto(`/${LOCALE}/${MUNICIPALITY}`);
  await visitor.page.getByRole("link", { name: title }).click();
  await expect(visitor.page.getByRole("heading", { level: 1 })).toHaveText(title);
  // "How to take part" says where to get a code: the host team's contact, in the dialogue's language.
  const takePart = visitor.page.getByRole("region", { name: de.dialogue.takePart.heading });
  await takePart.getByText(de.dialogue.takePart.whereHeading).click();
  await expect(takePart.getByText(de.dialogue.takePart.fromTeam)).toBeVisible();
  const published = takePart.getByTestId("team-contact");
  await expect(published).toHaveText(contact);
  await expect(published).toHaveAttribute("lang", LOCALE);
  await expect(published.locator("b")).toHaveCount(0);
  await keepScreenshot(visitor.page, "take-part-contact-de");
  await expect(visitor.page.getByText(admin.draftNotice)).toHaveCount(0);
  await expect(visitor.page.getByRole("link", { name: admin.manageLink })).toHaveCount(0);
  await visitor.context.close();
});

// The seeded dialogue in deliberation has needs without an answer; this moves it on to answering
// (no other spec looks at its phase) and then tries to close it.
test("staff cannot close a dialogue while needs wait for an answer, and see which ones (Arabic)", async ({ page }) => {
  const dialogue = DIALOGUES.deliberating;
  await signIn(page, "ar", ar);
  await page.goto(`/ar/${MUNICIPALITY}/${dialogue.slug}/manage`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByRole("button", { name: fill(ar.dialogueAdmin.advance, { phase: ar.phases.RESPONDING }) }).click();
  await expect(page.getByRole("status")).toHaveText(fill(ar.dialogueAdmin.advanced, { phase: ar.phases.RESPONDING }));

  const unanswered = page.getByRole("region", { name: ar.dialogueAdmin.unansweredHeading });
  const needs = unanswered.getByRole("link");
  await expect(needs.first()).toBeVisible();
  const before = await needs.allTextContents();

  await page.getByRole("button", { name: fill(ar.dialogueAdmin.advance, { phase: ar.phases.CLOSED }) }).click();
  await expect(page.getByRole("alert")).toContainText("لا يمكن اختتام الحوار بعد");
  expect(await needs.allTextContents()).toEqual(before);
  await expect(page.getByRole("button", { name: fill(ar.dialogueAdmin.advance, { phase: ar.phases.CLOSED }) })).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "manage-responding-ar");

  await needs.first().click();
  await expect(page).toHaveURL(new RegExp(`/ar/${MUNICIPALITY}/${dialogue.slug}/c/[0-9a-f-]{36}$`));

  await page.goto(`/ar/${MUNICIPALITY}/dialogues/new`);
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "new-dialogue-ar");
  await page.goto(`/ar/${MUNICIPALITY}`);
  await expect(page.getByRole("region", { name: ar.municipality.draftsHeading })).toContainText(DIALOGUES.draft.title);
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "municipality-ar");
});
