import "server-only";
import { db } from "@/lib/db/client";
import { can, type Viewer } from "@/lib/policy/policy";
import { isAppError } from "@/lib/errors";
import { machineTranslationEnabled } from "@/lib/translations/machine-translate";
import { listTranslationsOf } from "@/lib/translations/list-translations";
import { translationTarget } from "@/lib/translations/translation-target";
import { itemColumns, moderationItem, type ItemRef } from "./moderation-item";

/**
 * Why an item is hidden, for the two who may know: its author (who may ask for a review once)
 * and the dialogue's moderators. Null for everyone else, and when the item is not hidden.
 */
export async function getHideNotice(viewer: Viewer | null, ref: ItemRef) {
  if (!viewer) return null;
  const item = await moderationItem(ref);
  if (!item.hiddenAt) return null;
  const isAuthor = item.authorId === viewer.id;
  const mayUnhide = can(viewer, "content:hide", item.resource);
  if (!isAuthor && !mayUnhide) return null;
  const hide = await db.moderationAction.findFirst({
    where: { type: "HIDE", ...itemColumns(ref) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, category: true, reason: true, reasonLanguage: true, createdAt: true, reviewRequest: { select: { decision: true, createdAt: true } } },
  });
  if (!hide) return null;
  // The reason in the reader's language, when a moderator or the machine translated it.
  const translations = (await listTranslationsOf("moderationActionId", [hide.id])).get(hide.id) ?? [];
  // The languages a moderator may translate the reason into, for its author (translationTarget's policy; none for the author).
  const target = mayUnhide
    ? await translationTarget({ moderationActionId: hide.id }).catch((error: unknown) => {
        if (isAppError(error, "NOT_FOUND")) return null;
        throw error;
      })
    : null;
  const translateInto = target && can(viewer, target.permissions.create, target.resource) ? target.languages.filter((language) => language !== target.language) : [];
  return {
    ref,
    hideActionId: hide.id,
    category: hide.category ?? item.hiddenCategory!,
    reason: hide.reason,
    // Never null in the database (constraint moderation_reason_language_set).
    reasonLanguage: hide.reasonLanguage!,
    reasonTranslations: translations,
    hiddenAt: hide.createdAt,
    review: hide.reviewRequest,
    isAuthor,
    mayRequestReview: isAuthor && hide.reviewRequest === null && can(viewer, "review:request:own", item.resource),
    mayUnhide,
    translateInto,
    /** The machine translator is configured: the reader may have the reason translated (translation:request:private, checked in the action). */
    machineTranslation: machineTranslationEnabled(),
  };
}

export type HideNotice = NonNullable<Awaited<ReturnType<typeof getHideNotice>>>;
