// A reader has a meeting's texts machine-translated from the dialogue page (issue 13): a
// Turkish reader, signed in, on a phone without JavaScript, presses the meeting's one button;
// the app asks the (local, LibreTranslate-compatible) translator for the title, the place and
// the description once, and everyone reading Turkish then sees the meeting in Turkish, marked
// lang="tr" and labelled as machine-made.
import { expect, test } from "@playwright/test";
import tr from "../messages/tr.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { DIALOGUES, MEETINGS } from "../prisma/seed/dialogues";
import { expectNoSidewaysScrolling } from "./support/layout";

const phone = { viewport: { width: 360, height: 740 }, javaScriptEnabled: false } as const;
const dialoguePath = `/tr/musterstadt/${DIALOGUES.deliberating.slug}`;
const meeting = MEETINGS.adultEducationCafe;
const translatorUrl = `http://127.0.0.1:${Number(process.env.E2E_MAIL_PORT ?? 3101)}`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const requestButton = { name: new RegExp(`^${escape(tr.translations.requestMachine.split("{")[0]!)}`) };

test.use(phone);

test("a Turkish reader has a meeting machine-translated with one button; it is asked once and kept for every reader", async ({ browser, baseURL, request }) => {
  test.setTimeout(90_000);
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.displayName.startsWith("Olena"))!;
  const page = await (await browser.newContext({ ...phone, baseURL })).newPage();
  await page.goto("/tr/sign-in");
  await page.getByLabel(tr.signIn.code, { exact: true }).fill(account.signInCode);
  await page.getByRole("button", { name: tr.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL("/tr");

  const before = ((await (await request.get(`${translatorUrl}/translate-requests`)).json()) as unknown[]).length;
  await page.goto(dialoguePath);
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: meeting.title, exact: true }) });
  await expect(item.getByRole("heading", { name: meeting.title })).toHaveAttribute("lang", "de");
  await item.getByRole("button", requestButton).click();
  await expect(page).toHaveURL(dialoguePath);

  const translated = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `[tr] ${meeting.title}`, exact: true }) });
  // Now in the page's language: it carries no lang of its own, the page's lang="tr" holds.
  const heading = translated.getByRole("heading", { name: `[tr] ${meeting.title}` });
  expect(await heading.evaluate((element) => element.closest("[lang]")?.getAttribute("lang"))).toBe("tr");
  await expect(translated.getByTestId("host-text-note")).toContainText(tr.hostTexts.byMachine);
  await expect(translated).toContainText(`[tr] ${meeting.place}`);
  await expect(translated).toContainText(`[tr] ${meeting.description}`);
  await expect(translated.getByRole("button", requestButton)).toHaveCount(0);
  const sent = ((await (await request.get(`${translatorUrl}/translate-requests`)).json()) as { q: string; source: string; target: string }[]).slice(before);
  expect(sent.map(({ q, source, target }) => ({ q, source, target })).sort((a, b) => a.q.localeCompare(b.q))).toEqual(
    [meeting.title, meeting.place, meeting.description].map((q) => ({ q, source: "de", target: "tr" })).sort((a, b) => a.q.localeCompare(b.q)),
  );
  await expectNoSidewaysScrolling(page);

  // Kept: a signed-out Turkish reader sees it, without a button (only signed-in readers ask).
  const visitor = await (await browser.newContext({ ...phone, baseURL })).newPage();
  await visitor.goto(dialoguePath);
  await expect(visitor.getByRole("heading", { name: `[tr] ${meeting.title}`, exact: true })).toBeVisible();
  await expect(visitor.getByRole("button", requestButton)).toHaveCount(0);
  expect(((await (await request.get(`${translatorUrl}/translate-requests`)).json()) as unknown[]).slice(before)).toHaveLength(3);
});
