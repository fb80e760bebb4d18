import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { commentResource } from "@/lib/policy/resources";

export const deleteCommentInput = z.object({ commentId: z.uuid() });

/**
 * A soft delete: the comment reads "deleted" and its replies stay, so the conversation around
 * it still makes sense. The text is kept on record (moderation may need it), never shown.
 */
export async function deleteComment(viewer: Viewer | null, input: z.input<typeof deleteCommentInput>) {
  const { commentId } = parseInput(deleteCommentInput, input);
  const { comment, resource } = await commentResource(commentId);
  authorize(viewer, "comment:delete:own", resource);
  await db.comment.updateMany({ where: { id: comment.id, deletedAt: null }, data: { deletedAt: new Date() } });
  return { contributionId: comment.contributionId };
}
