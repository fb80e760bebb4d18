import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Resource } from "@/lib/policy/policy";
import { supportCounts } from "@/lib/supports/support-counts";
import { publicDialogueWhere } from "@/lib/dialogues/public-dialogue-where";
import { visibleContributionWhere } from "./visible-contribution-where";

const inputSchema = z.object({ contributionId: z.uuid(), dialogueId: z.uuid() });

const person = { select: { id: true, displayName: true, perspective: true, showPerspective: true, deletedAt: true } } as const;

/**
 * A visible contribution of a public dialogue, with what its page shows: the voice (and, apart
 * from it, who recorded it), the public responses, the comments with their replies, and the
 * support per perspective. Null when there is none the public may see.
 */
export async function getContribution(input: { contributionId: string; dialogueId: string }, viewerId: string | null) {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return null;
  const { contributionId, dialogueId } = parsed.data;
  const contribution = await db.contribution.findFirst({
    where: { ...visibleContributionWhere, id: contributionId, dialogueId, dialogue: publicDialogueWhere },
    select: {
      id: true,
      kind: true,
      status: true,
      title: true,
      body: true,
      language: true,
      district: true,
      themeId: true,
      source: true,
      authorPerspective: true,
      createdAt: true,
      editedAt: true,
      author: person,
      recordedBy: { select: { displayName: true, deletedAt: true } },
      interpreterName: true,
      meeting: { select: { title: true, startsAt: true } },
      dialogue: { select: { municipalityId: true, phase: true } },
      responses: {
        orderBy: { createdAt: "asc" },
        select: { id: true, status: true, body: true, decidedBy: true, dueDate: true, createdAt: true, actor: { select: { id: true, name: true } } },
      },
      comments: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, parentId: true, body: true, language: true, createdAt: true, editedAt: true, deletedAt: true, hiddenCategory: true, author: person },
      },
    },
  });
  if (!contribution) return null;
  const [supports, own] = await Promise.all([
    supportCounts(contribution.id),
    viewerId ? db.support.findUnique({ where: { contributionId_userId: { contributionId, userId: viewerId } }, select: { id: true } }) : null,
  ]);
  const { dialogue, comments, ...rest } = contribution;
  const resource: Resource = { municipalityId: dialogue.municipalityId, dialogueId, phase: dialogue.phase, ownerId: contribution.author?.id ?? null };
  // A deleted comment keeps its place (its replies stay) but not its words.
  // A hidden one too, for all but its author: others see that it was hidden and the category.
  const shown = comments.map((comment) =>
    comment.deletedAt || (comment.hiddenCategory && comment.author.id !== viewerId) ? { ...comment, body: "" } : comment,
  );
  const threads = shown
    .filter((comment) => comment.parentId === null)
    .map((comment) => ({ ...comment, replies: shown.filter((reply) => reply.parentId === comment.id) }));
  return { ...rest, resource, supports, supportedByViewer: own !== null, comments: threads };
}

export type ContributionDetail = NonNullable<Awaited<ReturnType<typeof getContribution>>>;
