import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { commentResource } from "@/lib/policy/resources";
import { COMMENT_MAX } from "./create-comment";

export const updateCommentInput = z.object({ commentId: z.uuid(), body: z.string().trim().min(1).max(COMMENT_MAX) });

export async function updateComment(viewer: Viewer | null, input: z.input<typeof updateCommentInput>) {
  const data = parseInput(updateCommentInput, input);
  const { comment, resource } = await commentResource(data.commentId);
  authorize(viewer, "comment:update:own", resource);
  await db.comment.update({ where: { id: comment.id }, data: { body: data.body, editedAt: new Date() } });
  return { id: comment.id, contributionId: comment.contributionId };
}
