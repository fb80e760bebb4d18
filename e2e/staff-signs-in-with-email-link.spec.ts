// Staff sign in with a link by e-mail: the link arrives through real SMTP (a catcher started by
// scripts/e2e-server.ts), and following it signs them in. An address no account has gets the
// very same answer and no mail, so the form does not tell who has an account.
import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import en from "../messages/en.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";

const MAILBOX = `http://127.0.0.1:${process.env.E2E_MAIL_PORT ?? 3101}/mails`;
const JOBS = `http://127.0.0.1:${process.env.E2E_MAIL_PORT ?? 3101}/jobs`;

type Mail = { to: string[]; subject: string; text: string };

async function mailsTo(request: APIRequestContext, address: string): Promise<Mail[]> {
  const response = await request.get(`${MAILBOX}?${new URLSearchParams({ to: address })}`);
  return (await response.json()) as Mail[];
}

// The volunteer coordinator: staff, with an e-mail address.
const staff = DEMO_ACCOUNTS.find((account) => account.email && account.description.startsWith("Volunteer coordinator (staff)"))!;

test.describe("staff", () => {
  test("asks for a sign-in link, follows it from the mail, and is signed in", async ({ page, request }) => {
    const email = staff.email!;
    const before = (await mailsTo(request, email)).length;

    await page.goto("/en/sign-in");
    await page.getByLabel(en.signIn.email, { exact: true }).fill(email.toUpperCase());
    await page.getByRole("button", { name: en.signIn.emailSubmit }).click();
    await expect(page.getByRole("status")).toHaveText(en.signIn.emailSent);

    await expect.poll(async () => (await mailsTo(request, email)).length).toBe(before + 1);
    const mail = (await mailsTo(request, email)).at(-1)!;
    const link = mail.text.match(/https?:\/\/\S+/)?.[0];
    expect(link).toBeDefined();

    await page.goto(link!);
    await expect(page.getByRole("banner")).toContainText(staff.displayName);
  });

  test("gets the same answer for an address no account has, and no mail goes out", async ({ page, request }) => {
    const unknown = `nobody-${randomBytes(4).toString("hex")}@example.org`;
    await page.goto("/en/sign-in");
    await page.getByLabel(en.signIn.email, { exact: true }).fill(unknown);
    await page.getByRole("button", { name: en.signIn.emailSubmit }).click();
    await expect(page.getByRole("status")).toHaveText(en.signIn.emailSent);
    // The request only queued a job, as for a known address; once the queue has done it,
    // still no mail has gone out.
    await expect.poll(async () => ((await (await request.get(JOBS)).json()) as { pending: number }).pending).toBe(0);
    expect(await mailsTo(request, unknown)).toEqual([]);
    await expect(page.getByRole("banner").getByRole("link", { name: en.session.signIn })).toBeVisible();
  });
});
