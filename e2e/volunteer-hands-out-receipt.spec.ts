// A receipt for a voice recorded offline (decision 032), on phones without JavaScript: a
// volunteer of the host team writes down a need a woman wrote on paper in Arabic and prints the
// slip she takes home — in Arabic, with a code, a QR code and the address of /ar/r/<code>. Staff
// answer the need. Signed out, she opens the address (or types the code into "I have a receipt"):
// the status and the answer, in Arabic page chrome, and nothing about who wrote it down or her
// private perspective. The typed code is posted (a wrong one stays out of every address), the
// receipt's page asks for no referrer.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import de from "../messages/de.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { keepScreenshot } from "./support/screenshot";
import { expectNoSidewaysScrolling } from "./support/layout";

const phone = { viewport: { width: 360, height: 740 }, javaScriptEnabled: false } as const;
const dialoguePath = `/de/musterstadt/${DIALOGUES.collecting.slug}`;
const volunteerName = "Hannelore Schmitt";

test.use(phone);

async function signedIn(browser: Browser, baseURL: string, displayName: string): Promise<Page> {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.displayName === displayName)!;
  const page = await (await browser.newContext({ ...phone, baseURL })).newPage();
  await page.goto(`/de/sign-in`);
  await page.getByLabel(de.signIn.code, { exact: true }).fill(account.signInCode);
  await page.getByRole("button", { name: de.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL(`/de`);
  return page;
}

test("a volunteer records a paper need and prints its receipt; staff answer it; the receipt's address shows the answer without JavaScript", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  if (!baseURL) throw new Error("baseURL is not set");
  const title = `حضانة أثناء دورة اللغة ${randomBytes(3).toString("hex")}`;

  // The volunteer writes it down, read back to her; she keeps her perspective private.
  const volunteer = await signedIn(browser, baseURL, volunteerName);
  await volunteer.goto(`${dialoguePath}/new/offline`);
  await volunteer.getByRole("group", { name: de.onBehalf.sourceLegend }).getByLabel(de.onBehalf.sources.PAPER, { exact: true }).check();
  await volunteer.getByLabel(de.onBehalf.language, { exact: true }).selectOption("ar");
  await volunteer.getByRole("group", { name: de.onBehalf.perspectiveLegend }).getByLabel(de.perspectives.LIVED_EXPERIENCE, { exact: true }).check();
  await volunteer.getByRole("group", { name: de.post.theme }).getByRole("radio").first().check();
  await volunteer.getByLabel(de.post.title, { exact: true }).fill(title);
  await volunteer.getByLabel(de.post.body, { exact: true }).fill("لا أستطيع حضور الدورة لأن لا أحد يعتني بابنتي.");
  await volunteer.getByLabel(de.onBehalf.readBack, { exact: true }).check();
  await volunteer.getByRole("button", { name: de.onBehalf.submit, exact: true }).click();

  // The slip: in Arabic for her, one line in German for the volunteer, the code and the address.
  await expect(volunteer).toHaveURL(new RegExp(`${dialoguePath}/c/[0-9a-f-]{36}/receipt$`));
  const slip = volunteer.getByTestId("receipt-slip");
  await expect(slip.getByRole("heading", { name: ar.receipt.slipHeading })).toHaveAttribute("lang", "ar");
  await expect(slip.getByTestId("receipt-explanation")).toHaveText(ar.receipt.slipExplain);
  await expect(slip.getByTestId("receipt-title")).toHaveText(title);
  await expect(slip.getByText(de.receipt.slipExplain, { exact: true })).toBeVisible();
  await expect(slip.getByRole("img", { name: de.receiptSlip.qrCode })).toBeVisible();
  const code = (await slip.getByTestId("receipt-code").textContent())!.trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
  const address = (await slip.getByTestId("receipt-address").textContent())!.trim();
  expect(address.endsWith(`/ar/r/${code}`)).toBe(true);
  await expectNoSidewaysScrolling(volunteer);
  await keepScreenshot(volunteer, "receipt-slip-de-360", { file: "test-results/receipt-slip-de-360.png" });
  // Printed, only the slip goes on paper.
  await volunteer.emulateMedia({ media: "print" });
  await expect(volunteer.getByRole("heading", { level: 1 })).toBeHidden();
  await expect(slip).toBeVisible();
  await volunteer.emulateMedia({ media: "screen" });
  const slipPath = new URL(volunteer.url()).pathname;
  await volunteer.goto(slipPath.replace(/^\/de\//, "/ar/"));
  await expect(volunteer.getByTestId("receipt-code")).toHaveText(code); // printed again: the same code
  await expectNoSidewaysScrolling(volunteer);
  await keepScreenshot(volunteer, "receipt-slip-ar-360", { file: "test-results/receipt-slip-ar-360.png" });
  const needPath = slipPath.replace(/\/receipt$/, "");

  // Later, from the dialogue page: "Recorded by me" lists it, its receipt not yet attached, and
  // prints the same slip again.
  await volunteer.goto(dialoguePath);
  await volunteer.getByRole("link", { name: de.recorded.link, exact: true }).click();
  await expect(volunteer).toHaveURL(`${dialoguePath}/recorded`);
  const recorded = volunteer.getByTestId("recorded-item").filter({ hasText: title });
  await expect(recorded.getByRole("heading", { name: title })).toHaveAttribute("lang", "ar");
  await expect(recorded.getByTestId("recorded-receipt")).toHaveText(de.recorded.receiptOpen);
  await expect(recorded).toContainText(de.onBehalf.sources.PAPER);
  await expect(recorded).not.toContainText(code);
  await expectNoSidewaysScrolling(volunteer);
  await recorded.getByRole("link", { name: de.recorded.reprint, exact: true }).click();
  await expect(volunteer).toHaveURL(slipPath);
  await expect(volunteer.getByTestId("receipt-code")).toHaveText(code);

  // Staff answer it.
  const staff = await signedIn(browser, baseURL, "Sabine Krüger");
  await staff.goto(needPath);
  const form = staff.locator("section[aria-labelledby=respond-heading]");
  await form.getByRole("radio", { name: de.statuses.PLANNED }).check();
  const answer = "Ab März bietet die Volkshochschule den Kurs mit Kinderbetreuung an.";
  await form.getByLabel(de.responses.body, { exact: true }).fill(answer);
  await form.getByRole("button", { name: de.responses.submit }).click();
  await expect(staff.getByTestId("response-timeline").getByText(answer)).toBeVisible();

  // Signed out, in Arabic, without JavaScript: she types the code from her slip. The form posts:
  // a mistyped code comes back at the field and never sits in an address.
  const reader = await (await browser.newContext({ ...phone, baseURL })).newPage();
  await reader.goto(`/ar/sign-in`);
  await reader.getByLabel(ar.receipt.codeLabel, { exact: true }).fill("22222-22222");
  await reader.getByRole("button", { name: ar.receipt.open, exact: true }).click();
  await expect(reader).toHaveURL(`/ar/sign-in`);
  await expect(reader.getByLabel(ar.receipt.codeLabel, { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(reader.getByText(ar.receipt.unknown, { exact: true })).toBeVisible();
  await expect(reader.getByLabel(ar.receipt.codeLabel, { exact: true })).toHaveValue("22222-22222");
  await reader.getByLabel(ar.receipt.codeLabel, { exact: true }).fill(code.toLowerCase().replace("-", " "));
  await reader.getByRole("button", { name: ar.receipt.open, exact: true }).click();
  await expect(reader).toHaveURL(`/ar/r/${code}`);
  await expect(reader.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(ar.receipt.pageTitle);
  await expect(reader.getByRole("heading", { name: title })).toHaveAttribute("lang", "ar");
  await expect(reader.getByTestId("receipt-status")).toContainText(ar.statuses.PLANNED);
  const shownAnswer = reader.getByTestId("receipt-response");
  await expect(shownAnswer).toHaveText(answer);
  await expect(shownAnswer).toHaveAttribute("lang", "de");
  // Nothing about who wrote it down, how, or her private perspective.
  const html = await reader.content();
  for (const secret of [volunteerName, ar.perspectives.LIVED_EXPERIENCE, de.perspectives.LIVED_EXPERIENCE]) expect(html).not.toContain(secret);
  await expect(reader.getByText(ar.receipt.attachSignIn)).toBeVisible();
  await expectNoSidewaysScrolling(reader);
  await keepScreenshot(reader, "receipt-page-ar-360", { file: "test-results/receipt-page-ar-360.png" });

  // The same address in German (its answer asks for no referrer), and a code that leads nowhere: a translated message and the form.
  const german = await reader.goto(`/de/r/${code}`);
  expect(german?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(reader.getByTestId("receipt-status")).toContainText(de.statuses.PLANNED);
  await keepScreenshot(reader, "receipt-page-de-360", { file: "test-results/receipt-page-de-360.png" });
  await reader.goto(`/ar/r/22222-22222`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(ar.receipt.notFoundTitle);
  await expect(reader.getByTestId("receipt-not-found")).toHaveText(ar.receipt.notFound);
});
