// The total of a dialogue's list is read from an index alone (issue 16, decision 081): every page,
// page 1 included, counts the dialogue's visible contributions, and with the partial index
// "Contribution_visible_count_idx" (only visible rows, keyed by the dialogue and the columns the
// filters compare) that count is an index-only scan that touches no row of the table — without
// it, a bitmap heap scan over every block holding one of the dialogue's rows. Pinned by the plan
// PostgreSQL executes (EXPLAIN ANALYZE, FORMAT JSON): the count's scans and their heap fetches,
// not time; and by the totals themselves, against Prisma's count of the same rows.
import { describe, expect, it, vi } from "vitest";

const statements = vi.hoisted(() => ({ log: [] as { query: string; params: string }[] }));
vi.mock("@/lib/db/client", async () => (await import("@/tests/support/statement-log")).reportingClient((query, params) => statements.log.push({ query, params })));

const { db } = await import("@/lib/db/client");
const { listContributions } = await import("@/lib/contributions/list-contributions");
const { visibleContribution } = await import("@/lib/policy/visibility");
const { createUser } = await import("@/tests/support/factories");
const { openedDialogue } = await import("./seed");
import type { ContributionFilters } from "@/lib/contributions/contribution-filters";

const ROWS = 2400;
const INDEX = "Contribution_visible_count_idx";

/**
 * A dialogue of ROWS contributions in one INSERT … SELECT: both kinds, both themes, three
 * languages, some hidden, withdrawn or merged (gone: not counted); then VACUUM, as autovacuum
 * does after a bulk insert, so the visibility map says which pages need no look at the table.
 */
async function largeDialogue() {
  const dialogue = await openedDialogue();
  const author = await createUser({ perspective: "LOCAL_ACTOR", showPerspective: true });
  const themeIds = dialogue.themes.map((theme) => theme.themeId);
  await db.$executeRaw`
    INSERT INTO "Contribution" ("id", "dialogueId", "themeId", "kind", "title", "body", "language", "authorId", "authorPerspective",
                                "hiddenAt", "hiddenCategory", "withdrawnAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), ${dialogue.id}::uuid, (${themeIds}::uuid[])[g % 2 + 1],
           (CASE WHEN g % 3 = 0 THEN 'PROPOSAL' ELSE 'NEED' END)::"ContributionKind",
           'Beitrag ' || g, 'Text zu Beitrag ' || g, (ARRAY['de', 'ar', 'uk'])[g % 5 % 3 + 1],
           ${author.id}::uuid, 'LOCAL_ACTOR'::"Perspective",
           CASE WHEN g % 7 = 0 THEN now() END, CASE WHEN g % 7 = 0 THEN 'SPAM'::"ModerationCategory" END,
           CASE WHEN g % 11 = 0 THEN now() END,
           timestamp '2026-01-01' + g * interval '1 minute', now()
    FROM generate_series(1, ${ROWS}::int) g`;
  // Merged into another of the dialogue: gone like a withdrawn one.
  await db.$executeRaw`
    UPDATE "Contribution" SET "mergedAt" = now(), "mergedIntoId" = (
      SELECT "id" FROM "Contribution" WHERE "dialogueId" = ${dialogue.id}::uuid AND "title" = 'Beitrag 1')
    WHERE "dialogueId" = ${dialogue.id}::uuid AND "title" IN ('Beitrag 2', 'Beitrag 4', 'Beitrag 8')`;
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) "Contribution"`);
  return { dialogue, themeIds };
}

let seeded: ReturnType<typeof largeDialogue> | undefined;

type PlanNode = {
  "Node Type": string;
  "Subplan Name"?: string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Heap Fetches"?: number;
  "Actual Rows": number;
  Plans?: PlanNode[];
};
const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

type Filters = Partial<Omit<ContributionFilters, "sort">>;
const cases: [string, (themeIds: string[]) => Filters][] = [
  ["no filter", () => ({})],
  ["kind", () => ({ kind: "PROPOSAL" })],
  ["status", () => ({ status: "OPEN" })],
  ["theme", (themeIds) => ({ themeId: themeIds[1] })],
  ["language", () => ({ language: "ar" })],
  ["kind, theme and language", (themeIds) => ({ kind: "NEED", themeId: themeIds[0], language: "uk" })],
];

describe("the total of a dialogue's list", () => {
  it.each(cases)("%s: counts the visible rows that match, from the index alone", async (_name, filtersFor) => {
    const { dialogue, themeIds } = await (seeded ??= largeDialogue());
    const filters = filtersFor(themeIds);

    statements.log.length = 0;
    const read = await listContributions({ dialogueId: dialogue.id, page: 1, locale: "de", filters: { sort: "needs", ...filters } });
    const { kind, status, themeId, language } = filters;
    const expected = await db.contribution.count({ where: { dialogueId: dialogue.id, ...visibleContribution.where, kind, status, themeId, language } });
    expect(expected).toBeGreaterThan(100);
    expect(read.total).toBe(expected);

    const list = statements.log.find((statement) => statement.query.includes('"Contribution"'));
    if (!list) throw new Error("no list statement");
    const [row] = await db.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(`EXPLAIN (ANALYZE, FORMAT JSON) ${list.query}`, ...(JSON.parse(list.params) as unknown[]));
    // The total is the statement's first subquery (an InitPlan): its scans of the table.
    const count = row!["QUERY PLAN"][0].Plan.Plans?.find((plan) => plan["Subplan Name"]?.startsWith("InitPlan"));
    if (!count) throw new Error("no count in the plan");
    const scans = nodes(count).filter((node) => node["Relation Name"] === "Contribution");
    expect(scans.map((node) => [node["Node Type"], node["Index Name"]])).toEqual([["Index Only Scan", INDEX]]);
    // Every entry it returned, and not one looked up in the table (all pages are all-visible).
    expect(scans[0]!["Actual Rows"]).toBe(expected);
    expect(scans[0]!["Heap Fetches"]).toBe(0);
  });
});
