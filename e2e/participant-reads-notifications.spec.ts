// A participant reads her notifications: Amal (co-host, Arabic) replies to a comment Hannelore
// (volunteer, German) wrote; Hannelore sees the counter in the header, the notification in her
// language, opens it (it leads to the reply), and the counter drops. Without JavaScript, since
// the list and opening a notification are plain links and forms.
import { randomInt } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import de from "../messages/de.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { CONTRIBUTIONS } from "../prisma/seed/contributions";
import { DIALOGUES } from "../prisma/seed/dialogues";

const MUNICIPALITY = "musterstadt";
const amal = DEMO_ACCOUNTS.find((account) => account.displayName === "Amal H.")!;
const hannelore = DEMO_ACCOUNTS.find((account) => account.displayName === "Hannelore Schmitt")!;
const HANNELORES_COMMENT = "Herzlichen Glückwunsch zur Wohnung!";
const contribution = CONTRIBUTIONS.find(
  (seeded) => seeded.dialogue === "collecting" && seeded.comments?.some((comment) => comment.body.startsWith(HANNELORES_COMMENT)),
)!;

async function signedIn(browser: Browser, locale: string, code: string, catalogue: typeof de, javaScriptEnabled = false): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(catalogue.signIn.code, { exact: true }).fill(code);
  await page.getByRole("button", { name: catalogue.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL(`/${locale}`);
  return page;
}

/** The unread count the header's notifications link names ("Benachrichtigungen 2 ungelesen"). */
async function unreadIn(page: Page): Promise<number> {
  const name = await page.getByRole("banner").getByRole("link", { name: new RegExp(`^${de.notifications.headerLink}`) }).textContent();
  return Number(/(\d+)/.exec(name ?? "")?.[1] ?? 0);
}

test("a participant sees a reply to her comment in the header and the list, opens it, and the counter drops", async ({ browser }) => {
  test.slow(); // axe on a busy machine
  const reader = await signedIn(browser, "de", hannelore.signInCode, de);
  const before = await unreadIn(reader);

  // Amal replies, in Arabic, on the need's page.
  const writer = await signedIn(browser, "ar", amal.signInCode, ar as unknown as typeof de);
  await writer.goto(`/ar/${MUNICIPALITY}/${DIALOGUES.collecting.slug}`);
  await writer.getByRole("link", { name: contribution.title, exact: true }).click();
  const thread = writer.locator("article").filter({ hasText: HANNELORES_COMMENT });
  const reply = `شكرًا جزيلًا، سأكتب لك. ${randomInt(100_000, 1_000_000)}`;
  await thread.getByRole("link", { name: ar.comments.reply, exact: true }).click();
  await thread.getByLabel(ar.comments.replyLabel, { exact: true }).fill(reply);
  await thread.getByRole("button", { name: ar.comments.replySubmit }).click();
  await expect(writer.locator("p", { hasText: reply })).toBeVisible();

  // Hannelore's header counts it; the list says it in German and marks it unread.
  await reader.goto("/de");
  expect(await unreadIn(reader)).toBe(before + 1);
  const label = `${de.notifications.headerLink} ${before + 1} ${de.notifications.headerUnread.replace(/^.*other \{(.*)\}\}$/, "$1")}`;
  await reader.getByRole("link", { name: label, exact: true }).click();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(de.notifications.title);
  const sentence = `${amal.displayName} hat auf Ihren Kommentar zu „${contribution.title}“ geantwortet`;
  const item = reader.getByRole("listitem").filter({ has: reader.getByRole("link", { name: sentence, exact: true }) }).first();
  await expect(item.getByText(de.notifications.unread, { exact: true })).toBeVisible();
  // The list with an unread notification meets WCAG 2.1 AA, on a 360 px screen (axe needs JavaScript).
  const axePage = await signedIn(browser, "de", hannelore.signInCode, de, true);
  await axePage.goto("/de/notifications");
  const { violations } = await new AxeBuilder({ page: axePage }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
  await axePage.context().close();

  // Opening it leads to the reply, and it is read now.
  await item.getByRole("link", { name: sentence, exact: true }).click();
  await expect(reader).toHaveURL(/\/de\/musterstadt\/[^/]+\/c\/[0-9a-f-]+\?comment=[0-9a-f-]+#comment-[0-9a-f-]+$/);
  await expect(reader.locator("p", { hasText: reply })).toBeVisible();
  expect(await unreadIn(reader)).toBe(before);
  await reader.goto("/de/notifications");
  await expect(
    reader.getByRole("listitem").filter({ has: reader.getByRole("link", { name: sentence, exact: true }) }).first().getByText(de.notifications.unread, { exact: true }),
  ).toHaveCount(0);
});
