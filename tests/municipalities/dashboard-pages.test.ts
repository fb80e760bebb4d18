// A town with many dialogues (issue 16): the staff dashboard shows twenty a page, by phase and
// newest first, and its previous/next links carry a keyset cursor, so page 500 is read from the
// index like page 1. Walking the pages by cursors, forwards and back, gives exactly the pages that
// page numbers give, ties in time included; a cursor page sends no OFFSET and the same statements
// as page 1; a forged cursor falls back to the page number. The shared client is swapped for one
// that reports every statement.
import { beforeEach, describe, expect, it, vi } from "vitest";

const statements = vi.hoisted(() => ({ log: [] as string[] }));
vi.mock("@/lib/db/client", async () => (await import("@/tests/support/statement-log")).reportingClient((query) => statements.log.push(query)));

const { DIALOGUES_PER_PAGE: DASHBOARD_DIALOGUES_PER_PAGE, decodeDialogueCursor: decodeDashboardCursor } = await import("@/lib/dialogues/dialogue-pages");
const { listDashboardDialogues } = await import("@/lib/municipalities/dashboard-dialogues");
const { getDashboard } = await import("@/lib/municipalities/get-dashboard");
const { db } = await import("@/lib/db/client");
const { createContribution, createDialogue, createMunicipality, createTheme, createUser, openDialogue, respond } = await import("@/tests/support/factories");
const { viewerOf } = await import("@/tests/support/viewers");
const { FORGED_DIALOGUE_CURSORS } = await import("@/tests/support/forged-cursors");

beforeEach(() => {
  statements.log.length = 0;
});

/** 47 dialogues: 30 drafts and 17 collecting, several created in the same millisecond. */
async function townWithManyDialogues() {
  const municipality = await createMunicipality();
  const staff = await createUser({ perspective: "MUNICIPAL_STAFF" });
  await db.municipalityMembership.create({ data: { userId: staff.id, municipalityId: municipality.id, role: "STAFF" } });
  const themeIds = [(await createTheme(municipality.id)).id];
  const dialogues = [];
  for (let i = 0; i < 47; i += 1) {
    const createdAt = new Date(Date.UTC(2026, 0, 1, 9, Math.floor(i / 4)));
    const dialogue = await createDialogue({ municipalityId: municipality.id, createdById: staff.id, themeIds, createdAt });
    dialogues.push(i % 3 === 0 ? await openDialogue(dialogue.id) : dialogue);
  }
  return { municipality, staff, dialogues };
}

/** The dashboard's order: phase (drafts first), then newest first, then id. */
function inOrder(dialogues: { id: string; phase: string; createdAt: Date }[]) {
  const phases = ["DRAFT", "COLLECTING", "DELIBERATING", "RESPONDING", "CLOSED"];
  return [...dialogues]
    .sort((a, b) => phases.indexOf(a.phase) - phases.indexOf(b.phase) || b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((dialogue) => dialogue.id);
}

// One town for the whole file: building 47 dialogues is the slow part.
let town: ReturnType<typeof townWithManyDialogues> | undefined;
const sharedTown = () => (town ??= townWithManyDialogues());

describe("the dashboard's pages of dialogues", () => {
  it("following next links and then previous links gives the numbered pages, in the dashboard's order", async () => {
    const { municipality, dialogues } = await sharedTown();
    const expected = inOrder(dialogues);
    const byNumber: string[][] = [];
    const first = await listDashboardDialogues(municipality.id, { page: 1 });
    expect(first.pageCount).toBe(Math.ceil(47 / DASHBOARD_DIALOGUES_PER_PAGE));
    expect(first.inPhase).toEqual({ DRAFT: 31, COLLECTING: 16, DELIBERATING: 0, RESPONDING: 0, CLOSED: 0 });
    for (let page = 1; page <= first.pageCount; page += 1) {
      byNumber.push((await listDashboardDialogues(municipality.id, { page })).dialogues.map((dialogue) => dialogue.id));
    }
    expect(byNumber.flat()).toEqual(expected);

    const forwards: string[][] = [];
    const cursors: { first: string | null; last: string | null }[] = [];
    let after: string | undefined;
    for (let page = 1; page <= first.pageCount; page += 1) {
      const list = await listDashboardDialogues(municipality.id, { page, after });
      forwards.push(list.dialogues.map((dialogue) => dialogue.id));
      cursors.push(list.cursors);
      after = list.cursors.last ?? undefined;
    }
    expect(forwards).toEqual(byNumber);

    // Back from the last page: each previous link carries the first row of the page it is on.
    const backwards: Record<number, string[]> = {};
    for (let page = first.pageCount - 1; page >= 2; page -= 1) {
      const list = await listDashboardDialogues(municipality.id, { page, before: cursors[page]?.first ?? undefined });
      backwards[page] = list.dialogues.map((dialogue) => dialogue.id);
    }
    const expectedBackwards: Record<number, string[]> = {};
    for (let page = first.pageCount - 1; page >= 2; page -= 1) expectedBackwards[page] = byNumber[page - 1]!;
    expect(Object.keys(backwards).length).toBeGreaterThan(0);
    expect(backwards).toEqual(expectedBackwards);
  });

  it("a deep page read through its cursor sends no OFFSET and as many statements as page 1; a bare page number still uses OFFSET", async () => {
    const { municipality } = await sharedTown();
    const first = await listDashboardDialogues(municipality.id, { page: 1 });
    const pageOne = statements.log.length;
    statements.log.length = 0;
    // The number only names the page; the cursor decides where it starts.
    await listDashboardDialogues(municipality.id, { page: 500, after: first.cursors.last ?? undefined });
    expect(statements.log).toHaveLength(pageOne);
    const rows = statements.log.find((sql) => sql.includes("UNION ALL"));
    expect(rows).toBeDefined();
    expect(rows).not.toMatch(/OFFSET/i);
    expect(rows).toMatch(/\(d\."createdAt", d\."id"\) < \(\$\d+::timestamp, \$\d+::uuid\)/);

    statements.log.length = 0;
    await listDashboardDialogues(municipality.id, { page: 2 });
    expect(statements.log.join("\n")).toMatch(/OFFSET/);
  });

  it("reads a cursor page from the index: the rest of the cursor's phase is an index range, not a scan from its start", async () => {
    const { municipality } = await sharedTown();
    const first = await listDashboardDialogues(municipality.id, { page: 1 });
    const [phase, createdAt, id] = decodeDashboardCursor(first.cursors.last)!;
    await db.$executeRawUnsafe("SET enable_seqscan = off");
    try {
      const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT d."id" FROM "Dialogue" d WHERE d."municipalityId" = $1::uuid AND d."phase" = $2::"DialoguePhase"
           AND (d."createdAt", d."id") < ($3::timestamp, $4::uuid) ORDER BY d."createdAt" DESC, d."id" DESC LIMIT 20`,
        municipality.id,
        phase,
        createdAt,
        id,
      );
      const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
      expect(text).toMatch(/Index (Only )?Scan using "Dialogue_municipalityId_phase_createdAt_id_idx"/);
      expect(text).toMatch(/Index Cond: .*"createdAt", id\) < /);
      expect(text).not.toMatch(/Sort/);
    } finally {
      await db.$executeRawUnsafe("RESET enable_seqscan");
    }
  });

  it.each(FORGED_DIALOGUE_CURSORS)("a forged or broken cursor (%s) is ignored: the page is read by its number", async (_, after) => {
    const { municipality, dialogues } = await sharedTown();
    expect(decodeDashboardCursor(after)).toBeNull();
    const list = await listDashboardDialogues(municipality.id, { page: 2, after });
    expect(list.dialogues.map((dialogue) => dialogue.id)).toEqual(inOrder(dialogues).slice(DASHBOARD_DIALOGUES_PER_PAGE, 2 * DASHBOARD_DIALOGUES_PER_PAGE));
  });

  it("counts each dialogue's visible contributions and unanswered needs on whichever page it stands, and the unanswered needs of the whole town", async () => {
    const { municipality, staff } = await sharedTown();
    const viewer = await viewerOf(staff.id);
    const last = (await getDashboard(viewer, municipality, { page: 3 }));
    const open = last.dialogues.find((dialogue) => dialogue.phase === "COLLECTING")!;
    const answered = await createContribution({ dialogueId: open.id });
    await createContribution({ dialogueId: open.id });
    await createContribution({ dialogueId: open.id, withdrawnAt: new Date() });
    await respond(answered.id, { status: "UNDER_REVIEW", authorId: staff.id });

    const again = (await getDashboard(viewer, municipality, { page: 3 }));
    expect(again.dialogues.find((dialogue) => dialogue.id === open.id)).toMatchObject({ contributions: 2, unansweredNeeds: 1 });
    const pageOne = (await getDashboard(viewer, municipality));
    expect(pageOne.dialogues.some((dialogue) => dialogue.id === open.id)).toBe(false);
    expect(pageOne.unansweredNeeds).toBe(1);
    expect(pageOne.inPhase.COLLECTING).toBe(16);
  });
});
