import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, isAppError } from "@/lib/errors";
import { consume } from "@/lib/rate-limit";
import { contributionResource } from "@/lib/policy/resources";
import { perspectiveSnapshot } from "@/lib/perspectives/perspective-snapshot";
import { followOnTakingPart } from "@/lib/notifications/follows";
import { insertNotifications } from "@/lib/notifications/insert-notifications";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { languageTagSchema } from "@/lib/i18n/language-tag";

export const COMMENT_MAX = 2000;

export const createCommentInput = z.object({
  contributionId: z.uuid(),
  parentId: z.uuid().optional(),
  body: z.string().trim().min(1).max(COMMENT_MAX),
  language: languageTagSchema,
});

/**
 * One more comment by `authorId` within the per-minute and per-day limits (COMMENTS_PER_MINUTE,
 * COMMENTS_PER_DAY); over them, RATE_LIMITED with the message next to the text field, which
 * keeps what was typed.
 */
async function countComment(authorId: string): Promise<void> {
  try {
    await consume("commentsPerPersonPerMinute", authorId);
    await consume("commentsPerPersonPerDay", authorId);
  } catch (error) {
    if (!isAppError(error, "RATE_LIMITED")) throw error;
    const { retryAfterMinutes } = error.details as { retryAfterMinutes: number };
    throw new AppError("RATE_LIMITED", error.message, {
      ...error.details,
      fieldErrors: { body: [{ key: "comments.tooMany", params: { retryAfterMinutes } }] },
    });
  }
}

/**
 * A member comments on a contribution, or replies to a comment. One level of replies only:
 * a reply to a reply is refused (the database refuses it too, trigger comment_reply_depth).
 */
export async function createComment(viewer: Viewer | null, input: z.input<typeof createCommentInput>) {
  const data = parseInput(createCommentInput, input);
  const prepared = await prepareComment(viewer, data);
  await countComment(prepared.authorId);
  return db.$transaction((tx) => storeComment(tx, prepared, { body: data.body, language: data.language }));
}

export type PreparedComment = Awaited<ReturnType<typeof prepareComment>>;

/** Who may comment where, and on which thread: shared by typed and voice comments (decision 046). */
export async function prepareComment(viewer: Viewer | null, data: { contributionId: string; parentId?: string }) {
  const { contribution, resource } = await contributionResource(data.contributionId);
  authorize(viewer, "comment:create", { ...resource, ownerId: undefined });
  let parentAuthorId: string | null = null;
  if (data.parentId) {
    const parent = await db.comment.findUnique({ where: { id: data.parentId }, select: { contributionId: true, parentId: true, authorId: true } });
    if (!parent || parent.contributionId !== contribution.id) throw new AppError("NOT_FOUND", "comment not found");
    if (parent.parentId !== null) {
      throw new AppError("INVALID_INPUT", "reply to a reply", { fieldErrors: { body: [{ key: "comments.replyDepth" }] } });
    }
    parentAuthorId = parent.authorId;
  }
  const authorPerspective = await perspectiveSnapshot(db, viewer.id, resource.municipalityId);
  return { authorId: viewer.id, authorPerspective, contribution, resource, parentId: data.parentId ?? null, parentAuthorId };
}

/** The comment row, the author's follow and the followers' notifications, in `tx`. */
export async function storeComment(tx: Prisma.TransactionClient, prepared: PreparedComment, text: { body: string; language: string; awaitingTranscript?: boolean }) {
  const { contribution, authorId, parentAuthorId } = prepared;
  const comment = await tx.comment.create({
    data: {
      contributionId: contribution.id,
      parentId: prepared.parentId,
      authorId,
      authorPerspective: prepared.authorPerspective,
      body: text.body,
      language: text.language,
      awaitingTranscript: text.awaitingTranscript ?? false,
    },
    select: { id: true, contributionId: true, parentId: true },
  });
  // The commenter follows the contribution from now on (unless they unfollowed it before).
  await followOnTakingPart(tx, authorId, contribution.id);
  // The parent's author hears of a reply to them, the other followers of a new comment; a burst
  // of comments is one unread row per person with a count.
  await insertNotifications(
    tx,
    {
      subjectId: contribution.id,
      dialogueId: contribution.dialogueId,
      contributionId: contribution.id,
      commentId: comment.id,
      to: [
        ...(parentAuthorId ? [{ type: "COMMENT_REPLY" as const, audience: { kind: "contributionFollowers" as const, contributionId: contribution.id, only: [parentAuthorId] } }] : []),
        { type: "COMMENT_POSTED", audience: { kind: "contributionFollowers", contributionId: contribution.id } },
      ],
    },
    authorId,
  );
  return comment;
}
