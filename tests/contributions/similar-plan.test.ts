// The similar-contributions search takes its candidates by title and text from the GIN indexes
// of migration similar_trigram_indexes (decision 087) — for originals keyed by the dialogue, for
// translations by trigram alone: the rows those scans return are the few that look alike, not
// the dialogue's thousands. The third score (a stored title inside what is being written) has no
// index, by the way trigram indexes work: its arm is the one pass over the dialogue's titles.
// Pinned by the plan PostgreSQL executes (EXPLAIN ANALYZE, FORMAT JSON) for the statement as
// sent, after the statement that sets its transaction's settings: which indexes are read, and
// how many rows they return — not time. Without the migration, or without those settings (the
// planner takes pg_trgm's functions for free and filters the dialogue's rows instead), it fails.
import { describe, expect, it, vi } from "vitest";

const statements = vi.hoisted(() => ({ log: [] as { query: string; params: string }[] }));
vi.mock("@/lib/db/client", async () => (await import("@/tests/support/statement-log")).reportingClient((query, params) => statements.log.push({ query, params })));

const { db } = await import("@/lib/db/client");
const { findSimilarContributions } = await import("@/lib/contributions/find-similar-contributions");
const { createUser } = await import("@/tests/support/factories");
const { dialogueIn, participant } = await import("@/tests/support/participation");

const ROWS = 12000;
/** Titles as people write them, each many times over (with a place and a number), in three scripts. */
const TITLES = [
  "Deutschkurs am Abend für Berufstätige",
  "Kinderbetreuung während der Sprachkurse",
  "WLAN in der Gemeinschaftsunterkunft",
  "Hilfe bei der Wohnungssuche",
  "Sichere Radwege zur Berufsschule",
  "Sporttreff für Jugendliche am Wochenende",
  "Anerkennung von Berufsabschlüssen",
  "Mehrsprachige Sprechstunde im Rathaus",
  "مساعدة في البحث عن سكن",
  "رعاية الأطفال أثناء دورات اللغة",
  "Спільний город біля гуртожитку",
  "Курси німецької мови ввечері",
];

/**
 * A dialogue of ROWS contributions in one INSERT … SELECT, half of them with an English translation,
 * some hidden, withdrawn or waiting for their words; then VACUUM (ANALYZE), as autovacuum does
 * after a bulk insert, so the planner knows the tables.
 */
async function largeDialogue() {
  const dialogue = await dialogueIn("COLLECTING");
  const author = await createUser({ perspective: "LIVED_EXPERIENCE" });
  const themeId = dialogue.themes[0]!.themeId;
  await db.$executeRaw`
    INSERT INTO "Contribution" ("id", "dialogueId", "themeId", "kind", "title", "body", "language", "authorId", "authorPerspective",
                                "hiddenAt", "hiddenCategory", "withdrawnAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), ${dialogue.id}::uuid, ${themeId}::uuid, 'NEED'::"ContributionKind",
           (${TITLES}::text[])[g % ${TITLES.length}::int + 1] || ' (' || (ARRAY['Altstadt', 'Hafen', 'Südstadt', 'Nordviertel'])[g % 4 + 1] || ' ' || g % 100 || ')',
           'Die Wartezeit beträgt zurzeit mehr als sechs Monate. Ohne Dolmetscherin verstehe ich nicht, was die Ärztin sagt. ' || g,
           (ARRAY['de', 'de', 'ar', 'uk'])[g % 4 + 1], ${author.id}::uuid, 'LIVED_EXPERIENCE'::"Perspective",
           CASE WHEN g % 7 = 0 THEN now() END, CASE WHEN g % 7 = 0 THEN 'SPAM'::"ModerationCategory" END,
           CASE WHEN g % 11 = 0 THEN now() END,
           timestamp '2026-01-01' + g * interval '1 minute', now()
    FROM generate_series(1, ${ROWS}::int) g`;
  await db.$executeRaw`
    INSERT INTO "Translation" ("id", "contributionId", "language", "title", "body", "method", "updatedAt")
    SELECT gen_random_uuid(), c."id", 'en', 'Translated: ' || c."title", 'Translated: ' || c."body", 'MACHINE', now()
      FROM "Contribution" c WHERE c."dialogueId" = ${dialogue.id}::uuid AND c."createdAt" < timestamp '2026-01-01' + ${ROWS / 2}::int * interval '1 minute'`;
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) "Contribution"`);
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) "Translation"`);
  return { dialogue, writer: await participant(dialogue.id) };
}

let seeded: ReturnType<typeof largeDialogue> | undefined;

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  Plans?: PlanNode[];
};
const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

/** The plan of the search's statement, run again with its parameters after its set_config. */
async function planOfSearch(): Promise<PlanNode> {
  const setting = statements.log.find((statement) => statement.query.includes("set_config('pg_trgm."));
  const search = statements.log.find((statement) => statement.query.includes("texts AS ("));
  if (!setting || !search) throw new Error("no search statement");
  return db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(setting.query, ...(JSON.parse(setting.params) as unknown[]));
    const [row] = await tx.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(`EXPLAIN (ANALYZE, FORMAT JSON) ${search.query}`, ...(JSON.parse(search.params) as unknown[]));
    return row!["QUERY PLAN"][0].Plan;
  });
}

const cases: [string, string, string][] = [
  ["German", "Deutschkurs am Abend", "Ich kann nur abends lernen."],
  ["Arabic", "مساعدة في البحث عن سكن", ""],
  ["Cyrillic", "Курси німецької мови", ""],
  ["a translation's words", "Translated: Sporttreff am Wochenende", ""],
];

describe("the similar-contributions search of a large dialogue", () => {
  it.each(cases)("%s: takes its candidates by title and text from the trigram indexes", async (_language, title, body) => {
    const { dialogue, writer } = await (seeded ??= largeDialogue());
    statements.log.length = 0;
    const similar = await findSimilarContributions(writer, { dialogueId: dialogue.id, title, body });
    expect(similar).toHaveLength(3);

    const plan = await planOfSearch();
    const scans = nodes(plan).filter((node) => node["Index Name"]?.endsWith("_similar_title_idx") || node["Index Name"]?.endsWith("_similar_text_idx"));
    expect(new Set(scans.map((node) => `${node["Node Type"]} ${node["Index Name"]}`))).toEqual(
      new Set([
        "Bitmap Index Scan Contribution_similar_title_idx",
        "Bitmap Index Scan Contribution_similar_text_idx",
        "Bitmap Index Scan Translation_similar_title_idx",
        "Bitmap Index Scan Translation_similar_text_idx",
      ]),
    );
    // Each index gives the candidates that look alike (in this dialogue and others), not every
    // row of the table, as a scan of the dialogue's texts did. The third score's pass over the
    // dialogue's titles may read the dialogue through an index too (PostgreSQL 18 takes the title
    // index, keyed by dialogue; 15 another): that scan is the pass, not a candidate search.
    const fewest = new Map<string, number>();
    for (const scan of scans) fewest.set(scan["Index Name"]!, Math.min(fewest.get(scan["Index Name"]!) ?? Infinity, scan["Actual Rows"] * scan["Actual Loops"]));
    for (const [index, rows] of fewest) expect(rows, index).toBeLessThan(ROWS / 3);
  });
});
