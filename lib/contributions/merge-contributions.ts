import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { languageTagSchema } from "@/lib/i18n/language-tag";
import { insertNotifications } from "@/lib/notifications/insert-notifications";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { contributionResource } from "@/lib/policy/resources";
import { visibleContribution } from "@/lib/policy/visibility";
import { parseInput } from "@/lib/validation";
import { findSimilarContributions } from "./find-similar-contributions";

export const MERGE_REASON_MAX = 2000;

export const mergeContributionsInput = z.object({
  /** The duplicate: it goes, and its page leads to the kept one. */
  mergedId: z.uuid(),
  keptId: z.uuid({ error: "validation.required" }),
  /** Why they are the same, for the moderation log (both authors read it). */
  reason: z.string().trim().min(1).max(MERGE_REASON_MAX),
  reasonLanguage: languageTagSchema,
});

type Locked = {
  id: string;
  dialogueId: string;
  authorId: string | null;
  hiddenAt: Date | null;
  withdrawnAt: Date | null;
  mergedAt: Date | null;
  answered: boolean;
};

const invalid = (field: string, key: string) => new AppError("INVALID_INPUT", "invalid input", { fieldErrors: { [field]: [{ key }] } });

/**
 * The host team merges a duplicate into another contribution of the dialogue (decision 051), in
 * one transaction that holds both rows (FOR UPDATE, the duplicate first; merges of a dialogue queue):
 * - online supports move; a person who supported both counts once (the unique index decides),
 *   and the kept one's author, who may not support their own (decision 024), is dropped;
 * - meeting supports add up per meeting and perspective (counted hands, which cannot be told
 *   apart: someone who raised a hand for both at one meeting counts twice, as documented);
 * - followers who still follow move along (nobody who unfollowed the kept one is made to follow);
 * - comments move with their replies;
 * - the duplicate stays on record with its author, merged into the kept one, whose page lists
 *   it; what was merged into the duplicate before now points at the kept one;
 * - the moderation log gets a MERGE entry with the reason, and both authors and the duplicate's
 *   followers are told.
 * A duplicate that has an answer is not merged (its answers would vanish from view): merge the
 * other way round. A support sent to the duplicate while this runs waits for it and then counts
 * for the kept one (trigger goes_to_kept_contribution).
 */
export async function mergeContributions(viewer: Viewer | null, input: z.input<typeof mergeContributionsInput>) {
  const data = parseInput(mergeContributionsInput, input);
  const { resource } = await contributionResource(data.mergedId);
  authorize(viewer, "contribution:merge", resource);
  if (data.keptId === data.mergedId) throw invalid("keptId", "validation.invalid");

  return db.$transaction(async (tx) => {
    // Merges of one dialogue queue, and each locks the duplicate before the kept one: the order
    // in which a support, comment or follow sent to a merged contribution walks to the kept one
    // (trigger goes_to_kept_contribution). Locking in id order instead deadlocked a support that
    // arrived on the duplicate between two merges (it held the duplicate and waited for the kept).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`merge:${resource.dialogueId}`}, 0))`;
    const lock = (id: string) => tx.$queryRaw<Locked[]>`
      SELECT c."id", c."dialogueId", c."authorId", c."hiddenAt", c."withdrawnAt", c."mergedAt",
        EXISTS (SELECT 1 FROM "Response" r WHERE r."contributionId" = c."id") AS "answered"
        FROM "Contribution" c WHERE c."id" = ${id}::uuid FOR UPDATE`;
    const rows = [...(await lock(data.mergedId)), ...(await lock(data.keptId))];
    const merged = rows.find((row) => row.id === data.mergedId);
    const kept = rows.find((row) => row.id === data.keptId);
    // Merged or hidden meanwhile (another host was quicker): nothing to merge any more.
    if (!merged || !visibleContribution.holds(merged)) throw new AppError("NOT_FOUND", "contribution not found");
    if (!kept || kept.dialogueId !== merged.dialogueId || !visibleContribution.holds(kept)) throw invalid("keptId", "validation.invalid");
    if (merged.answered) throw invalid("keptId", "merge.answeredDuplicate");

    const [from, to] = [data.mergedId, data.keptId];
    const movedSupports = await tx.$executeRaw`
      INSERT INTO "Support" ("id", "contributionId", "userId", "perspective", "createdAt")
      SELECT gen_random_uuid(), ${to}::uuid, s."userId", s."perspective", s."createdAt" FROM "Support" s
       WHERE s."contributionId" = ${from}::uuid AND s."userId" IS DISTINCT FROM ${kept.authorId}::uuid
      ON CONFLICT ("contributionId", "userId") DO NOTHING`;
    await tx.support.deleteMany({ where: { contributionId: from } });

    await tx.$executeRaw`
      UPDATE "MeetingSupport" k SET "count" = k."count" + d."count"
        FROM "MeetingSupport" d
       WHERE d."contributionId" = ${from}::uuid AND k."contributionId" = ${to}::uuid
         AND k."meetingId" = d."meetingId" AND k."perspective" = d."perspective"`;
    await tx.$executeRaw`
      DELETE FROM "MeetingSupport" d
       WHERE d."contributionId" = ${from}::uuid AND EXISTS (
         SELECT 1 FROM "MeetingSupport" k WHERE k."contributionId" = ${to}::uuid AND k."meetingId" = d."meetingId" AND k."perspective" = d."perspective")`;
    await tx.meetingSupport.updateMany({ where: { contributionId: from }, data: { contributionId: to } });

    await tx.$executeRaw`
      INSERT INTO "Follow" ("id", "userId", "contributionId", "createdAt")
      SELECT gen_random_uuid(), f."userId", ${to}::uuid, f."createdAt" FROM "Follow" f
       WHERE f."contributionId" = ${from}::uuid AND f."unfollowedAt" IS NULL
      ON CONFLICT ("userId", "contributionId") DO NOTHING`;

    // Threads first, then their replies: a reply answers a comment of its own contribution.
    await tx.comment.updateMany({ where: { contributionId: from, parentId: null }, data: { contributionId: to } });
    await tx.comment.updateMany({ where: { contributionId: from }, data: { contributionId: to } });

    await tx.contribution.update({ where: { id: from }, data: { mergedAt: new Date(), mergedIntoId: to } });
    await tx.contribution.updateMany({ where: { mergedIntoId: from }, data: { mergedIntoId: to } });

    await tx.moderationAction.create({
      data: { dialogueId: merged.dialogueId, actorId: viewer.id, type: "MERGE", contributionId: from, reason: data.reason, reasonLanguage: data.reasonLanguage },
    });
    await insertNotifications(
      tx,
      {
        subjectId: to,
        dialogueId: merged.dialogueId,
        contributionId: to,
        to: [
          { type: "CONTRIBUTION_MERGED", audience: { kind: "users", userIds: [merged.authorId, kept.authorId] } },
          { type: "CONTRIBUTION_MERGED", audience: { kind: "contributionFollowers", contributionId: from } },
        ],
      },
      viewer.id,
    );
    return { keptId: to, movedSupports };
  });
}

/** How many other contributions the merge page offers to keep (the similar ones come first). */
export const MERGE_CANDIDATES_MAX = 300;

/**
 * What the merge page of a contribution offers the host team: the contribution, the similar ones
 * first (lib/contributions/find-similar-contributions.ts), then the dialogue's other visible ones.
 */
export async function listMergeCandidates(viewer: Viewer | null, contributionId: string) {
  const { contribution, resource } = await contributionResource(contributionId);
  authorize(viewer, "contribution:merge", resource);
  const own = await db.contribution.findUniqueOrThrow({ where: { id: contributionId }, select: { id: true, title: true, body: true, language: true, kind: true } });
  const similar = await findSimilarContributions(viewer, { dialogueId: contribution.dialogueId, title: own.title, body: own.body }, { permission: "contribution:merge", excludeId: contributionId, limit: 5 });
  const others = await db.contribution.findMany({
    where: { dialogueId: contribution.dialogueId, ...visibleContribution.where, id: { notIn: [contributionId, ...similar.map((item) => item.id)] }, awaitingTranscript: false },
    orderBy: { createdAt: "desc" },
    take: MERGE_CANDIDATES_MAX,
    select: { id: true, title: true, language: true, kind: true },
  });
  return { contribution: own, resource, similar, others };
}
