import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { listModerationQueue } from "./list-moderation-queue";
import { publishedDialogue } from "@/lib/policy/visibility";

const inputSchema = z.object({ municipalityId: z.uuid() });

/**
 * One queue across the municipality for its moderators (decision 030): every published dialogue
 * with open reports, the one whose oldest report waits longest first, each with its queue as the
 * dialogue's moderation page shows it (so the same forms hide or dismiss from here). Reports on
 * the viewer's own items count for nothing here: others decide them.
 */
export async function listMunicipalQueue(viewer: Viewer | null, input: { municipalityId: string }) {
  const { municipalityId } = parseInput(inputSchema, input);
  authorize(viewer, "moderation-queue:read:municipality", { municipalityId });
  const waiting = await db.$queryRaw<{ dialogueId: string }[]>`
    SELECT d."id" AS "dialogueId"
    FROM "Report" r
    LEFT JOIN "Comment" cm ON cm."id" = r."commentId"
    JOIN "Contribution" c ON c."id" = COALESCE(r."contributionId", cm."contributionId")
    JOIN "Dialogue" d ON d."id" = c."dialogueId"
    WHERE r."status" = 'OPEN' AND ${publishedDialogue.sql("d")} AND d."municipalityId" = ${municipalityId}::uuid
      -- Not the viewer's own items: others decide them (decision 030).
      AND (CASE WHEN r."commentId" IS NULL THEN c."authorId" ELSE cm."authorId" END) IS DISTINCT FROM ${viewer.id}::uuid
    GROUP BY d."id"
    ORDER BY min(r."createdAt"), d."id"`;
  const dialogues = await db.dialogue.findMany({
    where: { id: { in: waiting.map((row) => row.dialogueId) } },
    select: { id: true, slug: true, title: true, languages: true, phase: true, municipality: { select: { slug: true } } },
  });
  const byId = new Map(dialogues.map((dialogue) => [dialogue.id, dialogue]));
  return Promise.all(
    waiting.map(async ({ dialogueId }) => ({
      dialogue: byId.get(dialogueId)!,
      queue: await listModerationQueue(viewer, { dialogueId }),
    })),
  );
}
