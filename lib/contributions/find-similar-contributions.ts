import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ContributionKind, ContributionStatus } from "@/lib/generated/prisma/enums";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { publishedDialogue, visibleContribution } from "@/lib/policy/visibility";
import { parseInput } from "@/lib/validation";
import { BODY_MAX, TITLE_MAX } from "./limits";

/** At most this many are shown: enough to find one's own need, few enough to read on a phone. */
export const SIMILAR_LIMIT = 3;
/**
 * How alike a text must be (pg_trgm's 0–1 scores, decision 051): tried on German, Arabic and
 * Cyrillic examples, where "Deutschkurs am Abend" finds "Deutschkurse abends" (0.67) and
 * "Kein Internet im Heim" finds "Internet im Wohnheim" (0.69) but not "WLAN in der Unterkunft".
 */
export const SIMILAR_THRESHOLD = 0.45;
/** Shorter titles match nearly everything by a trigram or two: nothing is looked up. */
export const SIMILAR_MIN_LENGTH = 4;

export const findSimilarInput = z.object({
  dialogueId: z.uuid(),
  title: z.string().trim().max(TITLE_MAX),
  body: z.string().trim().max(BODY_MAX).default(""),
});

export type SimilarContribution = {
  id: string;
  kind: ContributionKind;
  status: ContributionStatus;
  /** The title that matched: the original, or a translation's when that was closer. */
  title: string;
  /** The language of `title` (decision 028). */
  titleLanguage: string;
  /** Whether `title` is a translation (the page names it as one). */
  translated: boolean;
  /** Online supports plus those counted at meetings. */
  supports: number;
  /** Whether the asker wrote it (offered to read, never to support). */
  own: boolean;
};

/**
 * Up to three contributions of the dialogue that look like what someone is writing: trigram
 * similarity of the title with each one's title, and of each text's words with the other's, in
 * the original and in every translation (so a German query finds an Arabic need through its
 * German translation). Only what every reader sees (lib/policy/visibility.ts): never a hidden,
 * withdrawn or merged one, never one in a dialogue that is not published, never a voice message
 * still waiting for its words. Asked by whoever may post here (the post form) or merge (the host
 * team's merge page, which leaves the merged one itself out with `excludeId`).
 */
export async function findSimilarContributions(
  viewer: Viewer | null,
  input: z.input<typeof findSimilarInput>,
  options: { permission?: "contribution:create" | "contribution:merge"; excludeId?: string; limit?: number } = {},
): Promise<SimilarContribution[]> {
  const { dialogueId, title, body } = parseInput(findSimilarInput, input);
  authorize(viewer, options.permission ?? "contribution:create", await dialogueResource(dialogueId));
  if ([...title].length < SIMILAR_MIN_LENGTH) return [];
  return similarTo(dialogueId, title, body, viewer.id, options.excludeId ?? null, options.limit ?? SIMILAR_LIMIT);
}

/**
 * The lower bound the trigram operators (`%`, `<%`) take candidates at: a hair below the
 * threshold, so a score that rounds to it in float4 is never lost; the exact score decides.
 */
const CANDIDATE_THRESHOLD = SIMILAR_THRESHOLD - 0.001;

/**
 * The query (decision 087): the candidates by the first two scores come from the pg_trgm GIN
 * indexes of migration similar_trigram_indexes (`%` on the title, `<%` on title and text), in the
 * original and in every translation; the third score has the stored title on the side no trigram
 * index can search for, so it is a pass over the dialogue's titles (`<%` evaluated per row). Each
 * candidate then gets the exact score of decision 051, and only that score and the threshold
 * decide: the same contributions, in the same order, as scoring every text of the dialogue
 * (tests/contributions/similar-contributions-same.test.ts). The operators read their thresholds
 * from settings, set for this transaction only.
 */
async function similarTo(dialogueId: string, title: string, body: string, viewerId: string, excludeId: string | null, limit: number) {
  const text = `${title} ${body}`.slice(0, 1000);
  // What may be found, in each arm: the dialogue's visible contributions, none waiting for its words.
  const findable = Prisma.sql`c."dialogueId" = ${dialogueId}::uuid AND ${visibleContribution.sql("c")}
         AND c."awaitingTranscript" = false AND c."id" IS DISTINCT FROM ${excludeId}::uuid`;
  const [, rows] = await db.$transaction([
    // The operators' thresholds; and pg_trgm declares its functions as cheap as comparing two
    // integers (cost 1), so the planner would rather run them over all of a dialogue's thousands
    // of texts than read a trigram index (its functions belong to the superuser: their cost is
    // not ours to raise). For this statement only, an operator costs a hundred times the default
    // and no table is read sequentially (tests/contributions/similar-plan.test.ts).
    db.$queryRaw`SELECT set_config('pg_trgm.similarity_threshold', ${String(CANDIDATE_THRESHOLD)}, true),
      set_config('pg_trgm.word_similarity_threshold', ${String(CANDIDATE_THRESHOLD)}, true),
      set_config('enable_seqscan', 'off', true), set_config('cpu_operator_cost', '0.25', true)`,
    db.$queryRaw<(Omit<SimilarContribution, "own" | "supports"> & { authorId: string | null; supports: bigint })[]>`
    WITH translations AS MATERIALIZED (
      -- The dialogue's translations first, then the third score over them (not over every
      -- translation of every dialogue, which the planner would do to save a join).
      SELECT c."id", t."title", t."body", t."language"
        FROM "Translation" t JOIN "Contribution" c ON c."id" = t."contributionId"
       WHERE t."title" <> '' AND ${findable}
    ),
    texts AS (
      SELECT c."id", c."title", c."body", c."language", false AS "translated"
        FROM "Contribution" c
       WHERE ${findable}
         AND (c."title" % ${title}::text OR ${title}::text <% (c."title" || ' ' || c."body"))
      UNION ALL
      SELECT c."id", t."title", t."body", t."language", true
        FROM "Translation" t JOIN "Contribution" c ON c."id" = t."contributionId"
       WHERE t."contributionId" IS NOT NULL AND t."title" <> '' AND ${findable}
         AND (t."title" % ${title}::text OR ${title}::text <% (t."title" || ' ' || t."body"))
      UNION ALL
      SELECT c."id", c."title", c."body", c."language", false
        FROM "Contribution" c
       WHERE ${findable}
         AND length(c."title") >= ${SIMILAR_MIN_LENGTH} AND c."title" <% ${text}::text
      UNION ALL
      SELECT t."id", t."title", t."body", t."language", true
        FROM translations t
       WHERE length(t."title") >= ${SIMILAR_MIN_LENGTH} AND t."title" <% ${text}::text
    ),
    scored AS (
      SELECT DISTINCT ON (x."id") x."id", x."title", x."language", x."translated",
        GREATEST(
          similarity(x."title", ${title}::text),
          word_similarity(${title}::text, x."title" || ' ' || x."body"),
          CASE WHEN length(x."title") >= ${SIMILAR_MIN_LENGTH} THEN word_similarity(x."title", ${text}::text) ELSE 0 END
        ) AS "score"
        FROM texts x
       ORDER BY x."id", "score" DESC, x."translated", x."language"
    )
    SELECT s."id", c."kind", c."status", s."title", s."language" AS "titleLanguage", s."translated", c."authorId",
      (SELECT count(*) FROM "Support" su WHERE su."contributionId" = c."id")
        + (SELECT coalesce(sum(m."count"), 0) FROM "MeetingSupport" m WHERE m."contributionId" = c."id") AS "supports"
      FROM scored s JOIN "Contribution" c ON c."id" = s."id"
      JOIN "Dialogue" d ON d."id" = c."dialogueId" AND ${publishedDialogue.sql("d")}
     WHERE s."score" >= ${SIMILAR_THRESHOLD}
     ORDER BY s."score" DESC, c."createdAt", c."id"
     LIMIT ${limit}`,
    // As the plain query before it: wait for a connection as long as the pool makes anyone wait,
    // not Prisma's 2 s for a transaction, and give the statement its time.
  ], { maxWait: 10_000, timeout: 30_000 });
  return rows.map(({ authorId, supports, ...row }) => ({ ...row, supports: Number(supports), own: authorId === viewerId }));
}

/** Where a visible contribution lives (its dialogue's and municipality's slugs), for the way to it. */
export async function contributionAddress(contributionId: string) {
  const contribution = await db.contribution.findFirst({
    where: { id: contributionId, ...visibleContribution.where, dialogue: publishedDialogue.where },
    select: { id: true, dialogue: { select: { slug: true, municipality: { select: { slug: true } } } } },
  });
  return contribution;
}
