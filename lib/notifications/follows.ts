import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

// Following (decision 030): a Follow row per person and contribution or dialogue; an unfollow is
// kept (`unfollowedAt`) so that the next comment or support does not follow again on its own.

export type FollowTarget = { contributionId: string } | { dialogueId: string };

type Client = Prisma.TransactionClient;

const key = (userId: string, target: FollowTarget) =>
  "contributionId" in target
    ? { userId_contributionId: { userId, contributionId: target.contributionId } }
    : { userId_dialogueId: { userId, dialogueId: target.dialogueId } };

/**
 * `userId` follows `target` from now on, also after an earlier unfollow: the person asked for it
 * (the follow form, or attaching a receipt — "this was my need"). No authorization here: callers
 * check theirs (lib/notifications/set-following.ts for the form).
 */
export async function follow(userId: string, target: FollowTarget, tx: Client = db): Promise<void> {
  await tx.follow.upsert({ where: key(userId, target), create: { userId, ...target }, update: { unfollowedAt: null } });
}

/** `userId` no longer follows `target`; remembered, so writing there again does not re-follow. */
export async function unfollow(userId: string, target: FollowTarget, tx: Client = db): Promise<void> {
  const now = new Date();
  await tx.follow.upsert({ where: key(userId, target), create: { userId, ...target, unfollowedAt: now }, update: { unfollowedAt: now } });
}

/**
 * The automatic follow of an author, supporter or commenter: a no-op for someone who already
 * follows the contribution or unfollowed it.
 */
export async function followOnTakingPart(tx: Client, userId: string, contributionId: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "Follow" ("id", "userId", "contributionId", "createdAt")
    VALUES (gen_random_uuid(), ${userId}::uuid, ${contributionId}::uuid, now())
    ON CONFLICT ("userId", "contributionId") DO NOTHING`;
}

/** Whether `userId` follows `target` now (for the follow/unfollow button). Members follow their dialogue unless they unfollowed. */
export async function isFollowing(userId: string, target: FollowTarget): Promise<boolean> {
  const row = await db.follow.findUnique({ where: key(userId, target), select: { unfollowedAt: true } });
  if (row) return row.unfollowedAt === null;
  if ("dialogueId" in target) {
    return (await db.membership.count({ where: { userId, dialogueId: target.dialogueId } })) > 0;
  }
  return false;
}
