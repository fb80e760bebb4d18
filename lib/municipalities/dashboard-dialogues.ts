import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { countDialoguesByPhase, readDialoguePage, type DialogueKey } from "@/lib/dialogues/dialogue-pages";
import { publishedDialogue, visibleContribution } from "@/lib/policy/visibility";

type Row = DialogueKey & { slug: string; title: string; languages: string[] };

/**
 * One page of a municipality's dialogues for its staff dashboard, drafts too, in the order of every
 * page of dialogues (lib/dialogues/dialogue-pages: phase, newest first), each with its visible contributions and unanswered needs; and how many dialogues each
 * phase holds in all (the headings' counts, and the number of pages). Three statements whatever the
 * page: the page's rows, the counts by phase, the page's tallies.
 */
export async function listDashboardDialogues(municipalityId: string, { page = 1, after, before }: { page?: number; after?: string; before?: string }) {
  const town = Prisma.sql`d."municipalityId" = ${municipalityId}::uuid`;
  const [{ rows, cursors }, { inPhase, pageCount }] = await Promise.all([
    readDialoguePage<Row>({ where: town, columns: Prisma.sql`d."slug", d."title", d."languages"`, page, after, before }),
    countDialoguesByPhase(town),
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
  return {
    dialogues: rows.map(({ languages, createdAt: _createdAt, ...dialogue }) => ({
      ...dialogue,
      language: languages[0] ?? "de",
      contributions: tallyOf.get(dialogue.id)?.contributions ?? 0,
      unansweredNeeds: tallyOf.get(dialogue.id)?.unanswered ?? 0,
    })),
    inPhase,
    page,
    pageCount,
    cursors,
  };
}
