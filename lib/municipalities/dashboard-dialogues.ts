import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DialoguePhase } from "@/lib/generated/prisma/enums";
import { publishedDialogue, visibleContribution } from "@/lib/policy/visibility";

/** The dashboard's order of phases: drafts first, then as a dialogue moves on (the enum's own order). */
export const DASHBOARD_PHASES = ["DRAFT", "COLLECTING", "DELIBERATING", "RESPONDING", "CLOSED"] as const satisfies readonly DialoguePhase[];
export const DASHBOARD_DIALOGUES_PER_PAGE = 20;

/**
 * Where a page of the dashboard's dialogues starts or ends: the phase, creation time and id of its
 * boundary row (the order is phase, then newest first). A link to the next page carries the last
 * row's, one to the previous page the first row's; opaque in the address (base64url JSON).
 */
const cursorSchema = z.tuple([
  z.enum(DASHBOARD_PHASES),
  // The instant exactly as the cursor wrote it (no 30 February: Postgres would refuse it with an error).
  z.string().refine((value) => {
    const date = new Date(value);
    return !Number.isNaN(date.getTime()) && date.toISOString() === value;
  }),
  z.uuid(),
]);
type Cursor = z.infer<typeof cursorSchema>;

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** The cursor of an `?after=`/`?before=` parameter, or null for anything else (the page is then read by number). */
export function decodeDashboardCursor(value: unknown): Cursor | null {
  if (typeof value !== "string" || value.length > 200 || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

type Row = { id: string; slug: string; title: string; phase: DialoguePhase; languages: string[]; createdAt: Date };

const COLUMNS = Prisma.sql`d."id", d."slug", d."title", d."phase", d."languages", d."createdAt"`;
const ORDER = Prisma.sql`d."phase", d."createdAt" DESC, d."id" DESC`;
const REVERSED = Prisma.sql`d."phase" DESC, d."createdAt", d."id"`;
const LIMIT = DASHBOARD_DIALOGUES_PER_PAGE;

/**
 * The page's rows in the dashboard's order. After (or before) a cursor, two index range scans of
 * "Dialogue_municipalityId_phase_createdAt_id_idx" of at most one page each — the rest of the
 * cursor's phase, and the phases beyond it — so page 500 reads what page 1 reads. A bare page
 * number (a typed address) is read with OFFSET.
 */
function pageRows(municipalityId: string, page: number, after: Cursor | null, before: Cursor | null): Promise<Row[]> {
  const town = Prisma.sql`d."municipalityId" = ${municipalityId}::uuid`;
  if (after || before) {
    const [phase, createdAt, id] = (after ?? before)!;
    const samePhase = Prisma.sql`${town} AND d."phase" = ${phase}::"DialoguePhase"`;
    const [within, beyond, order] = after
      ? [Prisma.sql`(d."createdAt", d."id") < (${createdAt}::timestamp, ${id}::uuid)`, Prisma.sql`d."phase" > ${phase}::"DialoguePhase"`, ORDER]
      : [Prisma.sql`(d."createdAt", d."id") > (${createdAt}::timestamp, ${id}::uuid)`, Prisma.sql`d."phase" < ${phase}::"DialoguePhase"`, REVERSED];
    return db.$queryRaw<Row[]>`
      SELECT * FROM (
        (SELECT ${COLUMNS} FROM "Dialogue" d WHERE ${samePhase} AND ${within} ORDER BY ${order} LIMIT ${LIMIT})
        UNION ALL
        (SELECT ${COLUMNS} FROM "Dialogue" d WHERE ${town} AND ${beyond} ORDER BY ${order} LIMIT ${LIMIT})
      ) d ORDER BY ${order} LIMIT ${LIMIT}`.then((rows) => (after ? rows : rows.reverse()));
  }
  return db.$queryRaw<Row[]>`
    SELECT ${COLUMNS} FROM "Dialogue" d WHERE ${town} ORDER BY ${ORDER} LIMIT ${LIMIT} OFFSET ${(page - 1) * LIMIT}`;
}

/**
 * One page of a municipality's dialogues for its staff dashboard, drafts too, by phase and newest
 * first, each with its visible contributions and unanswered needs; and how many dialogues each
 * phase holds in all (the headings' counts, and the number of pages). Three statements whatever the
 * page: the page's rows, the counts by phase, the page's tallies.
 */
export async function listDashboardDialogues(municipalityId: string, { page = 1, after, before }: { page?: number; after?: string; before?: string }) {
  const afterCursor = page > 1 ? decodeDashboardCursor(after) : null;
  const beforeCursor = page > 1 && !afterCursor ? decodeDashboardCursor(before) : null;
  const [rows, byPhase] = await Promise.all([
    pageRows(municipalityId, page, afterCursor, beforeCursor),
    db.dialogue.groupBy({ by: ["phase"], where: { municipalityId }, _count: { _all: true } }),
  ]);
  const ids = rows.map((row) => row.id);
  const tallies =
    ids.length === 0
      ? []
      : await db.$queryRaw<{ dialogueId: string; contributions: number; unanswered: number }[]>`
          SELECT c."dialogueId",
                 count(*)::int AS "contributions",
                 count(*) FILTER (WHERE c."kind" = 'NEED' AND ${publishedDialogue.sql("d")}
                   AND NOT EXISTS (SELECT 1 FROM "Response" r WHERE r."contributionId" = c."id"))::int AS "unanswered"
          FROM "Contribution" c JOIN "Dialogue" d ON d."id" = c."dialogueId"
          WHERE c."dialogueId" IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))}) AND ${visibleContribution.sql("c")}
          GROUP BY c."dialogueId"`;
  const tallyOf = new Map(tallies.map((tally) => [tally.dialogueId, tally]));
  const inPhase = Object.fromEntries(DASHBOARD_PHASES.map((phase) => [phase, byPhase.find((group) => group.phase === phase)?._count._all ?? 0])) as Record<
    DialoguePhase,
    number
  >;
  const total = Object.values(inPhase).reduce((sum, count) => sum + count, 0);
  const cursorOf = (row: Row | undefined) => (row ? encodeCursor([row.phase, row.createdAt.toISOString(), row.id]) : null);
  return {
    dialogues: rows.map(({ languages, createdAt: _createdAt, ...dialogue }) => ({
      ...dialogue,
      language: languages[0] ?? "de",
      contributions: tallyOf.get(dialogue.id)?.contributions ?? 0,
      unansweredNeeds: tallyOf.get(dialogue.id)?.unanswered ?? 0,
    })),
    inPhase,
    page,
    pageCount: Math.max(1, Math.ceil(total / DASHBOARD_DIALOGUES_PER_PAGE)),
    cursors: { first: cursorOf(rows[0]), last: cursorOf(rows.at(-1)) },
  };
}
