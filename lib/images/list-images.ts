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
  const seesHidden = rows.some((row) => row.hiddenCategory) && can(viewer, "image:read:hidden", resource);
  return rows.map((row) => ({ ...row, shown: row.hiddenCategory === null || seesHidden }));
}
