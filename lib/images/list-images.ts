import "server-only";
import { db } from "@/lib/db/client";
import type { ModerationCategory } from "@/lib/generated/prisma/enums";
import { can, type Resource, type Viewer } from "@/lib/policy/policy";

export type ImageView = {
  id: string;
  altText: string;
  altLanguage: string;
  width: number;
  height: number;
  hiddenCategory: ModerationCategory | null;
  /** The viewer is served the photo: it is not hidden, or they may see hidden ones (`image:read:hidden`). */
  shown: boolean;
  /** Why it is hidden, for the contribution's author (decision 055): the moderator's reason in its language. */
  hiddenReason: { text: string; language: string } | null;
};

/**
 * The photos of a contribution its page shows (decision 050), in their order. A photo whose bytes
 * are gone is left out; a hidden one stays in the list as a placeholder with its category, shown
 * only to the dialogue's moderators and staff — the same rule the image route applies.
 */
export async function listImages(viewer: Viewer | null, contributionId: string, resource: Resource): Promise<ImageView[]> {
  const rows = await db.contributionImage.findMany({
    where: { contributionId, filesDeletedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, altText: true, altLanguage: true, width: true, height: true, hiddenCategory: true },
  });
  const hidden = rows.filter((row) => row.hiddenCategory).map((row) => row.id);
  const seesHidden = hidden.length > 0 && can(viewer, "image:read:hidden", resource);
  // The author is told why (the notification IMAGE_HIDDEN leads here), never served the photo itself.
  const reasons = new Map<string, { text: string; language: string }>();
  if (hidden.length > 0 && viewer && resource.ownerId === viewer.id) {
    const hides = await db.moderationAction.findMany({
      where: { type: "HIDE_IMAGE", contributionImageId: { in: hidden } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { contributionImageId: true, reason: true, reasonLanguage: true },
    });
    for (const hide of hides) if (hide.contributionImageId && hide.reason) reasons.set(hide.contributionImageId, { text: hide.reason, language: hide.reasonLanguage ?? "de" });
  }
  return rows.map((row) => ({ ...row, shown: row.hiddenCategory === null || seesHidden, hiddenReason: reasons.get(row.id) ?? null }));
}
