// A moderator takes a dialogue's results to the council: from the dialogue page to the export
// form, downloads a CSV (semicolon, for German Excel) and an XLSX workbook, and the files hold
// what the dialogue holds — Arabic text intact, the voices' perspectives, no names of people who
// did not opt in. Works without JavaScript: the form is a plain POST to the download route (the
// export is logged, so it is no GET: another site cannot trigger it in a moderator's browser).
import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import en from "../messages/en.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../prisma/seed";
import { CONTRIBUTIONS } from "../prisma/seed/contributions";
import { DIALOGUES } from "../prisma/seed/dialogues";

const LOCALE = "en" as const;
const text = en.exports;
const MUNICIPALITY = "musterstadt";
const dialogue = DIALOGUES.deliberating;
const dialoguePath = `/${LOCALE}/${MUNICIPALITY}/${dialogue.slug}`;
const moderator = DEMO_ACCOUNTS.find((account) => account.displayName === "Miriam Hoffmann")!;
/** The header of a coded column's machine-code twin, e.g. "Perspective (code)". */
const codeColumn = (label: string) => text.codeColumn.replace("{column}", label);
const arabic = CONTRIBUTIONS.find((c) => c.dialogue === "deliberating" && c.language === "ar" && c.author === "nour")!;

test.use({ javaScriptEnabled: false });

async function signIn(page: Page) {
  await page.goto(`/${LOCALE}/sign-in`);
  await page.getByLabel(en.signIn.code, { exact: true }).fill(moderator.signInCode);
  await page.getByRole("button", { name: en.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL(`/${LOCALE}`);
}

async function bytesOf(download: Download): Promise<Buffer> {
  const file = await download.path();
  return readFile(file);
}

test("a moderator downloads CSV and XLSX and they hold the dialogue, Arabic included", async ({ page }) => {
  await signIn(page);
  await page.goto(dialoguePath);
  await page.getByRole("link", { name: text.exportLink }).click();
  await expect(page).toHaveURL(`${dialoguePath}/export`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.title);
  // Moderators may ask for hidden content; the form offers it.
  await expect(page.getByLabel(text.includeHidden, { exact: true })).toBeVisible();

  // CSV, one record type, semicolon.
  await page.getByLabel(text.formats.csv, { exact: true }).check();
  await page.getByLabel(text.recordTypes.contributions, { exact: true }).check();
  await page.getByLabel(text.separators.semicolon, { exact: true }).check();
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: text.submit }).click()]);
  expect(csvDownload.suggestedFilename()).toMatch(new RegExp(`^mitreden-${dialogue.slug}-contributions-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = await bytesOf(csvDownload);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parse(csv, { bom: true, delimiter: ";" }) as string[][];
  expect(header).toEqual(expect.arrayContaining([text.columns.title, text.columns.perspective, text.columns.source, text.columns.authorName]));
  const column = (label: string) => header!.indexOf(label);
  const row = rows.find((cells) => cells[column(text.columns.title)] === arabic.title);
  expect(row?.[column(text.columns.body)]).toBe(arabic.body);
  // Nour keeps her perspective private: not even the moderator's export says it (decision 024),
  // and it reads exactly like a perspective nobody stated, in words and code.
  expect(row?.[column(text.columns.perspective)]).toBe(en.perspectives.NOT_STATED);
  expect(row?.[column(codeColumn(text.columns.perspective))]).toBe("NOT_STATED");
  // Words a council reads, the code beside them (decision 027).
  expect(row?.[column(text.columns.language)]).toBe(new Intl.DisplayNames(["en"], { type: "language" }).of("ar"));
  expect(row?.[column(codeColumn(text.columns.language))]).toBe("ar");
  expect(row?.[column(text.columns.kind)]).toBe(en.kinds[arabic.kind]);
  // Nour did not opt in to showing her name.
  expect(row?.[column(text.columns.authorName)]).toBe("");
  expect(csv.toString("utf8")).not.toContain("@musterstadt.example");

  // XLSX: every record type, one sheet each.
  await page.getByLabel(text.formats.xlsx, { exact: true }).check();
  const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: text.submit }).click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await bytesOf(xlsxDownload)) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(Object.values(text.recordTypes));
  const sheet = workbook.getWorksheet(text.recordTypes.contributions)!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  const titleColumn = headers.indexOf(text.columns.title) + 1;
  expect(sheet.getColumn(titleColumn).values).toContain(arabic.title);
  const supports = workbook.getWorksheet(text.recordTypes.supports)!;
  expect((supports.getRow(1).values as unknown[]).slice(1)).toEqual([
    text.columns.contributionId,
    text.columns.title,
    text.columns.perspective,
    text.columns.online,
    text.columns.atMeetings,
    text.columns.total,
    text.columns.contributionTotal,
    codeColumn(text.columns.perspective),
  ]);
});

test("participants get no export: no link, no page, no file", async ({ page }) => {
  const nour = DEMO_ACCOUNTS.find((account) => account.displayName === "Nour")!;
  await page.goto(`/${LOCALE}/sign-in`);
  await page.getByLabel(en.signIn.code, { exact: true }).fill(nour.signInCode);
  await page.getByRole("button", { name: en.signIn.submit, exact: true }).click();
  await expect(page).toHaveURL(`/${LOCALE}`);
  await page.goto(dialoguePath);
  await expect(page.getByRole("link", { name: text.exportLink })).toHaveCount(0);
  expect((await page.goto(`${dialoguePath}/export`))?.status()).toBe(404);
  // The form's POST, from the app's own origin: refused, back to the form with the reason.
  const origin = new URL(page.url()).origin;
  const response = await page.request.post(`${dialoguePath}/export/download`, { form: { format: "csv" }, headers: { origin }, maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers().location).toContain("error=FORBIDDEN");
});

test("the export is a POST from the app's own pages only: no GET, nothing from another site", async ({ page }) => {
  await signIn(page);
  const download = `${dialoguePath}/export/download`;
  // A link or an image pointing at the download exports nothing.
  const get = await page.request.get(`${download}?format=csv`, { maxRedirects: 0 });
  expect(get.status()).toBe(405);
  expect(get.headers().allow).toBe("POST");
  // A form on another site posting into the moderator's session is refused.
  const foreign = await page.request.post(download, { form: { format: "csv" }, headers: { origin: "https://evil.example" }, maxRedirects: 0 });
  expect(foreign.status()).toBe(403);
  const own = await page.request.post(download, { form: { format: "csv" }, headers: { origin: new URL(page.url()).origin }, maxRedirects: 0 });
  expect(own.status()).toBe(200);
  expect(own.headers()["content-disposition"]).toMatch(/^attachment; filename="mitreden-.*\.csv"$/);
});
