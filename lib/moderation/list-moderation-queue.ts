import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { ModerationCategory } from "@/lib/generated/prisma/enums";
import { authorize, can, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { parseInput } from "@/lib/validation";
import type { ItemRef } from "./moderation-item";

const inputSchema = z.object({ dialogueId: z.uuid() });

const author = { select: { displayName: true, deletedAt: true } } as const;
const contributionText = { select: { id: true, title: true, body: true, language: true, hiddenAt: true, hiddenCategory: true, authorId: true, author } } as const;
const commentText = {
  select: { id: true, body: true, language: true, hiddenAt: true, hiddenCategory: true, authorId: true, author, contribution: { select: { id: true, title: true } } },
} as const;

/** Whose words an item is: a moderator's own are decided by others, so left out of their queue (decision 030). */
const authorOf = (item: { contribution: { authorId: string | null } | null; comment: { authorId: string } | null }) =>
  item.comment ? item.comment.authorId : (item.contribution?.authorId ?? null);

/** What the queue shows of a reported or reviewed item: its words, whose they are, where it is. */
export type QueueItem = {
  ref: ItemRef;
  contributionId: string;
  contributionTitle: string;
  body: string;
  language: string;
  authorName: string | null;
  hiddenCategory: ModerationCategory | null;
};

type ContributionRow = { id: string; title: string; body: string; language: string; hiddenCategory: ModerationCategory | null; author: { displayName: string; deletedAt: Date | null } | null };
type CommentRow = { id: string; body: string; language: string; hiddenCategory: ModerationCategory | null; author: { displayName: string; deletedAt: Date | null }; contribution: { id: string; title: string } };

function queueItem(contribution: ContributionRow | null, comment: CommentRow | null): QueueItem {
  const name = (person: { displayName: string; deletedAt: Date | null } | null) => (person && !person.deletedAt ? person.displayName : null);
  if (comment) {
    return {
      ref: { itemType: "comment", itemId: comment.id },
      contributionId: comment.contribution.id,
      contributionTitle: comment.contribution.title,
      body: comment.body,
      language: comment.language,
      authorName: name(comment.author),
      hiddenCategory: comment.hiddenCategory,
    };
  }
  const c = contribution!;
  return {
    ref: { itemType: "contribution", itemId: c.id },
    contributionId: c.id,
    contributionTitle: c.title,
    body: c.body,
    language: c.language,
    authorName: name(c.author),
    hiddenCategory: c.hiddenCategory,
  };
}

/**
 * The moderators' queue of a dialogue: open reports grouped per item, the item waiting longest
 * first, with the reported words; and the review requests still to decide, each saying whether
 * this viewer may decide it (not the moderator who hid). Reports and reviews of the viewer's own
 * items are left out (others decide them), and the queue does not name who reported: the
 * category, reason and time are what a decision needs (decisions 009, 030).
 */
export async function listModerationQueue(viewer: Viewer | null, input: { dialogueId: string }) {
  const { dialogueId } = parseInput(inputSchema, input);
  const resource = await dialogueResource(dialogueId);
  authorize(viewer, "report:resolve", resource);
  const inDialogue = { OR: [{ contribution: { dialogueId } }, { comment: { contribution: { dialogueId } } }] };
  const [reports, reviews, { languages }] = await Promise.all([
    db.report.findMany({
      where: { status: "OPEN", ...inDialogue },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        category: true,
        reason: true,
        createdAt: true,
        contribution: contributionText,
        comment: commentText,
      },
    }),
    can(viewer, "review:decide", resource)
      ? db.reviewRequest.findMany({
          where: { decision: null, hideAction: { dialogueId } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: {
            id: true,
            reason: true,
            createdAt: true,
            hideAction: {
              select: { actorId: true, category: true, reason: true, createdAt: true, actor: { select: { displayName: true } }, contribution: contributionText, comment: commentText },
            },
          },
        })
      : [],
    db.dialogue.findUniqueOrThrow({ where: { id: dialogueId }, select: { languages: true } }),
  ]);

  const groups = new Map<string, { item: QueueItem; reports: Omit<(typeof reports)[number], "contribution" | "comment">[] }>();
  const mine = (item: Parameters<typeof authorOf>[0]) => authorOf(item) === viewer.id;
  for (const { contribution, comment, ...report } of reports) {
    if (mine({ contribution, comment })) continue;
    const item = queueItem(contribution, comment);
    const group = groups.get(item.ref.itemId) ?? { item, reports: [] };
    group.reports.push(report);
    groups.set(item.ref.itemId, group);
  }
  return {
    // Insertion order is the order of each item's oldest report.
    reportGroups: [...groups.values()],
    /** The languages a moderator may write a reason in: the dialogue's. */
    languages,
    reviews: reviews.filter(({ hideAction }) => !mine(hideAction)).map(({ hideAction: { contribution, comment, actorId, ...hide }, ...review }) => ({
      ...review,
      hide,
      item: queueItem(contribution, comment),
      mayDecide: actorId !== viewer.id,
    })),
  };
}
