// Exports of a dialogue: the declared columns in CSV, XLSX and JSON, anonymous by default, hidden
// content only on a moderator's explicit request, every export logged, and only for the
// dialogue's own moderators and staff.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { BATCH_SIZE, RECORD_TYPE_KEYS, type RecordTypeKey } from "@/lib/exports/definition";
import { updateProfile } from "@/lib/accounts/update-profile";
import { exportDialogue, labelsFor } from "@/lib/exports/export-dialogue";
import { exportHeaders, exportJsonKeys } from "@/lib/exports/writers";
import type { Viewer } from "@/lib/policy/policy";
import {
  addMember,
  createActor,
  createComment,
  createContribution,
  createDialogue,
  createMeeting,
  createUser,
  openDialogue,
  respond,
  unique,
} from "@/tests/support/factories";
import { appErrorOf, viewerOf } from "@/tests/support/viewers";

const BOM = [0xef, 0xbb, 0xbf];

let dialogueId: string;
let moderator: Viewer;
let staff: Viewer;
const hiddenAuthor = { name: "", email: "" };
const shy = { id: "", name: "", email: "" };
const open = { name: "" };
const texts = { arabic: "نحتاج إلى دروس لغة للأمهات مع رعاية للأطفال", hidden: "", withdrawn: "", formula: "=HYPERLINK(\"x\")" };

beforeAll(async () => {
  const dialogue = await createDialogue();
  dialogueId = dialogue.id;
  await openDialogue(dialogueId);

  const moderatorUser = await createUser({ displayName: unique("Moderatorin") });
  await addMember(dialogueId, moderatorUser.id, "MODERATOR");
  moderator = await viewerOf(moderatorUser.id);
  const staffUser = await createUser({ displayName: unique("Sachbearbeiter"), perspective: "MUNICIPAL_STAFF" });
  await db.municipalityMembership.create({ data: { userId: staffUser.id, municipalityId: dialogue.municipalityId, role: "STAFF" } });
  staff = await viewerOf(staffUser.id);

  shy.name = unique("Zurueckhaltend");
  shy.email = `${unique("shy")}@example.org`;
  const shyUser = await createUser({ displayName: shy.name, email: shy.email, perspective: "LIVED_EXPERIENCE" });
  shy.id = shyUser.id;
  open.name = unique("Offen");
  // Shows name and perspective; `shy` keeps both private (docs/decisions/024-private-perspective.md).
  const openUser = await createUser({ displayName: open.name, perspective: "LIVED_EXPERIENCE", showNameInExports: true, showPerspective: true });

  const shyNeed = await createContribution({ dialogueId, authorId: shyUser.id, title: texts.formula });
  await createContribution({ dialogueId, authorId: openUser.id, title: texts.arabic, body: texts.arabic, language: "ar" });
  hiddenAuthor.name = unique("Versteckt");
  hiddenAuthor.email = `${unique("hidden")}@example.org`;
  const hiddenUser = await createUser({ displayName: hiddenAuthor.name, email: hiddenAuthor.email, showNameInExports: true });
  texts.hidden = unique("Ausgeblendet");
  const hidden = await createContribution({
    dialogueId,
    authorId: hiddenUser.id,
    title: texts.hidden,
    hiddenAt: new Date(),
    hiddenCategory: "INSULT",
  });
  texts.withdrawn = unique("Zurueckgezogen");
  await createContribution({ dialogueId, authorId: openUser.id, title: texts.withdrawn, withdrawnAt: new Date() });

  await createComment({ contributionId: shyNeed.id, authorId: shyUser.id, body: unique("Kommentar von shy") });
  await createComment({ contributionId: hidden.id, body: unique("Kommentar am versteckten") });
  await db.support.create({ data: { contributionId: shyNeed.id, userId: openUser.id, perspective: "LIVED_EXPERIENCE" } });
  await db.support.create({ data: { contributionId: shyNeed.id, userId: moderatorUser.id, perspective: "LOCAL_ACTOR" } });
  const meeting = await createMeeting({ dialogueId });
  await db.meetingSupport.create({
    data: { contributionId: shyNeed.id, meetingId: meeting.id, perspective: "LIVED_EXPERIENCE", count: 7, recordedById: staffUser.id },
  });
  const actor = await createActor({ municipalityId: dialogue.municipalityId, name: unique("Jobcenter") });
  await respond(shyNeed.id, { status: "UNDER_REVIEW", actorId: actor.id, decidedBy: "Sozialausschuss" });
  await db.moderationAction.create({
    data: { dialogueId, actorId: moderatorUser.id, type: "HIDE", contributionId: hidden.id, category: "INSULT", reason: "Beleidigung" },
  });
});

async function bytesOf(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(body).arrayBuffer());
}

async function csv(viewer: Viewer, recordType: RecordTypeKey, options: { separator?: "comma" | "semicolon"; includeHidden?: boolean } = {}) {
  const file = await exportDialogue(viewer, { dialogueId, format: "csv", recordType, ...options });
  const bytes = await bytesOf(file.body);
  const rows = parse(bytes, { bom: true, delimiter: options.separator === "semicolon" ? ";" : ",", relax_column_count: false }) as string[][];
  return { file, bytes, header: rows[0] ?? [], records: rows.slice(1) };
}

async function xlsx(viewer: Viewer, includeHidden = false) {
  const file = await exportDialogue(viewer, { dialogueId, format: "xlsx", includeHidden });
  const bytes = await bytesOf(file.body);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return { file, bytes, workbook };
}

async function json(viewer: Viewer, includeHidden = false) {
  const file = await exportDialogue(viewer, { dialogueId, format: "json", includeHidden, origin: "https://mitreden.example" });
  const bytes = await bytesOf(file.body);
  return { file, bytes, document: JSON.parse(bytes.toString("utf8")) as Record<string, unknown> };
}

describe("columns, declared once", () => {
  it.each(RECORD_TYPE_KEYS)("CSV of %s: UTF-8 with BOM, the translated headers, separated by semicolons", async (key) => {
    const labels = await labelsFor("de");
    const { file, bytes, header } = await csv(moderator, key, { separator: "semicolon" });
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.filename).toMatch(new RegExp(`^mitreden-[a-z0-9-]+-${key}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(header).toEqual(exportHeaders(key, labels));
    expect(bytes.toString("utf8").split("\r\n")[0]).toContain(";");
  });

  it("CSV: the translated headers separated by commas, the words a council reads and their codes", async () => {
    const labels = await labelsFor("de");
    const comma = await csv(moderator, "contributions", { separator: "comma" });
    expect(comma.header).toEqual(exportHeaders("contributions", labels));
    // The words a council reads, their codes at the end for re-import.
    expect(comma.header).toEqual(expect.arrayContaining(["Art", "Perspektive", "Unterstützungen gesamt", "Titel, übersetzt (Deutsch)", "Art (Code)", "Perspektive (Code)"]));
  });

  it("CSV rows carry the voice: perspective where shown, source, theme, Arabic text intact", async () => {
    const { header, records } = await csv(moderator, "contributions");
    const column = (name: string) => header.indexOf(name);
    const arabic = records.find((record) => record[column("Titel")] === texts.arabic);
    expect(arabic?.[column("Perspektive")]).toBe("Menschen mit Fluchterfahrung");
    expect(arabic?.[column("Perspektive (Code)")]).toBe("LIVED_EXPERIENCE");
    // Kept private (decision 024): exactly as a stated "not stated", in words and in code.
    const private_ = records.find((record) => record[column("Titel")] === `'${texts.formula}`);
    expect(private_?.[column("Perspektive")]).toBe("Ohne Angabe");
    expect(private_?.[column("Perspektive (Code)")]).toBe("NOT_STATED");
    expect(arabic?.[column("Art")]).toBe("Bedarf");
    expect(arabic?.[column("Art (Code)")]).toBe("NEED");
    expect(arabic?.[column("Status")]).toBe("Offen");
    expect(arabic?.[column("Quelle")]).toBe("Online");
    expect(arabic?.[column("Quelle (Code)")]).toBe("ONLINE");
    expect(arabic?.[column("Sprache")]).toBe("Arabisch");
    expect(arabic?.[column("Sprache (Code)")]).toBe("ar");
    expect(arabic?.[column("Bearbeitet")]).toBe("nein");
    expect(arabic?.[column("Name (freigegeben)")]).toBe(open.name);
    // A formula-like title is made text for spreadsheets.
    expect(records.some((record) => record[column("Titel")] === `'${texts.formula}`)).toBe(true);
  });

  it("supports: per contribution and perspective, online and meeting apart", async () => {
    const { header, records } = await csv(moderator, "supports");
    expect(header).toEqual([
      "Beitrag (ID)",
      "Titel",
      "Perspektive",
      "Online",
      "Bei Treffen",
      "Zusammen",
      "Unterstützungen des Beitrags gesamt",
      "Perspektive (Code)",
    ]);
    // Per perspective, and beside it the contribution's total: 2 online and 7 at a meeting.
    const lived = records.find((record) => record[1] === `'${texts.formula}` && record[2] === "Menschen mit Fluchterfahrung");
    expect(lived?.slice(3)).toEqual(["1", "7", "8", "9", "LIVED_EXPERIENCE"]);
    const local = records.find((record) => record[1] === `'${texts.formula}` && record[7] === "LOCAL_ACTOR");
    expect(local?.slice(3, 7)).toEqual(["1", "0", "1", "9"]);
    const contributions = await csv(moderator, "contributions");
    const need = contributions.records.find((record) => record[contributions.header.indexOf("Titel")] === `'${texts.formula}`);
    expect(need?.[contributions.header.indexOf("Unterstützungen gesamt")]).toBe("9");
    // Every visible contribution has a row per perspective.
    expect(records.length % 4).toBe(0);
  });

  it("responses name the deciding body and the actor, meetings their counts", async () => {
    const responses = await csv(moderator, "responses");
    expect(responses.records).toHaveLength(1);
    expect(responses.records[0]).toEqual(expect.arrayContaining(["Wird geprüft", "Sozialausschuss", "UNDER_REVIEW", "Deutsch", "de"]));
    const meetings = await csv(moderator, "meetings");
    expect(meetings.records).toHaveLength(1);
    const at = (name: string) => meetings.records[0]?.[meetings.header.indexOf(name)];
    expect([at("Anzahl Beiträge"), at("Anzahl Unterstützungen"), at("Sprachen"), at("Sprachen (Code)")]).toEqual(["0", "7", "Deutsch, Arabisch", "de ar"]);
    const log = await csv(moderator, "moderationLog");
    expect(log.records[0]).toEqual(expect.arrayContaining(["Ausgeblendet", "Beleidigung", "HIDE", "INSULT"]));
  });

  // One export read by several cases (building it is the expensive part).
  let xlsxExport: ReturnType<typeof xlsx> | undefined;
  const staffXlsx = () => (xlsxExport ??= xlsx(staff));
  let jsonExport: ReturnType<typeof json> | undefined;
  const staffJson = () => (jsonExport ??= json(staff));

  it.each(RECORD_TYPE_KEYS)("XLSX: the sheet of %s has the same headers", async (key) => {
    const labels = await labelsFor("de");
    const { workbook } = await staffXlsx();
    const sheet = workbook.getWorksheet(labels.recordType(key));
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(exportHeaders(key, labels));
  });

  it("XLSX: one sheet per record type, in order", async () => {
    const labels = await labelsFor("de");
    const { file, workbook } = await staffXlsx();
    expect(file.filename).toMatch(/\.xlsx$/);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(RECORD_TYPE_KEYS.map((key) => labels.recordType(key)));
    const contributions = workbook.getWorksheet(labels.recordType("contributions"));
    const titles = contributions?.getColumn(6).values.slice(2);
    expect(titles).toEqual(expect.arrayContaining([texts.arabic, texts.formula]));
  });

  it.each(RECORD_TYPE_KEYS)("JSON: %s is an array keyed by its columns", async (key) => {
    const { document } = await staffJson();
    const records = document[key] as Record<string, unknown>[];
    expect(Array.isArray(records)).toBe(true);
    for (const record of records) expect(Object.keys(record)).toEqual(exportJsonKeys(key));
  });

  it("JSON: with its schema, coded values with their labels", async () => {
    const { file, document } = await staffJson();
    expect(file.contentType).toBe("application/json; charset=utf-8");
    expect(document.$schema).toBe("https://mitreden.example/api/v1/schemas/export.json");
    const contributions = document.contributions as Record<string, unknown>[];
    expect(contributions.find((c) => c.title === texts.arabic)).toMatchObject({
      kind: "NEED",
      kindLabel: "Bedarf",
      perspective: "LIVED_EXPERIENCE",
      perspectiveLabel: "Menschen mit Fluchterfahrung",
      source: "ONLINE",
      sourceLabel: "Online",
      authorName: open.name,
    });
    expect(document.dialogue).toMatchObject({ phase: "COLLECTING", phaseLabel: "Sammeln" });
  });
});

describe("anonymous by default", () => {
  it("an author who did not opt in appears by no name, id or e-mail in any format", async () => {
    const outputs: Record<string, string> = {};
    for (const key of RECORD_TYPE_KEYS) outputs[`csv ${key}`] = (await csv(moderator, key, { includeHidden: true })).bytes.toString("utf8");
    const { workbook } = await xlsx(moderator, true);
    const sheetsText = workbook.worksheets
      .flatMap((sheet) => sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])))
      .join("\n");
    outputs.xlsx = sheetsText;
    outputs.json = (await json(moderator, true)).bytes.toString("utf8");
    const secrets = [shy.name, shy.id, shy.email, moderator.id, "@example.org"];
    const found = Object.entries(outputs).map(([format, text]) => [format, secrets.filter((secret) => text.includes(secret))]);
    expect(found).toEqual(Object.keys(outputs).map((format) => [format, []]));
    // Opted in: the name is there (hidden content is in these exports too).
    expect(outputs.json).toContain(open.name);
    expect(sheetsText).toContain(open.name);
  });
});

describe("the opt-in on the profile", () => {
  it("ticking \"Show my name in exports\" shows the name from the next export on; unticking hides it again", async () => {
    const person = await createUser({ displayName: unique("Spaeter"), perspective: "LOCAL_ACTOR" });
    const title = unique("Mit Namen");
    await createContribution({ dialogueId, authorId: person.id, title });
    const profile = { displayName: person.displayName, locale: "de", perspective: "LOCAL_ACTOR" as const, email: null };
    const nameOf = async () => {
      const { header, records } = await csv(moderator, "contributions");
      return records.find((record) => record[header.indexOf("Titel")] === title)?.[header.indexOf("Name (freigegeben)")];
    };
    expect(await nameOf()).toBe("");
    await updateProfile(await viewerOf(person.id), { ...profile, showNameInExports: true });
    expect(await nameOf()).toBe(person.displayName);
    await updateProfile(await viewerOf(person.id), profile);
    expect(await nameOf()).toBe("");
  });
});

describe("hidden and withdrawn content", () => {
  it("hidden content is left out by default, withdrawn always", async () => {
    const { bytes } = await json(moderator);
    const text = bytes.toString("utf8");
    expect(text).not.toContain(texts.hidden);
    expect(text).not.toContain(hiddenAuthor.name);
    expect(text).not.toContain(texts.withdrawn);
    expect(text).not.toContain("Kommentar am versteckten");
  });

  it("a moderator who asks explicitly gets it, marked as hidden", async () => {
    const { header, records } = await csv(moderator, "contributions", { includeHidden: true });
    const hidden = records.find((record) => record[header.indexOf("Titel")] === texts.hidden);
    expect(hidden?.[header.indexOf("Ausgeblendet")]).toBe("ja");
    expect(hidden?.[header.indexOf("Grund des Ausblendens")]).toBe("Beleidigung");
    expect(hidden?.[header.indexOf("Grund des Ausblendens (Code)")]).toBe("INSULT");
    expect(records.some((record) => record.includes(texts.withdrawn))).toBe(false);
    const comments = await csv(moderator, "comments", { includeHidden: true });
    expect(comments.records.some((record) => record.some((cell) => cell.startsWith("Kommentar am versteckten")))).toBe(true);
  });

  it("staff without a moderator role cannot ask for hidden content", async () => {
    const error = await appErrorOf(exportDialogue(staff, { dialogueId, format: "csv", includeHidden: true }));
    expect(error.code).toBe("FORBIDDEN");
  });
});

describe("who may export, and the log", () => {
  it("logs every export before the file is read: who, dialogue, format, hidden or not", async () => {
    const before = await db.exportLog.count({ where: { dialogueId } });
    const file = await exportDialogue(moderator, { dialogueId, format: "xlsx", includeHidden: true });
    const log = await db.exportLog.findMany({ where: { dialogueId }, orderBy: { createdAt: "desc" }, take: 1 });
    expect(await db.exportLog.count({ where: { dialogueId } })).toBe(before + 1);
    expect(log[0]).toMatchObject({ userId: moderator.id, format: "XLSX", includesHidden: true });
    await file.body.cancel();
  });

  it("refuses participants, signed-out visitors and staff of another municipality", async () => {
    const participant = await createUser();
    await addMember(dialogueId, participant.id, "PARTICIPANT");
    expect((await appErrorOf(exportDialogue(await viewerOf(participant.id), { dialogueId, format: "csv" }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(exportDialogue(null, { dialogueId, format: "csv" }))).code).toBe("UNAUTHENTICATED");

    const elsewhere = await createDialogue();
    const otherStaff = await createUser();
    await db.municipalityMembership.createMany({
      data: [
        { userId: otherStaff.id, municipalityId: elsewhere.municipalityId, role: "STAFF" },
        { userId: otherStaff.id, municipalityId: elsewhere.municipalityId, role: "MODERATOR" },
      ],
    });
    const error = await appErrorOf(exportDialogue(await viewerOf(otherStaff.id), { dialogueId, format: "csv", includeHidden: true }));
    expect(error.code).toBe("FORBIDDEN");
    expect(await db.exportLog.count({ where: { userId: otherStaff.id } })).toBe(0);
  });

  it("refuses a forged dialogue id and bad choices", async () => {
    expect((await appErrorOf(exportDialogue(moderator, { dialogueId: "0195f0c2-0000-7000-8000-000000000000", format: "csv" }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await appErrorOf(exportDialogue(moderator, { dialogueId: "not-a-uuid", format: "csv" }))).code).toBe("INVALID_INPUT");
    const bad = { dialogueId, format: "pdf" } as unknown as Parameters<typeof exportDialogue>[1];
    expect((await appErrorOf(exportDialogue(moderator, bad))).code).toBe("INVALID_INPUT");
  });

  it("refuses a DRAFT dialogue", async () => {
    const draft = await createDialogue();
    const draftStaff = await createUser();
    await db.municipalityMembership.create({ data: { userId: draftStaff.id, municipalityId: draft.municipalityId, role: "STAFF" } });
    expect((await appErrorOf(exportDialogue(await viewerOf(draftStaff.id), { dialogueId: draft.id, format: "csv" }))).code).toBe("FORBIDDEN");
  });
});

describe("streaming", () => {
  it("hands out the first chunk before the rows are read", async () => {
    const file = await exportDialogue(moderator, { dialogueId, format: "csv", recordType: "contributions" });
    const reader = file.body.getReader();
    const first = await reader.read();
    // The header line alone: the rows follow on the next pull.
    expect(Buffer.from(first.value ?? []).toString("utf8")).toMatch(/^\uFEFFID,Erstellt am,.*\r\n$/);
    const second = await reader.read();
    expect(Buffer.from(second.value ?? []).toString("utf8")).toContain(texts.arabic);
    await reader.cancel();
  });
});

describe("many rows", () => {
  it("pages through more than one batch without skipping or repeating a row, one batch per pull", async () => {
    const big = await createDialogue({ municipalityId: (await db.dialogue.findUniqueOrThrow({ where: { id: dialogueId } })).municipalityId });
    await openDialogue(big.id);
    const themeId = big.themes[0]!.themeId;
    const count = BATCH_SIZE * 2 + 50;
    const voice = await createUser({ perspective: "LIVED_EXPERIENCE" });
    await db.contribution.createMany({
      data: Array.from({ length: count }, (_, index) => ({
        dialogueId: big.id,
        themeId,
        kind: "NEED" as const,
        title: `Anliegen ${index}`,
        body: "Text",
        language: "de",
        authorId: voice.id,
        authorPerspective: "LIVED_EXPERIENCE" as const,
      })),
    });
    const file = await exportDialogue(staff, { dialogueId: big.id, format: "csv", recordType: "contributions" });
    const chunks: string[] = [];
    const reader = file.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(Buffer.from(read.value).toString("utf8"));
    // The header, then one chunk per batch.
    expect(chunks).toHaveLength(1 + 3);
    const records = parse(chunks.join(""), { bom: true }) as string[][];
    const titles = records.slice(1).map((record) => record[5]);
    expect(new Set(titles).size).toBe(count);

    const supports = await exportDialogue(staff, { dialogueId: big.id, format: "csv", recordType: "supports" });
    const rows = (parse(Buffer.from(await new Response(supports.body).arrayBuffer()), { bom: true }) as string[][]).slice(1);
    expect(rows).toHaveLength(count * 4);
    expect(new Set(rows.map((row) => `${row[0]}/${row[2]}`)).size).toBe(count * 4);
  });
});

