import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { keysetCursor } from "@/lib/http/keyset-cursor";
import type { DialoguePhase } from "@/lib/generated/prisma/enums";

// Pages of a municipality's dialogues (issue 16, decisions 064 and 070): the staff dashboard and
// the municipality's own page list them twenty a page in one order — phase (drafts first, then as
// a dialogue moves on), newest first, then id — and their previous/next links carry a keyset
// cursor, so page 500 is read from the index like page 1.

/** The lists' order of phases: drafts first, then as a dialogue moves on (the enum's own order). */
export const PHASE_ORDER = ["DRAFT", "COLLECTING", "DELIBERATING", "RESPONDING", "CLOSED"] as const satisfies readonly DialoguePhase[];
export const DIALOGUES_PER_PAGE = 20;

/**
 * Where a page of dialogues starts or ends: the phase, creation time and id of its boundary row.
 * A link to the next page carries the last row's, one to the previous page the first row's;
 * opaque in the address (base64url JSON).
 */
const cursorSchema = z.tuple([
  z.enum(PHASE_ORDER),
  // The instant exactly as the cursor wrote it (no 30 February: Postgres would refuse it with an error).
  z.string().refine((value) => {
    const date = new Date(value);
    return !Number.isNaN(date.getTime()) && date.toISOString() === value;
  }),
  z.uuid(),
]);
const cursorCodec = keysetCursor(cursorSchema, 200);
const encodeCursor = cursorCodec.encode;

/** The cursor of an `?after=`/`?before=` parameter, or null for anything else (the page is then read by number). */
export const decodeDialogueCursor = cursorCodec.decode;

/** The columns every page reads: its order's keys. */
export type DialogueKey = { id: string; phase: DialoguePhase; createdAt: Date };

const KEY = Prisma.sql`d."id", d."phase", d."createdAt"`;
const ORDER = Prisma.sql`d."phase", d."createdAt" DESC, d."id" DESC`;
const REVERSED = Prisma.sql`d."phase" DESC, d."createdAt", d."id"`;
const LIMIT = DIALOGUES_PER_PAGE;

/**
 * One page of the dialogues `where` admits (a condition on "Dialogue" d that names its
 * municipality), with `columns` besides the key, and the cursors of its first and last rows.
 * After (or before) a cursor: two index range scans of
 * "Dialogue_municipalityId_phase_createdAt_id_idx" of at most one page each — the rest of the
 * cursor's phase, and the phases beyond it — in one statement, so page 500 reads what page 1
 * reads. Without a valid cursor (a typed address, a forged one) the page is read by its number,
 * with OFFSET.
 */
export async function readDialoguePage<R extends DialogueKey>({
  where,
  columns,
  page,
  after,
  before,
}: {
  where: Prisma.Sql;
  columns: Prisma.Sql;
  page: number;
  after?: string;
  before?: string;
}): Promise<{ rows: R[]; cursors: { first: string | null; last: string | null } }> {
  const afterCursor = page > 1 ? decodeDialogueCursor(after) : null;
  const beforeCursor = page > 1 && !afterCursor ? decodeDialogueCursor(before) : null;
  const select = Prisma.sql`${KEY}, ${columns}`;
  let rows: R[];
  if (afterCursor || beforeCursor) {
    const [phase, createdAt, id] = (afterCursor ?? beforeCursor)!;
    const [within, beyond, order] = afterCursor
      ? [Prisma.sql`(d."createdAt", d."id") < (${createdAt}::timestamp, ${id}::uuid)`, Prisma.sql`d."phase" > ${phase}::"DialoguePhase"`, ORDER]
      : [Prisma.sql`(d."createdAt", d."id") > (${createdAt}::timestamp, ${id}::uuid)`, Prisma.sql`d."phase" < ${phase}::"DialoguePhase"`, REVERSED];
    rows = await db.$queryRaw<R[]>`
      SELECT * FROM (
        (SELECT ${select} FROM "Dialogue" d WHERE ${where} AND d."phase" = ${phase}::"DialoguePhase" AND ${within} ORDER BY ${order} LIMIT ${LIMIT})
        UNION ALL
        (SELECT ${select} FROM "Dialogue" d WHERE ${where} AND ${beyond} ORDER BY ${order} LIMIT ${LIMIT})
      ) d ORDER BY ${order} LIMIT ${LIMIT}`;
    if (beforeCursor) rows.reverse();
  } else {
    rows = await db.$queryRaw<R[]>`
      SELECT ${select} FROM "Dialogue" d WHERE ${where} ORDER BY ${ORDER} LIMIT ${LIMIT} OFFSET ${(page - 1) * LIMIT}`;
  }
  const cursorOf = (row: R | undefined) => (row ? encodeCursor([row.phase, row.createdAt.toISOString(), row.id]) : null);
  return { rows, cursors: { first: cursorOf(rows[0]), last: cursorOf(rows.at(-1)) } };
}

/** How many dialogues `where` admits in each phase (one statement), and how many pages they fill. */
export async function countDialoguesByPhase(where: Prisma.Sql): Promise<{ inPhase: Record<DialoguePhase, number>; pageCount: number }> {
  const groups = await db.$queryRaw<{ phase: DialoguePhase; count: number }[]>`
    SELECT d."phase", count(*)::int AS "count" FROM "Dialogue" d WHERE ${where} GROUP BY d."phase"`;
  const inPhase = Object.fromEntries(PHASE_ORDER.map((phase) => [phase, groups.find((group) => group.phase === phase)?.count ?? 0])) as Record<DialoguePhase, number>;
  const total = Object.values(inPhase).reduce((sum, count) => sum + count, 0);
  return { inPhase, pageCount: Math.max(1, Math.ceil(total / DIALOGUES_PER_PAGE)) };
}
