// Every text a participant must read, in the participant's language (issue 13, decision 025), on
// a 360 px phone without JavaScript: a person joining in Pashto reads the rules in Pashto and the
// rules they accepted are recorded in Pashto; a Ukrainian reader sees the dialogue's description
// in the Ukrainian version its co-hosts wrote, marked lang="uk"; a German reader sees the
// original and a plain link to the Ukrainian one.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import de from "../messages/de.json" with { type: "json" };
import prs from "../messages/prs.json" with { type: "json" };
import ps from "../messages/ps.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { DIALOGUES, INVITATIONS } from "../prisma/seed/dialogues";
import { dialogueTextIn } from "../prisma/seed/host-texts";
import { expectNoSidewaysScrolling } from "./support/layout";

const phone = { viewport: { width: 360, height: 740 }, javaScriptEnabled: false } as const;
test.use(phone);

const MUNICIPALITY = "musterstadt";
const invitation = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "collecting")!;
const collecting = DIALOGUES.collecting;
// The Pashto catalogue's wording; German while a key is not translated yet (the app falls back the same way).
const psText = {
  rules: (ps as { codeOfConduct?: { defaultRules?: string } }).codeOfConduct?.defaultRules ?? de.codeOfConduct.defaultRules,
  displayName: ps.join?.displayName ?? de.join.displayName,
  accept: ps.join?.acceptCodeOfConduct ?? de.join.acceptCodeOfConduct,
  submit: ps.join?.signUpSubmit ?? de.join.signUpSubmit,
  codeHeading: ps.join?.codeHeading ?? de.join.codeHeading,
};
const rulesInPashto = (ps as { codeOfConduct?: { defaultRules?: string } }).codeOfConduct?.defaultRules !== undefined;

/** The rendered text of the element, paragraph by paragraph, as the catalogue writes it. */
const paragraphs = (text: string) => text.split(/\n\s*\n/).map((paragraph) => paragraph.trim());

test("a person joining in Pashto reads the rules in Pashto, and the membership records Pashto", async ({ page }) => {
  await page.goto(`/ps/join/${invitation.code}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "ps");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const rules = page.getByTestId("rules-text");
  await expect(rules.locator("p")).toHaveText(paragraphs(psText.rules));
  // In the page's language the rules need no lang of their own; German ones would carry lang="de".
  if (rulesInPashto) await expect(rules).not.toHaveAttribute("lang", /.+/);
  else await expect(rules).toHaveAttribute("lang", "de");
  await expect(page.getByTestId("rules-untranslated")).toHaveCount(0);
  await expectNoSidewaysScrolling(page);

  await page.getByLabel(psText.displayName, { exact: true }).fill(`ګل ${randomBytes(3).toString("hex")}`);
  await page.getByLabel(psText.accept).check();
  await page.getByRole("button", { name: psText.submit }).click();
  await expect(page.getByRole("region", { name: psText.codeHeading })).toBeVisible();

  // The person's own data says which rules they accepted, in which language.
  const response = await page.request.get("/api/account/data");
  expect(response.status()).toBe(200);
  const data = (await response.json()) as { account: { memberships: { codeOfConductLanguage: string | null; codeOfConductVersion: string | null; dialogue: { title: string } }[] } };
  const membership = data.account.memberships.find((candidate) => candidate.dialogue.title === collecting.title);
  expect(membership).toMatchObject({ codeOfConductLanguage: rulesInPashto ? "ps" : "de", codeOfConductVersion: "default" });
});

test("the dialogue's description shows in Ukrainian for a Ukrainian reader, and in German with a link to it for a German one", async ({ page }) => {
  const path = `/${MUNICIPALITY}/${collecting.slug}`;
  const ukrainian = paragraphs(dialogueTextIn("collecting", "uk", "description"));
  expect(ukrainian).not.toEqual(paragraphs(collecting.description));

  await page.goto(`/uk${path}`);
  const description = page.getByTestId("dialogue-description");
  await expect(description.locator("p")).toHaveText(ukrainian);
  // The page is Ukrainian: the text needs no lang of its own, and no note says it is elsewhere.
  await expect(description).not.toHaveAttribute("lang", /.+/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(dialogueTextIn("collecting", "uk", "title"));
  await expectNoSidewaysScrolling(page);

  await page.goto(`/de${path}`);
  await expect(description.locator("p")).toHaveText(paragraphs(collecting.description));
  await expect(description).not.toHaveAttribute("lang", /.+/);
  const note = page.getByTestId("host-text-note");
  const toUkrainian = note.getByRole("link", { name: "Українська" });
  await expect(toUkrainian).toHaveAttribute("hreflang", "uk");
  await toUkrainian.click();
  // Reading the Ukrainian version on the German page: marked as Ukrainian, and said so.
  await expect(description.locator("p")).toHaveText(ukrainian);
  await expect(description).toHaveAttribute("lang", "uk");
  await expect(note).toContainText(de.hostTexts.shownIn.replace("{language}", "Ukrainisch"));
  await expect(note.getByRole("link", { name: /Deutsch/ })).toBeVisible();
  await expectNoSidewaysScrolling(page);
});

test("rules a host team wrote itself show in the original with a note where no version exists", async ({ page }) => {
  const responding = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "responding")!;
  await page.goto(`/uk/join/${responding.code}`);
  await expect(page.getByTestId("rules-untranslated")).toBeVisible();
  await expect(page.getByTestId("rules-text")).toHaveAttribute("lang", "de");
  // The Arabic version is one plain link away.
  await page.getByRole("main").getByRole("link", { name: "العربية" }).click();
  await expect(page.getByTestId("rules-text")).toHaveAttribute("lang", "ar");
  await expect(page.getByTestId("rules-text")).toHaveAttribute("dir", "rtl");
  await expectNoSidewaysScrolling(page);
});

// The button stands on the invitation's page, which its action names by the code (decision 042):
// signed in through the sign-in page's way back, the reader comes back to that very page, where
// the rules are now in Dari, so nothing is offered any more. (Olena is a member already: the
// page shows her no join form, only the rules to read again, and the offer.) Dari, right to left: the machine
// translates all of the seeded dialogue's texts, and other specs read its title in Farsi.
test("a Dari reader has the host team's own rules machine-translated on the invitation's page, and comes back to it", async ({ page }) => {
  const responding = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "responding")!;
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.displayName.startsWith("Olena"))!;
  const joinPath = `/prs/join/${responding.code}`;
  const offer = page.getByRole("button", { name: new RegExp(`^${prs.translations.requestMachine.split("{")[0]!}`) });
  await page.goto(`/prs/sign-in?${new URLSearchParams({ callbackPath: joinPath })}`);
  await page.getByLabel(prs.signIn.code, { exact: true }).fill(account.signInCode);
  await page.getByRole("button", { name: prs.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL(joinPath);

  // The rules she agreed to stand below, in the host team's German, with nothing to accept.
  await expect(page.getByTestId("rules-text")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await offer.click();
  await expect(page).toHaveURL(joinPath);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(offer).toHaveCount(0);
  // Now in her Dari, the page's own language: no other language marked on them any more.
  await expect(page.getByTestId("rules-text")).not.toHaveAttribute("lang", "de");
  await expectNoSidewaysScrolling(page);
});
