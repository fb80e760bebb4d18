import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationType } from "@/lib/generated/prisma/enums";

/**
 * Notifies every member of a dialogue inside the caller's transaction, in one INSERT … SELECT:
 * a dialogue with thousands of members costs one statement, not one per person. Like `notify`,
 * it skips the actor and deleted accounts.
 */
export async function notifyDialogueMembers(
  tx: Prisma.TransactionClient,
  { dialogueId, type }: { dialogueId: string; type: NotificationType },
  actorId: string | null,
): Promise<number> {
  // gen_random_uuid(): Prisma's uuid(7) default lives in the client, and uuidv7() needs PostgreSQL 18.
  return tx.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "type", "dialogueId", "createdAt")
    SELECT gen_random_uuid(), m."userId", ${type}::"NotificationType", m."dialogueId", now()
    FROM "Membership" m
    JOIN "User" u ON u."id" = m."userId"
    WHERE m."dialogueId" = ${dialogueId}::uuid
      AND u."deletedAt" IS NULL
      AND (${actorId}::uuid IS NULL OR m."userId" <> ${actorId}::uuid)`;
}
