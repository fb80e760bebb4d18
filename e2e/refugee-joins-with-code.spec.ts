// A person with an invitation from a poster joins on a cheap phone without JavaScript: signs up
// with a name and nothing else, keeps the sign-in code that is shown once, and later signs in
// with it in another browser — in Arabic, right to left. All text comes from the catalogue of
// one locale, so the test runs in another language by changing LOCALE alone.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import de from "../messages/de.json" with { type: "json" };
import en from "../messages/en.json" with { type: "json" };
import ar from "../messages/ar.json" with { type: "json" };
import { INVITATIONS } from "../prisma/seed/dialogues";
import { dialogueTextIn } from "../prisma/seed/host-texts";
import { openAccountMenu } from "./support/header-menus";
import { expectNoSidewaysScrolling } from "./support/layout";

const LOCALE = "ar" as const;
const text = { de, en, ar }[LOCALE];

const phone = { viewport: { width: 360, height: 740 }, javaScriptEnabled: false } as const;
test.use(phone);

/** The error summary at the top of a form (components/form/form.tsx). */
const summaryOf = (page: Page, title: string) => page.getByRole("alert").filter({ has: page.getByRole("heading", { name: title }) });
const titlePrefix = (template: string) => new RegExp(`^${template.split("{title}")[0]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

const invitation = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "collecting")!;
// The dialogue's title and summary as the reader sees them: its co-hosts wrote an Arabic version.
const dialogue = { title: dialogueTextIn(invitation.dialogue, LOCALE, "title"), summary: dialogueTextIn(invitation.dialogue, LOCALE, "summary") };

/** A name as a person in Arabic would type it, made unique. */
function uniqueName(): string {
  return `سمير ${randomBytes(3).toString("hex")}`;
}

async function signInInFreshBrowser(browser: Browser, code: string) {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await page.goto(`/${LOCALE}/sign-in`);
  await expectNoSidewaysScrolling(page);
  // Typed the way people copy from paper: small letters, spaces instead of dashes.
  await page.getByLabel(text.signIn.code, { exact: true }).fill(code.toLowerCase().replaceAll("-", " "));
  await page.getByRole("button", { name: text.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL(`/${LOCALE}`);
  return { context, page };
}

test.describe("a refugee with an invitation", () => {
  test("signs up, keeps the sign-in code, signs out, and signs in again on another phone", async ({ page, browser }) => {
    const name = uniqueName();
    await page.goto(`/${LOCALE}/join/${invitation.code}`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("html")).toHaveAttribute("lang", LOCALE);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(dialogue.title);
    await expect(page.getByText(dialogue.summary)).toBeVisible();
    await expectNoSidewaysScrolling(page);

    // A name and nothing else: no e-mail, phone, origin or status is asked for.
    await expect(page.locator("input[type=email], input[type=tel]")).toHaveCount(0);
    await page.getByLabel(text.join.displayName, { exact: true }).fill(name);
    await page.getByRole("radio", { name: text.join.perspectives.LIVED_EXPERIENCE }).check();
    await page.getByLabel(text.join.acceptCodeOfConduct).check();
    await page.getByRole("button", { name: text.join.signUpSubmit }).click();

    const codeCard = page.getByRole("region", { name: text.join.codeHeading });
    await expect(codeCard).toBeVisible();
    await expect(codeCard).toContainText(text.join.codeKeep);
    const code = (await codeCard.getByTestId("sign-in-code").textContent())?.trim() ?? "";
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await expectNoSidewaysScrolling(page);

    const header = page.getByRole("banner");
    await expect(header).toContainText(name);
    await page.getByRole("link", { name: text.join.toDialogue }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(dialogue.title);
    await expect(header).toContainText(name);

    await openAccountMenu(page);
    await header.getByRole("button", { name: text.session.signOut }).click();
    await expect(page).toHaveURL(`/${LOCALE}`);
    await expect(header.getByRole("link", { name: text.session.signIn })).toBeVisible();
    await expect(header).not.toContainText(name);

    const other = await signInInFreshBrowser(browser, code);
    await expect(other.page.getByRole("banner")).toContainText(name);
    await other.context.close();
  });

  // The account page's forms are bound to it (decision 042): the start page afterwards is in its language.
  test("signs up and deletes the account again", async ({ page }) => {
    await page.goto(`/${LOCALE}/join/${invitation.code}`);
    await page.getByLabel(text.join.displayName, { exact: true }).fill(uniqueName());
    await page.getByRole("radio", { name: text.join.perspectives.LIVED_EXPERIENCE }).check();
    await page.getByLabel(text.join.acceptCodeOfConduct).check();
    await page.getByRole("button", { name: text.join.signUpSubmit }).click();
    await expect(page.getByRole("region", { name: text.join.codeHeading })).toBeVisible();

    await page.goto(`/${LOCALE}/account`);
    await expectNoSidewaysScrolling(page);
    await page.getByLabel(text.account.deleteConfirm).check();
    await page.getByRole("button", { name: text.account.deleteSubmit }).click();
    await expect(page).toHaveURL(`/${LOCALE}?notice=account-deleted`);
    await expect(page.getByRole("status").filter({ hasText: text.session.accountDeleted })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: text.session.signIn })).toBeVisible();
  });

  test("types the code from a poster, however it is written", async ({ page }) => {
    await page.goto(`/${LOCALE}/join`);
    await expectNoSidewaysScrolling(page);
    const messy = ` ${invitation.code.slice(0, 4).toLowerCase()} - ${invitation.code.slice(4)} `;
    await page.getByLabel(text.join.codeLabel, { exact: true }).fill(messy);
    await page.getByRole("button", { name: text.join.next }).click();
    await expect(page).toHaveURL(new RegExp(`/${LOCALE}/join/${invitation.code.slice(0, 4)}-?${invitation.code.slice(4)}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(dialogue.title);
  });

  test("is told clearly that an unknown code does not work, and what to do", async ({ page }) => {
    await page.goto(`/${LOCALE}/join/ZZZZ-2222`);
    const problem = page.getByRole("alert");
    await expect(problem).toContainText(text.errors.invitation_unknown);
    await expect(problem).toContainText(text.join.askInviter);
    await expect(page.getByRole("link", { name: text.join.otherCode })).toBeVisible();
  });

  test("forgets the name and sees the message next to it, with everything else kept", async ({ page }) => {
    await page.goto(`/${LOCALE}/join/${invitation.code}`);
    await page.getByRole("radio", { name: text.join.perspectives.LOCAL_ACTOR }).check();
    await page.getByLabel(text.join.showPerspective).check();
    await page.getByLabel(text.join.acceptCodeOfConduct).check();
    await page.getByRole("button", { name: text.join.signUpSubmit }).click();

    const nameField = page.getByLabel(text.join.displayName, { exact: true });
    await expect(nameField).toHaveAttribute("aria-invalid", "true");
    await expect(nameField).toHaveAccessibleDescription(new RegExp(text.validation.required.replace(/[.?]/g, "\\$&")));
    // The error summary on top has the focus, links to the field, and the title says "Error:".
    const summary = summaryOf(page, text.feedback.summaryTitle);
    await expect(summary).toBeFocused();
    const nameLink = summary.locator(`a[href="#${await nameField.getAttribute("id")}"]`);
    await expect(nameLink).toContainText(text.join.displayName);
    await expect(nameLink).toContainText(text.validation.required);
    await expect(page).toHaveTitle(titlePrefix(text.feedback.errorTitle));
    await expect(page.getByRole("radio", { name: text.join.perspectives.LOCAL_ACTOR })).toBeChecked();
    await expect(page.getByLabel(text.join.showPerspective)).toBeChecked();
    await expect(page.getByLabel(text.join.acceptCodeOfConduct)).toBeChecked();
    await expect(page.getByRole("banner").getByRole("link", { name: text.session.signIn })).toBeVisible();
  });
});
