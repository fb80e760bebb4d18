// Exports a council can read (issue 13; docs/decisions/027-exports-a-council-can-read.md): values
// in the export's language with their codes beside them, times on the municipality's clock as real
// dates, support totals, and the checked translation into the municipality's language.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { exportDialogue } from "@/lib/exports/export-dialogue";
import { loadMessages } from "@/lib/i18n/messages";
import type { Viewer } from "@/lib/policy/policy";
import { addMember, createContribution, createDialogue, createMunicipality, createUser, openDialogue, respond, unique } from "@/tests/support/factories";
import { viewerOf } from "@/tests/support/viewers";

let dialogueId: string;
let moderator: Viewer;
const ids = { checked: "", unchecked: "", outdated: "", german: "" };
// Kabul is UTC+04:30 all year: a half-hour offset no rounding can hide.
const createdAt = new Date("2026-03-01T12:00:00Z");

beforeAll(async () => {
  const municipality = await createMunicipality({ timeZone: "Asia/Kabul", defaultLocale: "de" });
  const dialogue = await createDialogue({ municipalityId: municipality.id, languages: ["de", "ar"] });
  dialogueId = dialogue.id;
  await openDialogue(dialogueId);
  const moderatorUser = await createUser({ displayName: unique("Moderatorin") });
  await addMember(dialogueId, moderatorUser.id, "MODERATOR");
  moderator = await viewerOf(moderatorUser.id);
  const checker = await createUser();

  const arabic = (title: string) => createContribution({ dialogueId, title, body: `${title} …`, language: "ar", createdAt });
  ids.checked = (await arabic("نحتاج إنترنت")).id;
  ids.unchecked = (await arabic("نحتاج دروس لغة")).id;
  ids.outdated = (await arabic("نحتاج حضانة")).id;
  ids.german = (await createContribution({ dialogueId, title: "Spielplatz", language: "de", createdAt })).id;
  const translate = (contributionId: string, title: string, checked: boolean) =>
    db.translation.create({
      data: {
        contributionId,
        language: "de",
        title,
        body: `${title}: übersetzt`,
        translatorId: moderatorUser.id,
        ...(checked ? { checkedAt: new Date(), checkedById: checker.id } : {}),
      },
    });
  await translate(ids.checked, "Wir brauchen Internet", true);
  await translate(ids.unchecked, "Wir brauchen Sprachkurse", false);
  await translate(ids.outdated, "Wir brauchen eine Kita", true);
  // The author changed the text after it was checked: the translation no longer says what it says.
  await db.contribution.update({ where: { id: ids.outdated }, data: { body: "نحتاج حضانة قريبة" } });
  await respond(ids.checked, { status: "PLANNED", dueDate: new Date("2027-03-01T00:00:00Z") });
});

async function bytesOf(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(body).arrayBuffer());
}

async function csvTable(recordType: "contributions" | "responses", locale = "de") {
  const file = await exportDialogue(moderator, { dialogueId, format: "csv", recordType, locale });
  const rows = parse(await bytesOf(file.body), { bom: true }) as string[][];
  const header = rows[0] ?? [];
  return rows.slice(1).map((row) => Object.fromEntries(header.map((name, index) => [name, row[index]])));
}

describe("an export a council can read", () => {
  it("CSV: times as yyyy-mm-dd hh:mm on the municipality's clock, a due day as a day", async () => {
    const contributions = await csvTable("contributions");
    expect(contributions.find((row) => row.Titel === "Spielplatz")?.["Erstellt am"]).toBe("2026-03-01 16:30");
    const [answer] = await csvTable("responses");
    expect(answer?.["Zu erledigen bis"]).toBe("2027-03-01");
    expect(answer?.Status).toBe("Geplant");
  });

  it("XLSX: real date cells with a date format, showing the municipality's local time", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf((await exportDialogue(moderator, { dialogueId, format: "xlsx" })).body)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const cell = sheet.getRow(2).getCell(2);
    expect(cell.value).toBeInstanceOf(Date);
    expect((cell.value as Date).toISOString()).toBe("2026-03-01T16:30:00.000Z");
    expect(cell.numFmt).toBe("yyyy-mm-dd hh:mm");
    const answers = workbook.worksheets[3]!;
    const due = answers.getRow(2).getCell((answers.getRow(1).values as unknown[]).indexOf("Zu erledigen bis"));
    expect(due.value).toBeInstanceOf(Date);
    expect(due.numFmt).toBe("yyyy-mm-dd");
  });

  it("JSON: codes with their words, times with the municipality's offset, the zone named", async () => {
    const file = await exportDialogue(moderator, { dialogueId, format: "json", locale: "ar" });
    const document = JSON.parse((await bytesOf(file.body)).toString("utf8")) as { timeZone: string; contributions: Record<string, unknown>[] };
    expect(document.timeZone).toBe("Asia/Kabul");
    const arabic = (await loadMessages("ar")) as { kinds: Record<string, string>; statuses: Record<string, string> };
    const row = document.contributions.find((contribution) => contribution.id === ids.german);
    // The same catalogue words the UI shows in Arabic.
    expect(row).toMatchObject({ kind: "NEED", kindLabel: arabic.kinds.NEED, status: "OPEN", statusLabel: arabic.statuses.OPEN, createdAt: "2026-03-01T16:30:00+04:30" });
  });

  it("carries the checked, current translation into the municipality's language in its own columns, nothing else", async () => {
    const rows = await csvTable("contributions");
    const byId = (id: string) => rows.find((row) => row.ID === id);
    expect(byId(ids.checked)).toMatchObject({ "Titel, übersetzt (Deutsch)": "Wir brauchen Internet", "Text, übersetzt (Deutsch)": "Wir brauchen Internet: übersetzt" });
    expect(byId(ids.unchecked)?.["Titel, übersetzt (Deutsch)"]).toBe("");
    expect(byId(ids.outdated)?.["Titel, übersetzt (Deutsch)"]).toBe("");
    expect(byId(ids.german)?.["Titel, übersetzt (Deutsch)"]).toBe("");
  });
});
