import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ModerationCategory } from "@/lib/generated/prisma/enums";
import { insertNotifications, type NotificationEvent } from "@/lib/notifications/insert-notifications";
import { authorize, type Resource, type SignedInPermission, type Viewer } from "@/lib/policy/policy";

/** What moderation acts on: a contribution or a comment, named the same way by every form. */
export const itemInput = { itemType: z.enum(["contribution", "comment"]), itemId: z.uuid() };
export type ItemRef = { itemType: "contribution" | "comment"; itemId: string };

export const moderationCategory = z.enum(["SPAM", "INSULT", "DISCRIMINATION", "PERSONAL_DATA", "OFF_TOPIC", "OTHER"]);
export const REASON_MAX = 2000;
export const reasonSchema = z.string().trim().min(1).max(REASON_MAX);
/** The language a hiding reason is written in, one of the dialogue's; left out, its first (a trigger fills it). */
export const reasonLanguageSchema = z.string().trim().max(35).optional();

export type ModerationItem = {
  ref: ItemRef;
  dialogueId: string;
  contributionId: string;
  authorId: string | null;
  hiddenAt: Date | null;
  hiddenCategory: ModerationCategory | null;
  /** The dialogue's languages (a moderator's reason is written in one of them). */
  dialogueLanguages: string[];
  /** The dialogue as the policy sees it; `ownerId` is the item's author. */
  resource: Resource;
};

/** The item's columns on a ModerationAction or Report row. */
export const itemColumns = (ref: ItemRef) =>
  ref.itemType === "contribution" ? { contributionId: ref.itemId, commentId: null } : { contributionId: null, commentId: ref.itemId };

/**
 * A contribution or comment with its dialogue, for moderation. Withdrawn contributions and
 * deleted comments are out of reach (nobody sees them); hidden ones are not: moderation is how
 * they got hidden and how they come back.
 */
export async function moderationItem(ref: ItemRef): Promise<ModerationItem> {
  const dialogue = { select: { id: true, municipalityId: true, phase: true, languages: true } } as const;
  if (ref.itemType === "contribution") {
    const item = await db.contribution.findUnique({
      where: { id: ref.itemId },
      select: { id: true, authorId: true, hiddenAt: true, hiddenCategory: true, withdrawnAt: true, dialogue },
    });
    if (!item || item.withdrawnAt) throw new AppError("NOT_FOUND", "contribution not found");
    return shape(ref, item.dialogue, item.id, item);
  }
  const item = await db.comment.findUnique({
    where: { id: ref.itemId },
    select: {
      authorId: true,
      hiddenAt: true,
      hiddenCategory: true,
      deletedAt: true,
      contribution: { select: { id: true, withdrawnAt: true, dialogue } },
    },
  });
  if (!item || item.deletedAt || item.contribution.withdrawnAt) throw new AppError("NOT_FOUND", "comment not found");
  return shape(ref, item.contribution.dialogue, item.contribution.id, item);
}

function shape(
  ref: ItemRef,
  dialogue: { id: string; municipalityId: string; phase: Resource["phase"]; languages: string[] },
  contributionId: string,
  item: { authorId: string | null; hiddenAt: Date | null; hiddenCategory: ModerationCategory | null },
): ModerationItem {
  return {
    ref,
    dialogueId: dialogue.id,
    contributionId,
    authorId: item.authorId,
    hiddenAt: item.hiddenAt,
    hiddenCategory: item.hiddenCategory,
    dialogueLanguages: dialogue.languages,
    resource: { municipalityId: dialogue.municipalityId, dialogueId: dialogue.id, phase: dialogue.phase, ownerId: item.authorId },
  };
}

/**
 * The resource for moderator permissions: the dialogue, with the item's author as owner, so the
 * policy refuses a moderator acting on their own item (decision 030).
 */
export const asModerated = (item: ModerationItem): Resource => item.resource;

/**
 * The item a moderator acts on, once they may: the item, its columns on the log's and the
 * reports' rows, and the moderator's id.
 */
export async function moderatedItem(viewer: Viewer | null, permission: SignedInPermission, ref: ItemRef) {
  const item = await moderationItem(ref);
  authorize(viewer, permission, asModerated(item));
  return { item, target: itemColumns(ref), moderatorId: viewer.id };
}

/**
 * Tells who a hide or an unhide concerns, in one insert: the author first (they get `author`),
 * then `others` (e.g. the reporters), then, for a contribution, its followers (`followers`:
 * that it was hidden or restored, nothing more; a comment has none).
 */
export function notifyModerated(
  tx: Prisma.TransactionClient,
  { item, target, moderatorId }: Awaited<ReturnType<typeof moderatedItem>>,
  news: { author: "CONTENT_HIDDEN" | "CONTENT_RESTORED"; followers: "FOLLOWED_HIDDEN" | "FOLLOWED_RESTORED"; others?: NotificationEvent["to"] },
) {
  const { ref } = item;
  const followers =
    ref.itemType === "contribution" ? [{ type: news.followers, audience: { kind: "contributionFollowers" as const, contributionId: ref.itemId } }] : [];
  return insertNotifications(
    tx,
    {
      subjectId: ref.itemId,
      dialogueId: item.dialogueId,
      ...target,
      to: [{ type: news.author, audience: { kind: "users", userIds: [item.authorId] } }, ...(news.others ?? []), ...followers],
    },
    moderatorId,
  );
}

/** Refuses a reason said to be written in a language that is not one of the item's dialogue's. */
export function checkReasonLanguage(item: ModerationItem, reasonLanguage: string | undefined) {
  if (reasonLanguage !== undefined && !item.dialogueLanguages.includes(reasonLanguage)) {
    throw new AppError("INVALID_INPUT", "not a language of the dialogue", { fieldErrors: { reasonLanguage: [{ key: "translations.notDialogueLanguage" }] } });
  }
}
