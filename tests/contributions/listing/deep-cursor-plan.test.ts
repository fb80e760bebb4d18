// Deep pages cost what page 1 costs (issue 16, decision 077): the statement of a page reached by
// its keyset cursor, deep in a dialogue of thousands of contributions, reads about a page of
// index entries in every order and both directions — the cursor is a range of the order's index
// (an index condition), not a filter that walks the dialogue from its start. Pinned by the plan
// PostgreSQL executes (EXPLAIN ANALYZE, FORMAT JSON): rows read and rows thrown away, not time.
import { describe, expect, it, vi } from "vitest";

const statements = vi.hoisted(() => ({ log: [] as { query: string; params: string }[] }));
vi.mock("@/lib/db/client", async () => (await import("@/tests/support/statement-log")).reportingClient((query, params) => statements.log.push({ query, params })));

const { db } = await import("@/lib/db/client");
const { listContributions, CONTRIBUTIONS_PER_PAGE } = await import("@/lib/contributions/list-contributions");
const { createUser, firstThemeId } = await import("@/tests/support/factories");
const { openedDialogue } = await import("./seed");
type Sort = "needs" | "newest" | "supported";

// Groups (kind, perspective) of 516–517 needs and 258–259 proposals: their boundaries fall inside pages.
const ROWS = 3100;
const INDEX: Record<Sort, string> = {
  needs: "Contribution_dialogueId_kind_shownPerspective_createdAt_id_idx",
  newest: "Contribution_dialogueId_createdAt_idx",
  supported: "Contribution_dialogueId_supportCount_createdAt_id_idx",
};

/** A dialogue of ROWS contributions in one INSERT … SELECT generate_series: both kinds, every perspective, supports on some. */
async function largeDialogue() {
  const dialogue = await openedDialogue();
  const authors = await Promise.all(
    (["LIVED_EXPERIENCE", "LOCAL_ACTOR", "MUNICIPAL_STAFF", "NOT_STATED"] as const).map((perspective) => createUser({ perspective, showPerspective: true })),
  );
  await db.$executeRaw`
    INSERT INTO "Contribution" ("id", "dialogueId", "themeId", "kind", "title", "body", "language", "authorId", "authorPerspective", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), ${dialogue.id}::uuid, ${firstThemeId(dialogue)}::uuid,
           (CASE WHEN g % 3 = 0 THEN 'PROPOSAL' ELSE 'NEED' END)::"ContributionKind",
           'Beitrag ' || g, 'Text zu Beitrag ' || g, 'de',
           (${authors.map((a) => a.id)}::uuid[])[g % 4 + 1],
           (ARRAY['LIVED_EXPERIENCE', 'LOCAL_ACTOR', 'MUNICIPAL_STAFF', 'NOT_STATED'])[g % 4 + 1]::"Perspective",
           timestamp '2026-01-01' + (g / 2) * interval '1 minute', now()
    FROM generate_series(1, ${ROWS}::int) g`;
  await db.$executeRawUnsafe(`ANALYZE "Contribution"`);
  return dialogue;
}

let seeded: ReturnType<typeof largeDialogue> | undefined;

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; "Index Cond"?: string; Filter?: string; "Actual Rows": number; "Actual Loops": number; "Rows Removed by Filter"?: number; Plans?: PlanNode[] };
const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

describe("a deep page read through its cursor", () => {
  it.each([
    ["needs", "after"],
    ["needs", "before"],
    ["newest", "after"],
    ["newest", "before"],
    ["supported", "after"],
    ["supported", "before"],
  ] as [Sort, "after" | "before"][])("%s, %s the cursor: reads the dialogue once for its count and a page more, the cursor an index condition", async (sort, direction) => {
    const dialogue = await (seeded ??= largeDialogue());
    // Page 104 (rows 2,061–2,080) holds the boundary between the last group of needs (it ends at
    // 2,067) and the first of proposals; it is reached by page 103's next link or page 105's
    // previous link.
    const page = 104;
    const [byNumber, neighbour] = await Promise.all(
      [page, direction === "after" ? page - 1 : page + 1].map((n) => listContributions({ dialogueId: dialogue.id, page: n, locale: "de", filters: { sort } })),
    );
    const cursor = direction === "after" ? neighbour!.cursors.last : neighbour!.cursors.first;
    if (!cursor) throw new Error("no cursor");

    statements.log.length = 0;
    const read = await listContributions({ dialogueId: dialogue.id, page, locale: "de", filters: { sort }, [direction]: cursor });
    expect(read.items.map((item) => item.id)).toEqual(byNumber!.items.map((item) => item.id));
    const list = statements.log.find((statement) => statement.query.includes('"Contribution"'));
    if (!list) throw new Error("no list statement");
    const [row] = await db.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(`EXPLAIN (ANALYZE, FORMAT JSON) ${list.query}`, ...(JSON.parse(list.params) as unknown[]));
    const plan = nodes(row!["QUERY PLAN"][0].Plan);
    const scans = plan.filter((node) => node["Relation Name"] === "Contribution");
    // Every row a scan of the table returned or threw away, over all its loops. The total
    // (count(*) of the dialogue) reads each of its rows once, page 1 as well; a cursor that is a
    // filter walks a few thousand more and throws them away.
    const rowsRead = scans.reduce((sum, node) => sum + (node["Actual Rows"] + (node["Rows Removed by Filter"] ?? 0)) * node["Actual Loops"], 0);
    expect(rowsRead).toBeGreaterThanOrEqual(ROWS);
    expect(rowsRead).toBeLessThanOrEqual(ROWS + 4 * CONTRIBUTIONS_PER_PAGE);
    // The cursor is a condition of the order's index, where the scan starts, not a filter.
    expect(scans.filter((node) => node["Index Name"] === INDEX[sort]).map((node) => node["Index Cond"])).toContainEqual(expect.stringContaining('"createdAt"'));
  });
});
