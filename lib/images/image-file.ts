import "server-only";
import { db } from "@/lib/db/client";
import type { ImageSize } from "@/lib/generated/prisma/enums";
import { can, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { visibleContribution } from "@/lib/policy/visibility";

/**
 * The bytes of one size of a photo for the image route (decision 050), or null (the route says
 * 404) when the viewer may not see it. A photo shown to the public — its dialogue published, its
 * contribution neither hidden nor withdrawn, the photo not hidden — is served to anyone. A hidden
 * photo, or one of a hidden contribution, only to the dialogue's moderators and the municipality's
 * staff (`image:read:hidden`), marked `hidden` so the route forbids every cache to keep it. A
 * withdrawn contribution's photos, or those of a deleted account, have no bytes any more.
 */
export async function getImageFile(viewer: Viewer | null, imageId: string, size: ImageSize): Promise<{ bytes: Uint8Array; hidden: boolean } | null> {
  const image = await db.contributionImage.findUnique({
    where: { id: imageId },
    select: {
      hiddenAt: true,
      filesDeletedAt: true,
      contribution: { select: { dialogueId: true, hiddenAt: true, withdrawnAt: true, mergedAt: true } },
    },
  });
  if (!image || image.filesDeletedAt || image.contribution.withdrawnAt) return null;
  const resource = await dialogueResource(image.contribution.dialogueId);
  if (!can(viewer, "dialogue:read", resource)) return null;
  const hidden = image.hiddenAt !== null || !visibleContribution.holds(image.contribution);
  if (hidden && !can(viewer, "image:read:hidden", resource)) return null;
  const file = await db.contributionImageFile.findUnique({ where: { imageId_size: { imageId, size } }, select: { bytes: true } });
  return file ? { bytes: file.bytes, hidden } : null;
}
