import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationType } from "@/lib/generated/prisma/enums";
import { queuePush } from "@/lib/push/send-push";
import { queueChannelNews } from "@/lib/channels/news";

// THE way a notification is written (decision 030). Every event — a comment, an answer, a hide,
// a phase change, a meeting, a report — calls `insertNotifications` once, inside the transaction
// that saves the event, and it writes the rows for all receivers in ONE statement:
//
//   WITH candidates AS (<who, with which type>) , receivers AS (<one type per person, no actor,
//   no deleted account>) INSERT INTO "Notification" … SELECT … FROM receivers
//   ON CONFLICT ("userId", "type", "subjectId") WHERE "readAt" IS NULL DO UPDATE SET count + 1
//
// so a dialogue with thousands of followers costs one statement, and a burst of 200 comments is
// one unread row per person saying "200 new comments", not 200 rows. The RETURNING rows are the
// receivers: a push or e-mail job hooks onto them (lib/jobs).

/** Who is told. Every audience leaves out deleted accounts and the actor. */
export type Audience =
  /** Exactly these people, whether or not they follow anything (e.g. the author of hidden content). */
  | { kind: "users"; userIds: readonly (string | null | undefined)[] }
  /** Those who follow the contribution and did not unfollow it; `only` narrows them to some people. */
  | { kind: "contributionFollowers"; contributionId: string; only?: readonly (string | null | undefined)[] }
  /** Members of the dialogue who did not unfollow it, and those who follow it without being members. */
  | { kind: "dialogueFollowers"; dialogueId: string }
  /**
   * Those who can act on a report in the dialogue: its moderators and its municipality's, but not
   * `exceptAuthorId` (the reported item's author: others decide on their words, decision 030).
   */
  | { kind: "moderators"; dialogueId: string; exceptAuthorId?: string | null };

export type NotificationEvent = {
  /** What the notification is about; unread rows of one type about one subject merge. */
  subjectId: string;
  dialogueId?: string | null;
  contributionId?: string | null;
  commentId?: string | null;
  responseId?: string | null;
  /**
   * Receivers with the type each gets. A person in several audiences gets the first one's type
   * (the author of a hidden contribution gets CONTENT_HIDDEN, not FOLLOWED_HIDDEN).
   */
  to: readonly { type: NotificationType; audience: Audience }[];
};

export type InsertedNotification = {
  id: string;
  userId: string;
  type: NotificationType;
  /** 1 for a new row; more when the event was merged into an unread one. */
  count: number;
};

const ids = (list: readonly (string | null | undefined)[]) => list.filter((id): id is string => typeof id === "string");

function candidates(audience: Audience, type: NotificationType, rank: number): Prisma.Sql {
  const t = Prisma.sql`${type}::"NotificationType" AS "type", ${rank}::int AS "rank"`;
  switch (audience.kind) {
    case "users":
      return Prisma.sql`SELECT u AS "userId", ${t} FROM unnest(${ids(audience.userIds)}::uuid[]) AS u`;
    case "contributionFollowers": {
      const only = audience.only ? Prisma.sql`AND f."userId" = ANY(${ids(audience.only)}::uuid[])` : Prisma.empty;
      return Prisma.sql`SELECT f."userId", ${t} FROM "Follow" f
        WHERE f."contributionId" = ${audience.contributionId}::uuid AND f."unfollowedAt" IS NULL ${only}`;
    }
    case "dialogueFollowers":
      return Prisma.sql`SELECT m."userId", ${t} FROM "Membership" m
          WHERE m."dialogueId" = ${audience.dialogueId}::uuid
            AND NOT EXISTS (SELECT 1 FROM "Follow" f WHERE f."userId" = m."userId" AND f."dialogueId" = m."dialogueId" AND f."unfollowedAt" IS NOT NULL)
        UNION ALL
        SELECT f."userId", ${t} FROM "Follow" f WHERE f."dialogueId" = ${audience.dialogueId}::uuid AND f."unfollowedAt" IS NULL`;
    case "moderators": {
      const except = audience.exceptAuthorId ?? null;
      return Prisma.sql`SELECT m."userId", ${t} FROM "Membership" m
          WHERE m."dialogueId" = ${audience.dialogueId}::uuid AND m."role" = 'MODERATOR'
            AND m."userId" IS DISTINCT FROM ${except}::uuid
        UNION ALL
        SELECT mm."userId", ${t} FROM "MunicipalityMembership" mm
          JOIN "Dialogue" d ON d."municipalityId" = mm."municipalityId"
          WHERE d."id" = ${audience.dialogueId}::uuid AND mm."role" = 'MODERATOR'
            AND mm."userId" IS DISTINCT FROM ${except}::uuid`;
    }
  }
}

/**
 * Writes one event's notifications for all its receivers in one INSERT … SELECT … ON CONFLICT,
 * inside the caller's transaction (a notification exists exactly when its event was saved).
 * Nobody is told of their own doing (`actorId`). Returns the rows written or merged into.
 */
export async function insertNotifications(
  tx: Prisma.TransactionClient,
  event: NotificationEvent,
  actorId: string | null,
): Promise<InsertedNotification[]> {
  if (event.to.length === 0) return [];
  const sources = Prisma.join(
    event.to.map(({ type, audience }, rank) => Prisma.sql`(${candidates(audience, type, rank)})`),
    " UNION ALL ",
  );
  // gen_random_uuid(): Prisma's uuid(7) default lives in the client, and uuidv7() needs PostgreSQL 18.
  const rows = await tx.$queryRaw<(InsertedNotification & { hasDevice: boolean; channelNow: string | null })[]>`
    WITH candidates AS (${sources}),
    receivers AS (
      SELECT DISTINCT ON (c."userId") c."userId", c."type"
      FROM candidates c JOIN "User" u ON u."id" = c."userId"
      WHERE u."deletedAt" IS NULL AND (${actorId}::uuid IS NULL OR c."userId" <> ${actorId}::uuid)
      ORDER BY c."userId", c."rank"
    )
    INSERT INTO "Notification" ("id", "userId", "type", "subjectId", "dialogueId", "contributionId", "commentId", "responseId", "createdAt")
    SELECT gen_random_uuid(), r."userId", r."type", ${event.subjectId}::uuid, ${event.dialogueId ?? null}::uuid,
      ${event.contributionId ?? null}::uuid, ${event.commentId ?? null}::uuid, ${event.responseId ?? null}::uuid, now()
    FROM receivers r
    ON CONFLICT ("userId", "type", "subjectId") WHERE "readAt" IS NULL DO UPDATE SET
      "count" = "Notification"."count" + 1,
      -- The first unread comment stays the link (reading starts there); the latest answer is named.
      "commentId" = COALESCE("Notification"."commentId", EXCLUDED."commentId"),
      "responseId" = COALESCE(EXCLUDED."responseId", "Notification"."responseId"),
      "createdAt" = EXCLUDED."createdAt",
      -- Told again in the next digest, with the new count.
      "emailedAt" = NULL
    RETURNING "id", "userId", "type", "count",
      -- Whether the receiver has a phone for Web Push (decision 031): asked in this same statement.
      EXISTS (SELECT 1 FROM "PushSubscription" s WHERE s."userId" = "Notification"."userId") AS "hasDevice",
      -- The messenger contact of a receiver who asked for news at once (decision 052).
      (SELECT c."id" FROM "ChannelContact" c WHERE c."userId" = "Notification"."userId" AND c."answersNow") AS "channelNow"`;
  // Their devices hear of it through the job queue, in this transaction (decision 031).
  if (rows.some((row) => row.hasDevice)) await queuePush(tx, event.subjectId);
  // So does their messenger, when they asked for each piece of news at once; else the daily bundle tells it.
  for (const row of rows) if (row.channelNow) await queueChannelNews(tx, row.channelNow);
  return rows.map(({ hasDevice: _hasDevice, channelNow: _channelNow, ...row }) => row);
}
