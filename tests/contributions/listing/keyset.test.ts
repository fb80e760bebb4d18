// Deep pages (issue 16): the dialogue page's previous/next links carry a keyset cursor, so page
// 500 is read from the index like page 1 instead of skipping 9,980 rows with OFFSET. Walking the
// list by cursors, forwards and back, gives exactly the pages that page numbers give, in every
// sort and with ties; the statement of a cursor page has no OFFSET; a forged cursor falls back
// to the page number. The shared client is swapped for one that reports every statement.
import { beforeEach, describe, expect, it, vi } from "vitest";

const statements = vi.hoisted(() => ({ log: [] as string[] }));
vi.mock("@/lib/db/client", async () => (await import("@/tests/support/statement-log")).reportingClient((query) => statements.log.push(query)));

const { listContributions, cursorQuery, decodeCursor, CONTRIBUTIONS_PER_PAGE } = await import("@/lib/contributions/list-contributions");
const { loadDialoguePage } = await import("@/lib/pages/dialogue-page");
const { db } = await import("@/lib/db/client");
const { createMeeting, createUser } = await import("@/tests/support/factories");
const { support } = await import("@/tests/support/bulk");
const { openedDialogue, seed } = await import("./seed");
type Sort = "needs" | "newest" | "supported";

beforeEach(() => {
  statements.log.length = 0;
});

/** 47 contributions: both kinds, every perspective, ties in time and in support, meeting supports. */
async function dialogueWithTies() {
  const dialogue = await openedDialogue();
  const perspectives = ["LIVED_EXPERIENCE", "LOCAL_ACTOR", "MUNICIPAL_STAFF", "NOT_STATED"] as const;
  const rows = await seed(
    dialogue,
    Array.from({ length: 47 }, (_, i) => ({ kind: i % 3 ? ("NEED" as const) : ("PROPOSAL" as const), perspective: perspectives[i % 4], minute: Math.floor(i / 5) })),
  );
  await support(rows.filter((_, i) => i % 2 === 0).map((r) => r.id), "LOCAL_ACTOR", 1);
  await support(rows.filter((_, i) => i % 7 === 0).map((r) => r.id), "LIVED_EXPERIENCE", 2);
  const meeting = await createMeeting({ dialogueId: dialogue.id });
  const recorder = await createUser({ perspective: "MUNICIPAL_STAFF" });
  await db.meetingSupport.createMany({
    data: rows.filter((_, i) => i % 5 === 1).map((r) => ({ contributionId: r.id, meetingId: meeting.id, perspective: "LIVED_EXPERIENCE" as const, count: 1, recordedById: recorder.id })),
  });
  return dialogue;
}

async function byNumber(dialogueId: string, sort: Sort) {
  const pages: string[][] = [];
  const first = await listContributions({ dialogueId, page: 1, locale: "de", filters: { sort } });
  for (let page = 1; page <= first.pageCount; page += 1) {
    pages.push((await listContributions({ dialogueId, page, locale: "de", filters: { sort } })).items.map((item) => item.id));
  }
  return pages;
}

describe("keyset pages of a dialogue's contributions", () => {
  it.each(["needs", "newest", "supported"] as const)("%s: following next links and then previous links gives the numbered pages", async (sort) => {
    const dialogue = await dialogueWithTies();
    const expected = await byNumber(dialogue.id, sort);
    expect(expected.length).toBe(Math.ceil(47 / CONTRIBUTIONS_PER_PAGE));

    const forwards: string[][] = [];
    const cursors: { first: string | null; last: string | null }[] = [];
    let after: string | undefined;
    for (let page = 1; page <= expected.length; page += 1) {
      const list = await listContributions({ dialogueId: dialogue.id, page, locale: "de", filters: { sort }, after });
      forwards.push(list.items.map((item) => item.id));
      cursors.push(list.cursors);
      after = list.cursors.last ?? undefined;
    }
    expect(forwards).toEqual(expected);

    // Back from the last page: each previous link carries the first row of the page it is on.
    for (let page = expected.length - 1; page >= 2; page -= 1) {
      const before = cursors[page]?.first ?? undefined;
      const list = await listContributions({ dialogueId: dialogue.id, page, locale: "de", filters: { sort }, before });
      expect(list.items.map((item) => item.id)).toEqual(expected[page - 1]);
    }
  });

  // Decision 077: the default order's cursor is two index ranges, the rest of the cursor's group
  // and the groups after (or before) it. Groups of 0 to 25 rows, so pages start and end inside
  // groups, take the rest of one and the start of the next, skip empty ones and end in the last.
  it.each(["needs", "newest", "supported"] as const)("%s: the page after and the page before every row of the dialogue are the 20 rows that follow and precede it", async (sort) => {
    const dialogue = await openedDialogue();
    const groups = [
      ["NEED", "LIVED_EXPERIENCE", 23],
      ["NEED", "LOCAL_ACTOR", 3],
      ["NEED", "NOT_STATED", 1],
      ["PROPOSAL", "LIVED_EXPERIENCE", 25],
      ["PROPOSAL", "MUNICIPAL_STAFF", 2],
      ["PROPOSAL", "NOT_STATED", 21],
    ] as const;
    const specs = groups.flatMap(([kind, perspective, size]) => Array.from({ length: size }, () => ({ kind, perspective })));
    // Shuffled in time (and ties of three to a minute), so no group is one stretch of time.
    const rows = await seed(dialogue, specs.map((spec, i) => ({ ...spec, minute: Math.floor(((i * 37) % specs.length) / 3) })));
    await support(rows.filter((_, i) => i % 4 === 0).map((r) => r.id), "LOCAL_ACTOR", 1);
    const order = (await byNumber(dialogue.id, sort)).flat();
    expect(order.length).toBe(75);

    // A cursor for any row, as a page link would carry it (base64url JSON of its sort key).
    const keys = await db.$queryRaw<{ id: string; kind: string; perspective: string; createdAt: string; supports: number }[]>`
      SELECT "id", "kind"::text, "shownPerspective"::text AS "perspective", to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "createdAt", "supportCount" AS "supports"
      FROM "Contribution" WHERE "dialogueId" = ${dialogue.id}::uuid`;
    const cursorOf = (id: string) => {
      const key = keys.find((k) => k.id === id)!;
      return Buffer.from(JSON.stringify([key.kind, key.perspective, key.createdAt, sort === "supported" ? key.supports : 0, key.id])).toString("base64url");
    };
    const read = (direction: "after" | "before", id: string) =>
      listContributions({ dialogueId: dialogue.id, page: 2, locale: "de", filters: { sort }, [direction]: cursorOf(id) }).then((list) => list.items.map((item) => item.id));
    const pages = await Promise.all(order.map(async (id) => ({ id, after: await read("after", id), before: await read("before", id) })));
    expect(pages).toEqual(
      order.map((id, i) => ({ id, after: order.slice(i + 1, i + 1 + CONTRIBUTIONS_PER_PAGE), before: order.slice(Math.max(0, i - CONTRIBUTIONS_PER_PAGE), i) })),
    );
  });

  it("a deep page read through its cursor sends no OFFSET; a bare page number still does", async () => {
    const dialogue = await dialogueWithTies();
    const first = await listContributions({ dialogueId: dialogue.id, page: 1, locale: "de", filters: { sort: "needs" } });
    statements.log.length = 0;
    // The number only names the page; the cursor decides where it starts.
    await listContributions({ dialogueId: dialogue.id, page: 500, locale: "de", filters: { sort: "needs" }, after: first.cursors.last ?? undefined });
    const [keyset] = statements.log.filter((sql) => sql.includes('"Contribution"'));
    expect(keyset).toBeDefined();
    expect(keyset).not.toMatch(/OFFSET/i);
    expect(keyset).toMatch(/\(c\."createdAt", c\."id"\) < \(\$\d+::timestamp, \$\d+::uuid\)/);

    statements.log.length = 0;
    await listContributions({ dialogueId: dialogue.id, page: 2, locale: "de", filters: { sort: "needs" } });
    expect(statements.log.filter((sql) => sql.includes('"Contribution"')).join("\n")).toMatch(/OFFSET/);
  });

  it("the dialogue page's loader takes the cursor from the address and keeps it in the list's own query", async () => {
    const dialogue = await dialogueWithTies();
    const expected = await byNumber(dialogue.id, "newest");
    const first = await listContributions({ dialogueId: dialogue.id, page: 1, locale: "de", filters: { sort: "newest" } });
    const after = first.cursors.last!;
    const municipality = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });
    const input = { locale: "de", municipality: municipality.slug, dialogue: dialogue.slug };
    statements.log.length = 0;
    const data = await loadDialoguePage(null, input, { sort: "newest", page: "2", after });
    expect(data?.contributions.items.map((item) => item.id)).toEqual(expected[1]);
    expect(data?.listQuery).toMatchObject({ sort: "newest", page: "2", after });
    // The list's own statements (other parts of the page, e.g. the district list, are not paged).
    const listStatements = statements.log.filter((sql) => sql.includes('"Contribution"'));
    expect(listStatements.length).toBeGreaterThan(0);
    expect(listStatements.join("\n")).not.toMatch(/OFFSET/);
  });

  // The forged cursors read one dialogue; building it once keeps the file fast.
  let tied: Promise<{ dialogue: Awaited<ReturnType<typeof dialogueWithTies>>; expected: Awaited<ReturnType<typeof byNumber>> }> | undefined;
  const tiedDialogue = () =>
    (tied ??= (async () => {
      const dialogue = await dialogueWithTies();
      return { dialogue, expected: await byNumber(dialogue.id, "needs") };
    })());

  it.each([
    ["not base64", "not-base64!"],
    ["a date that does not exist", Buffer.from(JSON.stringify(["NEED", "LOCAL_ACTOR", "2026-02-30T09:00:00", 0, "00000000-0000-4000-8000-000000000000"])).toString("base64url")],
    ["SQL for a kind", Buffer.from(JSON.stringify(["NEED'; DROP TABLE x", "LOCAL_ACTOR", "2026-01-01T09:00:00", 0, "00000000-0000-4000-8000-000000000000"])).toString("base64url")],
    ["an object", Buffer.from("{}").toString("base64url")],
  ])("a forged or broken cursor (%s) is ignored: the page is read by its number", async (_, after) => {
    const { dialogue, expected } = await tiedDialogue();
    expect(decodeCursor(after)).toBeNull();
    expect(cursorQuery({ after }, 2)).toEqual({});
    const list = await listContributions({ dialogueId: dialogue.id, page: 2, locale: "de", filters: { sort: "needs" }, after });
    expect(list.items.map((item) => item.id)).toEqual(expected[1]);
  });

  it("on page 1 a cursor means nothing", async () => {
    const { dialogue } = await tiedDialogue();
    const first = await listContributions({ dialogueId: dialogue.id, page: 1, locale: "de", filters: { sort: "needs" } });
    expect(cursorQuery({ after: first.cursors.last }, 1)).toEqual({});
  });
});
