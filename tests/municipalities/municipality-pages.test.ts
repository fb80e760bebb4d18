// A town with many dialogues (issue 16, decision 070): its public page shows twenty a page, drafts
// first for those who may read them, then by phase and newest first, and its previous/next links
// carry the keyset cursor the staff dashboard uses, so page 500 is read from the index like page 1.
// Walking the pages by cursors, forwards and back, gives exactly the pages that page numbers give,
// ties in time included, for an anonymous reader, for staff and for a draft's host; a cursor page
// sends no OFFSET and the same statements as page 1; a forged cursor falls back to the page number.
// The shared client is swapped for one that reports every statement.
import { beforeEach, describe, expect, it, vi } from "vitest";

const statements = vi.hoisted(() => ({ log: [] as string[] }));
vi.mock("@/lib/db/client", async () => (await import("@/tests/support/statement-log")).reportingClient((query) => statements.log.push(query)));

const { DIALOGUES_PER_PAGE } = await import("@/lib/dialogues/dialogue-pages");
const { listMunicipalityDialoguePage } = await import("@/lib/dialogues/list-municipality-dialogues");
const { db } = await import("@/lib/db/client");
const { addMember, createDialogue, createMunicipality, createTheme, createUser, openDialogue } = await import("@/tests/support/factories");
const { viewerOf } = await import("@/tests/support/viewers");
const { FORGED_DIALOGUE_CURSORS } = await import("@/tests/support/forged-cursors");

beforeEach(() => {
  statements.log.length = 0;
});

const PHASES = ["DRAFT", "COLLECTING", "DELIBERATING", "RESPONDING", "CLOSED"];

/** 50 dialogues: 13 drafts, 25 collecting and 12 deliberating, four at a time created in the same millisecond; a host of one draft. */
async function townWithManyDialogues() {
  const municipality = await createMunicipality();
  const staff = await createUser({ perspective: "MUNICIPAL_STAFF" });
  await db.municipalityMembership.create({ data: { userId: staff.id, municipalityId: municipality.id, role: "STAFF" } });
  const themeIds = [(await createTheme(municipality.id)).id];
  const dialogues: { id: string; phase: string; createdAt: Date }[] = [];
  for (let i = 0; i < 50; i += 1) {
    const createdAt = new Date(Date.UTC(2026, 0, 1, 9, Math.floor(i / 4)));
    const dialogue = await createDialogue({ municipalityId: municipality.id, createdById: staff.id, themeIds, createdAt });
    if (i % 4 === 0) dialogues.push(dialogue);
    else if (i % 4 === 3) {
      await openDialogue(dialogue.id);
      dialogues.push(await db.dialogue.update({ where: { id: dialogue.id }, data: { phase: "DELIBERATING" } }));
    } else dialogues.push(await openDialogue(dialogue.id));
  }
  const host = await createUser({ perspective: "MUNICIPAL_STAFF" });
  const hosted = dialogues.filter((dialogue) => dialogue.phase === "DRAFT")[5]!;
  await addMember(hosted.id, host.id, "HOST");
  // Another town's dialogue the host also runs: never on this town's page.
  await addMember((await createDialogue()).id, host.id, "HOST");
  return { municipality, staff, host, hosted, dialogues };
}

/** The page's order: phase (drafts first), then newest first, then id. */
function inOrder(dialogues: { id: string; phase: string; createdAt: Date }[]) {
  return [...dialogues]
    .sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) || b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((dialogue) => dialogue.id);
}

// One town for the whole file: building 50 dialogues is the slow part.
let town: ReturnType<typeof townWithManyDialogues> | undefined;
const sharedTown = () => (town ??= townWithManyDialogues());

type Reader = Parameters<typeof listMunicipalityDialoguePage>[0];
const ids = (list: { dialogues: { id: string }[] } | null) => list!.dialogues.map((dialogue) => dialogue.id);

/** Every page by number, then forwards by next links, then back by previous links: all three must agree. */
async function walk(reader: Reader, slug: string) {
  const first = (await listMunicipalityDialoguePage(reader, slug))!;
  const byNumber: string[][] = [];
  for (let page = 1; page <= first.pageCount; page += 1) byNumber.push(ids(await listMunicipalityDialoguePage(reader, slug, { page })));
  const forwards: string[][] = [];
  const cursors: { first: string | null; last: string | null }[] = [];
  let after: string | undefined;
  for (let page = 1; page <= first.pageCount; page += 1) {
    const list = (await listMunicipalityDialoguePage(reader, slug, { page, after }))!;
    forwards.push(ids(list));
    cursors.push(list.cursors);
    after = list.cursors.last ?? undefined;
  }
  const backwards: string[][] = [forwards.at(-1)!];
  for (let page = first.pageCount - 1; page >= 1; page -= 1) {
    backwards.unshift(ids(await listMunicipalityDialoguePage(reader, slug, { page, before: cursors[page]?.first ?? undefined })));
  }
  expect(forwards).toEqual(byNumber);
  expect(backwards.slice(1)).toEqual(byNumber.slice(1));
  return { first, pages: byNumber };
}

describe("the municipality's pages of dialogues", () => {
  it("an anonymous reader pages through the published dialogues only, by phase and newest first; the counts are of all of them", async () => {
    const { municipality, dialogues } = await sharedTown();
    const published = dialogues.filter((dialogue) => dialogue.phase !== "DRAFT");
    const { first, pages } = await walk(null, municipality.slug);
    expect(first.inPhase).toEqual({ DRAFT: 0, COLLECTING: 25, DELIBERATING: 12, RESPONDING: 0, CLOSED: 0 });
    expect(first.pageCount).toBe(Math.ceil(37 / DIALOGUES_PER_PAGE));
    expect(pages.flat()).toEqual(inOrder(published));
    expect(pages[0]).toHaveLength(DIALOGUES_PER_PAGE);
  });

  it("staff page through every dialogue, the drafts first", async () => {
    const { municipality, staff, dialogues } = await sharedTown();
    const { first, pages } = await walk(await viewerOf(staff.id), municipality.slug);
    expect(first.inPhase.DRAFT).toBe(13);
    expect(first.pageCount).toBe(3);
    expect(pages.flat()).toEqual(inOrder(dialogues));
  });

  it("a draft's host sees that draft before the published dialogues, and no other draft", async () => {
    const { municipality, host, hosted, dialogues } = await sharedTown();
    const { first, pages } = await walk(await viewerOf(host.id), municipality.slug);
    expect(first.inPhase.DRAFT).toBe(1);
    expect(pages.flat()).toEqual([hosted.id, ...inOrder(dialogues.filter((dialogue) => dialogue.phase !== "DRAFT"))]);
  });

  it("a deep page read through its cursor sends no OFFSET and as many statements as page 1", async () => {
    const { municipality } = await sharedTown();
    const first = (await listMunicipalityDialoguePage(null, municipality.slug))!;
    const pageOne = statements.log.length;
    statements.log.length = 0;
    // The number only names the page; the cursor decides where it starts.
    const deep = (await listMunicipalityDialoguePage(null, municipality.slug, { page: 500, after: first.cursors.last ?? undefined }))!;
    expect(deep.dialogues).toHaveLength(37 - DIALOGUES_PER_PAGE);
    expect(statements.log).toHaveLength(pageOne);
    // Prisma's own lookups (the municipality by slug) say OFFSET; the dialogues' statements must not.
    const overDialogues = statements.log.filter((sql) => sql.includes('FROM "Dialogue" d'));
    expect(overDialogues).toHaveLength(2);
    expect(overDialogues.join("\n")).not.toMatch(/OFFSET/i);
    const rows = overDialogues.find((sql) => sql.includes("UNION ALL"));
    expect(rows).toMatch(/\(d\."createdAt", d\."id"\) < \(\$\d+::timestamp, \$\d+::uuid\)/);
  });

  it.each(FORGED_DIALOGUE_CURSORS)("a forged or broken cursor (%s) is ignored: the page is read by its number", async (_, cursor) => {
    const { municipality, dialogues } = await sharedTown();
    const second = inOrder(dialogues.filter((dialogue) => dialogue.phase !== "DRAFT")).slice(DIALOGUES_PER_PAGE, 2 * DIALOGUES_PER_PAGE);
    expect(ids(await listMunicipalityDialoguePage(null, municipality.slug, { page: 2, after: cursor }))).toEqual(second);
    expect(ids(await listMunicipalityDialoguePage(null, municipality.slug, { page: 2, before: cursor }))).toEqual(second);
  });

  it("a cursor naming a draft shows an anonymous reader no draft", async () => {
    const { municipality, dialogues } = await sharedTown();
    const draft = dialogues.find((dialogue) => dialogue.phase === "DRAFT")!;
    const cursor = Buffer.from(JSON.stringify(["DRAFT", draft.createdAt.toISOString(), draft.id])).toString("base64url");
    const list = (await listMunicipalityDialoguePage(null, municipality.slug, { page: 2, after: cursor }))!;
    expect(list.dialogues.map((dialogue) => dialogue.phase)).not.toContain("DRAFT");
    expect(ids(list)).toEqual(inOrder(dialogues.filter((dialogue) => dialogue.phase !== "DRAFT")).slice(0, DIALOGUES_PER_PAGE));
  });

  it("each dialogue of a page comes with its translations", async () => {
    const { municipality, dialogues } = await sharedTown();
    const target = inOrder(dialogues.filter((dialogue) => dialogue.phase !== "DRAFT"))[DIALOGUES_PER_PAGE + 1]!;
    await db.translation.create({ data: { dialogueId: target, language: "ar", title: "عنوان", summary: "ملخص", body: "وصف", method: "MACHINE" } });
    const first = (await listMunicipalityDialoguePage(null, municipality.slug))!;
    expect(first.dialogues.every((dialogue) => dialogue.versions.length === 0)).toBe(true);
    const second = (await listMunicipalityDialoguePage(null, municipality.slug, { page: 2, after: first.cursors.last ?? undefined }))!;
    expect(second.dialogues.find((dialogue) => dialogue.id === target)?.versions).toEqual([expect.objectContaining({ language: "ar", title: "عنوان", summary: "ملخص" })]);
  });
});
