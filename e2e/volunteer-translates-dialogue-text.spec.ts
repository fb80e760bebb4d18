// Volunteer translation of a host text (issue 13, decision 026), on a 360 px phone without
// JavaScript: a member of the dialogue translates its texts into Farsi, which has no version yet,
// from the "Translate" link beside the description; the host team marks the translation checked;
// a Farsi reader then reads the description in Farsi, marked as Farsi and as a volunteer's.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import de from "../messages/de.json" with { type: "json" };
import fa from "../messages/fa.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { DIALOGUES, INVITATIONS } from "../prisma/seed/dialogues";
import { DIALOGUE_VERSIONS } from "../prisma/seed/host-texts";
import { expectNoSidewaysScrolling } from "./support/layout";

const phone = { viewport: { width: 360, height: 740 }, javaScriptEnabled: false } as const;
test.use(phone);

const path = `/musterstadt/${DIALOGUES.collecting.slug}`;
const invitation = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "collecting")!;
const host = DEMO_ACCOUNTS.find((account) => account.displayName === "Sabine Krüger")!;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const label = (text: string) => new RegExp(`^${escape(text)}`);

test("a member translates the dialogue's description into Farsi, the host team checks it, a Farsi reader reads it", async ({ page, browser }) => {
  expect(DIALOGUES.collecting.languages).toContain("fa");
  expect(DIALOGUE_VERSIONS.collecting?.some((version) => version.language === "fa")).toBe(false);
  const tag = randomBytes(3).toString("hex");
  const description = `در وست‌اشتات افراد زیادی زندگی می‌کنند. ${tag}`;

  // A new member of the dialogue.
  await page.goto(`/de/join/${invitation.code}`);
  await page.getByLabel(de.join.displayName, { exact: true }).fill(`Mina ${tag}`);
  await page.getByLabel(de.join.acceptCodeOfConduct).check();
  await page.getByRole("button", { name: de.join.signUpSubmit }).click();
  await expect(page.getByRole("region", { name: de.join.codeHeading })).toBeVisible();

  await page.goto(`/de${path}`);
  // The dialogue's own note comes first; its meetings have one each further down.
  await page.getByTestId("host-text-note").getByRole("link", { name: de.translations.translate, exact: true }).first().click();
  await expect(page).toHaveURL(/\/de\/texts\/dialogue\/[0-9a-f-]{36}$/);
  const versions = new URL(page.url()).pathname.replace(/^\/de/, "");
  // The first language without a version is Farsi; a member gets the volunteer's form, not the host team's.
  const form = page.getByRole("region", { name: de.hostTexts.formHeading.replace("{language}", "Persisch") });
  await form.getByLabel(label(de.hostTexts.fields.title)).fill(`مسکن و همسایگی ${tag}`);
  await form.getByLabel(label(de.hostTexts.fields.summary)).fill("چه چیزی لازم دارید؟");
  await form.getByLabel(label(de.hostTexts.fields.description)).fill(description);
  await form.getByRole("button", { name: de.translations.submit, exact: true }).click();
  await expect(page).toHaveURL(/\?language=fa&saved=1$/);
  await expect(page.getByRole("status")).toHaveText(de.hostTexts.saved);
  await expect(page.getByRole("button", { name: de.translations.markChecked })).toHaveCount(0);
  // The dialogue's meetings offer the member the same: a link to translate each one's texts.
  await page.goto(`/de${path}/meetings`);
  await expect(page.getByTestId("host-text-note").getByRole("link", { name: de.translations.translate, exact: true }).first()).toHaveAttribute(
    "href",
    /\/de\/texts\/meeting\/[0-9a-f-]{36}$/,
  );

  // The host team marks it checked.
  const hostContext = await browser.newContext(phone);
  const hostPage = await hostContext.newPage();
  await hostPage.goto("/de/sign-in");
  await hostPage.getByLabel(de.signIn.code, { exact: true }).fill(host.signInCode);
  await hostPage.getByRole("button", { name: de.signIn.submit, exact: true }).click();
  await expect(hostPage).toHaveURL("/de");
  await hostPage.goto(`/de${versions}?language=fa`);
  await hostPage.getByRole("button", { name: de.translations.markChecked, exact: true }).click();
  await expect(hostPage.getByRole("status")).toHaveText(de.hostTexts.saved);
  await expect(hostPage.getByRole("button", { name: de.translations.markChecked })).toHaveCount(0);
  await hostContext.close();

  // A Farsi reader, not signed in.
  const readerContext = await browser.newContext(phone);
  const reader = await readerContext.newPage();
  await reader.goto(`/fa${path}`);
  const shown = reader.getByTestId("dialogue-description");
  await expect(shown).toHaveText(description);
  expect(await shown.evaluate((element) => element.closest("[lang]")?.getAttribute("lang"))).toBe("fa");
  // The note under the dialogue's title (meetings further down have their own).
  await expect(reader.getByTestId("host-text-note").first()).toContainText(fa.hostTexts.byVolunteer);
  await expectNoSidewaysScrolling(reader);
  await readerContext.close();
});
