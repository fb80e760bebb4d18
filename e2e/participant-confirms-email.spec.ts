// A participant who joined without e-mail adds an address later. It is used for nothing until
// they confirm it from the mail (opening the link alone confirms nothing); then they can sign in
// with an e-mail link too.
import { expect, test } from "@playwright/test";
import { randomBytes } from "node:crypto";
import en from "../messages/en.json" with { type: "json" };
import uk from "../messages/uk.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";

const person = DEMO_ACCOUNTS.find((account) => account.displayName === "Olena K.")!;
const mailbox = `http://127.0.0.1:${process.env.E2E_MAIL_PORT ?? 3101}`;

type Mail = { subject: string; text: string };
async function mailsTo(address: string): Promise<Mail[]> {
  return (await (await fetch(`${mailbox}/mails?to=${encodeURIComponent(address)}`)).json()) as Mail[];
}

/** Jobs the queue has not done yet (scripts/e2e-server.ts). */
async function pendingJobs(): Promise<number> {
  return ((await (await fetch(`${mailbox}/jobs`)).json()) as { pending: number }).pending;
}

test.use({ javaScriptEnabled: false });

test("a participant adds and confirms an e-mail address, then signs in with a link", async ({ page, browser }) => {
  const email = `olena.${randomBytes(3).toString("hex")}@example.org`;
  await page.goto("/en/sign-in");
  await page.getByLabel(en.signIn.code, { exact: true }).fill(person.signInCode);
  await page.getByRole("button", { name: en.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL("/en");

  await page.goto("/en/account");
  await page.getByLabel(en.account.email, { exact: true }).fill(email);
  await page.getByRole("button", { name: en.account.save }).click();
  await expect(page.getByText(en.account.emailUnconfirmed.replace("{email}", email))).toBeVisible();

  // Not confirmed: a sign-in link request sends nothing.
  const stranger = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await stranger.goto("/en/sign-in");
  await stranger.getByLabel(en.signIn.email, { exact: true }).fill(email);
  await stranger.getByRole("button", { name: en.signIn.emailSubmit }).click();
  await expect(stranger.getByRole("status")).toBeVisible();
  // Mail is sent by the job queue after the answer: once it has nothing left to do, still none.
  await expect.poll(pendingJobs).toBe(0);
  expect(await mailsTo(email)).toEqual([]);

  await page.getByRole("button", { name: en.account.sendConfirmation }).click();
  // The confirmation under the form, not the push section's own status line.
  await expect(page.getByRole("region", { name: en.account.profileHeading }).getByRole("status")).toHaveText(
    en.account.confirmationSent.replace("{email}", email),
  );
  // The mail, and the page it links to, speak Olena's language (Ukrainian), not the page's.
  await expect.poll(async () => (await mailsTo(email)).length).toBe(1);
  const [confirmation] = await mailsTo(email);
  expect(confirmation?.subject).toBe(uk.mail.confirmEmail.subject);
  const link = confirmation!.text.match(/https?:\/\/\S+/)![0];

  // In another browser (the mail app's): the page asks, the button confirms.
  const mailApp = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await mailApp.goto(link.replace(/^https?:\/\/[^/]+/, ""));
  await expect(mailApp.getByText(email)).toBeVisible();
  await expect(mailApp).toHaveURL(/\/uk\/account\/confirm-email\?/);
  await mailApp.getByRole("button", { name: uk.account.confirmSubmit }).click();
  await expect(mailApp.getByRole("status")).toHaveText(uk.account.emailConfirmed.replace("{email}", email));

  // Now the address receives sign-in links.
  await stranger.goto("/en/sign-in");
  await stranger.getByLabel(en.signIn.email, { exact: true }).fill(email);
  await stranger.getByRole("button", { name: en.signIn.emailSubmit }).click();
  await expect(stranger.getByRole("status")).toBeVisible();
  // The link follows (the job queue sends it after the answer).
  await expect.poll(async () => (await mailsTo(email)).length).toBe(2);
});
