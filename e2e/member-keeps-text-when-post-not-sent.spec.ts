// A need written on a phone whose post never gets its answer (decision 093): with JavaScript the
// form posts by fetch, and when the connection drops, or the server refuses the post before its
// action runs (the session ended while she wrote, with a photo over 1 MB), the form comes back with
// her text and a summary that says it was not sent, instead of the page's error screen, and a line
// with a link to sign in again in a new tab when she is signed out. Sent again, it is posted.
// Without JavaScript the server's own page says she is no longer signed in and leads to sign-in
// and back to the form.
import { randomBytes, randomInt } from "node:crypto";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import sharp from "sharp";
import en from "../messages/en.json" with { type: "json" };
import { INVITATIONS } from "../prisma/seed/dialogues";

const invitation = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "collecting")!;
const numbered = (message: string, n: number) => message.replace("{number, number}", String(n));
const summaryOf = (page: Page) => page.getByRole("alert").filter({ has: page.getByRole("heading", { name: en.feedback.summaryTitle }) });
/** Noise compresses badly: a 1600 × 1200 JPEG of about 1.5 MB, over the 1 MB a post without a session may carry. */
const largePhoto = () => sharp(randomBytes(1600 * 1200 * 3), { raw: { width: 1600, height: 1200, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();

/** A new member on the dialogue's post form, with its need written. */
async function writeNeed(page: Page, title: string, body: string): Promise<string> {
  await page.goto(`/en/join/${invitation.code}`);
  await page.getByLabel(en.join.displayName, { exact: true }).fill(`Hana ${randomBytes(3).toString("hex")}`);
  await page.getByLabel(en.join.acceptCodeOfConduct).check();
  await page.getByRole("button", { name: en.join.signUpSubmit }).click();
  await page.getByRole("link", { name: en.join.toDialogue }).click();
  const newPath = `${new URL(page.url()).pathname}/new`;
  await page.goto(newPath);
  await page.getByRole("radio", { name: en.post.need }).check();
  await page.getByRole("group", { name: en.post.theme }).getByRole("radio").first().check();
  await page.getByLabel(en.post.title, { exact: true }).fill(title);
  await page.getByLabel(en.post.body, { exact: true }).fill(body);
  return newPath;
}

async function addLargePhoto(page: Page) {
  await page.getByText(en.images.add.split("(")[0]!.trim()).click();
  await page.getByLabel(numbered(en.images.file, 1), { exact: true }).setInputFiles({ name: "IMG_7.jpg", mimeType: "image/jpeg", buffer: await largePhoto() });
  await page.getByLabel(numbered(en.images.alt, 1), { exact: true }).fill("The ramp at the door");
}

/** Posted: the new need's page, or first the offer of similar ones. */
async function expectPosted(page: Page, title: string) {
  const similar = page.getByTestId("similar-contributions");
  await expect(page.getByRole("heading", { level: 1, name: title, exact: true }).or(similar)).toBeVisible();
  if (await similar.isVisible()) await page.getByRole("button", { name: en.similar.postAnyway }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
}

async function endSession(context: BrowserContext) {
  await context.clearCookies();
}

test.describe("with JavaScript", () => {
  test("the connection drops as she sends: her text stays, and sent again it is posted", async ({ page }) => {
    test.setTimeout(120_000);
    const title = `No quiet room to learn ${randomInt(100_000, 1_000_000)}`;
    const body = "In the shelter there is no room where the children can do their homework.";
    const newPath = await writeNeed(page, title, body);
    // Every post to the form's page fails in transit, as on a train leaving the station.
    const drop = (route: import("@playwright/test").Route) => (route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue());
    await page.route(`**${newPath}`, drop);
    await page.getByRole("button", { name: en.post.submit }).click();

    await expect(summaryOf(page)).toContainText(en.feedback.notSent);
    await expect(page.getByRole("heading", { name: en.error.title })).toHaveCount(0);
    await expect(page.getByLabel(en.post.title, { exact: true })).toHaveValue(title);
    await expect(page.getByLabel(en.post.body, { exact: true })).toHaveValue(body);
    await expect(page.getByRole("radio", { name: en.post.need })).toBeChecked();
    // Still signed in: no line about signing in.
    await expect(page.getByText(en.feedback.signedOut)).toHaveCount(0);

    await page.unroute(`**${newPath}`, drop);
    await page.getByRole("button", { name: en.post.submit }).click();
    await expectPosted(page, title);
  });

  test("her session ended while she wrote, with a large photo: her text stays, and a link signs her in in a new tab", async ({ page, context }) => {
    test.setTimeout(120_000);
    const title = `Broken ramp at house 9 ${randomInt(100_000, 1_000_000)}`;
    const body = "The wheelchair cannot get in since the winter.";
    await writeNeed(page, title, body);
    await addLargePhoto(page);
    await endSession(context);
    await page.getByRole("button", { name: en.post.submit }).click();

    await expect(summaryOf(page)).toContainText(en.feedback.notSent);
    await expect(page.getByRole("heading", { name: en.error.title })).toHaveCount(0);
    await expect(page.getByLabel(en.post.title, { exact: true })).toHaveValue(title);
    await expect(page.getByLabel(en.post.body, { exact: true })).toHaveValue(body);
    await expect(page.getByText(en.feedback.signedOut)).toBeVisible();
    const signIn = page.getByRole("link", { name: en.feedback.signInNewTab });
    await expect(signIn).toHaveAttribute("target", "_blank");
    await expect(signIn).toHaveAttribute("href", "/en/sign-in");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("her session ended while she wrote, with a large photo: the page says so and leads to sign-in and back to the form", async ({ page, context }) => {
    test.setTimeout(120_000);
    const title = `Broken ramp at house 11 ${randomInt(100_000, 1_000_000)}`;
    const newPath = await writeNeed(page, title, "The wheelchair cannot get in since the winter.");
    await addLargePhoto(page);
    await endSession(context);
    const [answer] = await Promise.all([page.waitForResponse((response) => response.request().method() === "POST"), page.getByRole("button", { name: en.post.submit }).click()]);

    expect(answer.status()).toBe(413);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.security.signedOutTitle);
    await expect(page.getByText(en.security.tooLargeTitle)).toHaveCount(0);
    await expect(page.getByRole("link", { name: en.security.signInAgain })).toHaveAttribute("href", `/en/sign-in?callbackPath=${encodeURIComponent(newPath)}`);
  });
});
