// Team roles cannot be taken over (issue 15, decision 035), on a 360 px phone without
// JavaScript: staff invite one person as co-host — a personal code, single-use, no poster —, the
// join page names the role and what it allows and asks to confirm it, a second person with the
// same code is told it is used up; staff see the team, take the new co-host out of the team
// (logged), and are refused taking out the last co-host with lived experience of flight.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import de from "../messages/de.json" with { type: "json" };
import ar from "../messages/ar.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { keepScreenshot } from "./support/screenshot";
import { expectNoSidewaysScrolling } from "./support/layout";

const MUNICIPALITY = "musterstadt";
const dialogue = DIALOGUES.collecting;
const phone = { viewport: { width: 360, height: 740 }, javaScriptEnabled: false } as const;
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
type Catalogue = typeof de;

test.use(phone);

function demoAccount(displayName: string) {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.displayName === displayName);
  if (!account) throw new Error(`no demo account ${displayName}`);
  return account;
}

async function signInAsStaff(page: Page, locale: string, text: Catalogue) {
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(text.signIn.code, { exact: true }).fill(demoAccount("Sabine Krüger").signInCode);
  await page.getByRole("button", { name: text.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL(`/${locale}`);
}

async function freshPhone(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ ...phone, baseURL });
  return { context, page: await context.newPage() };
}

/** Staff create a co-host invitation with the team form's defaults; returns its code without the dash. */
async function inviteCoHost(page: Page, locale: string, text: Catalogue, screenshot?: string) {
  await page.goto(`/${locale}/${MUNICIPALITY}/${dialogue.slug}/invitations?role=CO_HOST#team`);
  const form = page.getByRole("region", { name: text.invitations.teamHeading });
  await expect(form.getByRole("radio", { name: new RegExp(text.invitations.roles.CO_HOST) })).toBeChecked();
  // Personal by default: one use.
  await expect(form.getByLabel(text.invitations.maxUses, { exact: true })).toHaveValue("1");
  if (screenshot) await keepScreenshot(page, screenshot);
  await form.getByRole("button", { name: text.invitations.create }).click();
  const created = page.getByRole("status");
  const code = /([2-9A-Z]{4}-[2-9A-Z]{4})/.exec((await created.textContent()) ?? "")?.[1];
  if (!code) throw new Error("no code in the confirmation");
  await expect(created).toHaveText(fill(text.invitations.createdTeam, { code }));
  // No poster for a personal invitation: neither in the confirmation nor in the list.
  await expect(created.getByRole("link")).toHaveCount(0);
  const item = page.getByRole("listitem").filter({ has: page.getByText(code, { exact: true }) });
  await expect(item).toContainText(text.invitations.roles.CO_HOST);
  await expect(item).toContainText(fill(text.invitations.uses, { uses: "0", maxUses: "1" }));
  await expect(item).toContainText(text.invitations.personal);
  await expect(item.getByRole("link", { name: new RegExp(text.invitations.poster) })).toHaveCount(0);
  return code.replace("-", "");
}

test("a co-host invitation is single-use and the join page names the role before it is confirmed", async ({ page, browser, baseURL }) => {
  if (!baseURL) throw new Error("baseURL is not set");
  await signInAsStaff(page, "de", de);
  const code = await inviteCoHost(page, "de", de, "invitations-team-de");
  await expectNoSidewaysScrolling(page);

  // The poster's address, typed by hand, leads nowhere for this invitation.
  await page.goto(`/de/${MUNICIPALITY}/${dialogue.slug}/invitations`);
  const invitationId = await page.locator("li", { hasText: `${code.slice(0, 4)}-${code.slice(4)}` }).getAttribute("aria-labelledby");
  expect((await page.goto(`/de/${MUNICIPALITY}/${dialogue.slug}/invitations/${invitationId?.replace(/^code-/, "")}/poster`))?.status()).toBe(404);

  // The Arabic join page, as the invited person may read it (right to left).
  const reader = await freshPhone(browser, baseURL);
  await reader.page.goto(`/ar/join/${code}`);
  await expect(reader.page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(reader.page.getByRole("heading", { name: ar.join.teamRole.CO_HOST })).toBeVisible();
  await expect(reader.page.getByText(ar.join.teamRole.CO_HOST_allows)).toBeVisible();
  await expectNoSidewaysScrolling(reader.page);
  await keepScreenshot(reader.page, "join-team-ar");
  await reader.context.close();

  // The first person reads which role this is, must confirm it, and joins.
  const first = await freshPhone(browser, baseURL);
  await first.page.goto(`/de/join/${code}`);
  const role = first.page.getByRole("region", { name: de.join.teamRole.CO_HOST });
  await expect(role).toContainText(de.join.teamRole.CO_HOST_allows);
  await expect(role).toContainText(de.join.teamRole.personal);
  await expectNoSidewaysScrolling(first.page);
  await keepScreenshot(first.page, "join-team-de");
  await first.page.getByLabel(de.join.displayName, { exact: true }).fill(`Miriam ${randomBytes(3).toString("hex")}`);
  await first.page.getByLabel(de.join.acceptCodeOfConduct).check();
  await first.page.getByRole("button", { name: de.join.signUpSubmit }).click();
  // Not confirmed: said next to the box and in the error summary on top (a link to the box),
  // nothing joined, what was typed is kept.
  const confirmBox = first.page.getByLabel(de.join.teamRole.confirm);
  const confirmId = await confirmBox.getAttribute("id");
  await expect(first.page.locator(`[id="${confirmId}-error"]`)).toHaveText(de.join.teamRole.confirmMissing);
  await expect(confirmBox).toHaveAttribute("aria-invalid", "true");
  const summary = first.page.getByRole("alert").filter({ has: first.page.getByRole("heading", { name: de.feedback.summaryTitle }) });
  await expect(summary).toBeFocused();
  await expect(summary.locator(`a[href="#${confirmId}"]`)).toContainText(de.join.teamRole.confirmMissing);
  await expect(first.page.getByLabel(de.join.displayName, { exact: true })).toHaveValue(/^Miriam /);
  await first.page.getByLabel(de.join.acceptCodeOfConduct).check();
  await first.page.getByLabel(de.join.teamRole.confirm).check();
  await first.page.getByRole("button", { name: de.join.signUpSubmit }).click();
  await expect(first.page.getByRole("region", { name: de.join.codeHeading })).toBeVisible();
  await first.context.close();

  // A second person with the same code: used up.
  const second = await freshPhone(browser, baseURL);
  await second.page.goto(`/de/join/${code}`);
  await expect(second.page.getByRole("alert")).toContainText(de.errors.invitation_used_up);
  await expect(second.page.getByRole("button", { name: de.join.signUpSubmit })).toHaveCount(0);
  await second.context.close();

  await page.goto(`/de/${MUNICIPALITY}/${dialogue.slug}/invitations`);
  await expect(page.getByRole("listitem").filter({ hasText: `${code.slice(0, 4)}-${code.slice(4)}` })).toContainText(
    fill(de.invitations.uses, { uses: "1", maxUses: "1" }),
  );
});

test("staff see the team, take a co-host out of it (logged), and cannot take out the last co-host with lived experience", async ({ page, browser, baseURL }) => {
  if (!baseURL) throw new Error("baseURL is not set");
  await signInAsStaff(page, "de", de);
  const code = await inviteCoHost(page, "de", de);
  const name = `Jonas ${randomBytes(3).toString("hex")}`;
  const coHost = await freshPhone(browser, baseURL);
  await coHost.page.goto(`/de/join/${code}`);
  await coHost.page.getByLabel(de.join.displayName, { exact: true }).fill(name);
  await coHost.page.getByLabel(de.join.acceptCodeOfConduct).check();
  await coHost.page.getByLabel(de.join.teamRole.confirm).check();
  await coHost.page.getByRole("button", { name: de.join.signUpSubmit }).click();
  await expect(coHost.page.getByRole("region", { name: de.join.codeHeading })).toBeVisible();

  const managePath = `/de/${MUNICIPALITY}/${dialogue.slug}/manage`;
  await page.goto(managePath);
  const team = page.getByRole("region", { name: de.dialogueAdmin.teamHeading });
  const member = team.getByRole("listitem").filter({ hasText: name });
  await expect(member).toContainText(de.dialogueAdmin.teamRoles.CO_HOST);
  await expect(member).toContainText(de.dialogueAdmin.teamJoinedVia.INVITATION);
  await expect(team.getByRole("listitem").filter({ hasText: "Amal H." })).toContainText(de.dialogueAdmin.teamRoles.CO_HOST);
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "manage-team-de");

  const coHostRole = de.dialogueAdmin.teamRoles.CO_HOST;
  await team.getByRole("button", { name: fill(de.dialogueAdmin.teamRemoveFor, { name, role: coHostRole }) }).click();
  await expect(page).toHaveURL(/\/manage\?done=removed#team$/);
  await expect(team.getByRole("status")).toHaveText(de.dialogueAdmin.teamRemoved);
  await expect(team.getByRole("listitem").filter({ hasText: name })).toHaveCount(1); // only in the log now
  await expect(team.getByRole("region", { name: de.dialogueAdmin.teamRemovalsHeading })).toContainText(
    fill(de.dialogueAdmin.teamRemovalItem, { name, role: coHostRole, by: "Sabine Krüger" }),
  );
  await expect(team.getByRole("button", { name: fill(de.dialogueAdmin.teamRemoveFor, { name, role: coHostRole }) })).toHaveCount(0);

  // What the role allowed is gone at once: no more invitations page for them.
  expect((await coHost.page.goto(`/de/${MUNICIPALITY}/${dialogue.slug}/invitations`))?.status()).toBe(404);
  await coHost.context.close();

  // Amal H. is the open dialogue's only co-host with lived experience of flight: refused, with why and the way on.
  await team.getByRole("button", { name: fill(de.dialogueAdmin.teamRemoveFor, { name: "Amal H.", role: coHostRole }) }).click();
  const refusal = team.getByRole("alert");
  await expect(refusal).toContainText(de.dialogueAdmin.teamRefusedLastCoHost);
  await expect(team.getByRole("listitem").filter({ hasText: "Amal H." })).toContainText(coHostRole);
  await expectNoSidewaysScrolling(page);
  await refusal.getByRole("link", { name: de.dialogueAdmin.refusedCoHostLink }).click();
  await expect(page).toHaveURL(`/de/${MUNICIPALITY}/${dialogue.slug}/invitations?role=CO_HOST#team`);
  await expect(page.getByRole("region", { name: de.invitations.teamHeading }).getByRole("radio", { name: new RegExp(de.invitations.roles.CO_HOST) })).toBeChecked();
});

test("the team and the invitations in Arabic (right to left)", async ({ page }) => {
  await signInAsStaff(page, "ar", ar);
  await page.goto(`/ar/${MUNICIPALITY}/${dialogue.slug}/manage#team`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("region", { name: ar.dialogueAdmin.teamHeading })).toContainText(ar.dialogueAdmin.teamRoles.CO_HOST);
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "manage-team-ar");
  await page.goto(`/ar/${MUNICIPALITY}/${dialogue.slug}/invitations?role=CO_HOST#team`);
  await expect(page.getByRole("region", { name: ar.invitations.teamHeading })).toContainText(ar.invitations.teamIntro);
  await expectNoSidewaysScrolling(page);
  await keepScreenshot(page, "invitations-team-ar");
});
