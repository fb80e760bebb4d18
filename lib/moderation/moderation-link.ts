import "server-only";
import { db } from "@/lib/db/client";
import type { Viewer } from "@/lib/policy/policy";
import { publishedDialogue } from "@/lib/policy/visibility";
import { dialoguePaths, municipalityPaths } from "@/lib/routes/paths";

/**
 * The header's "Moderation (n)" link: n is the open reports this viewer can act on — in the
 * dialogues they moderate and, for a municipality's moderators, in all its published dialogues
 * (decision 030), not counting reports on their own items (others decide them). It leads to the municipality-wide queue for a municipal moderator, else to the
 * queue of the first dialogue they moderate. No query at all for someone who moderates nothing.
 */
export async function moderationLink(viewer: Viewer | null): Promise<{ count: number; path: string } | null> {
  if (!viewer || viewer.suspended) return null;
  const municipalityIds = Object.entries(viewer.municipalityRoles)
    .filter(([, roles]) => roles.includes("MODERATOR"))
    .map(([id]) => id);
  const dialogueIds = Object.entries(viewer.dialogueRoles)
    .filter(([, role]) => role === "MODERATOR")
    .map(([id]) => id);
  if (municipalityIds.length === 0 && dialogueIds.length === 0) return null;
  const [counted, place] = await Promise.all([
    db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS "count"
      FROM "Report" r
      LEFT JOIN "Comment" cm ON cm."id" = r."commentId"
      JOIN "Contribution" c ON c."id" = COALESCE(r."contributionId", cm."contributionId")
      JOIN "Dialogue" d ON d."id" = c."dialogueId"
      WHERE r."status" = 'OPEN' AND ${publishedDialogue.sql("d")}
        AND (d."municipalityId" = ANY(${municipalityIds}::uuid[]) OR d."id" = ANY(${dialogueIds}::uuid[]))
        AND (CASE WHEN r."commentId" IS NULL THEN c."authorId" ELSE cm."authorId" END) IS DISTINCT FROM ${viewer.id}::uuid`,
    municipalityIds.length > 0
      ? db.municipality.findFirst({ where: { id: { in: municipalityIds } }, orderBy: { slug: "asc" }, select: { slug: true } }).then((m) => (m ? municipalityPaths(m.slug).moderation : null))
      : db.dialogue
          .findFirst({ where: { id: { in: dialogueIds }, ...publishedDialogue.where }, orderBy: { createdAt: "asc" }, select: { slug: true, municipality: { select: { slug: true } } } })
          .then((d) => (d ? dialoguePaths(d).moderation : null)),
  ]);
  if (!place) return null;
  return { count: Number(counted[0]?.count ?? 0), path: place };
}
