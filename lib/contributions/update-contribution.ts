import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize, can, type Viewer } from "@/lib/policy/policy";
import { countPhotoUploads, parseInputWithPhotos, prepareImages, storeImages, type ImageUpload } from "@/lib/images/prepare-images";
import { contributionResource } from "@/lib/policy/resources";
import { placeInput } from "@/lib/districts/place";
import { resolvePlace } from "@/lib/districts/resolve-place";
import { BODY_MAX, TITLE_MAX } from "./create-contribution";

export const updateContributionInput = z.object({
  contributionId: z.uuid(),
  title: z.string().trim().min(1).max(TITLE_MAX),
  body: z.string().trim().min(1).max(BODY_MAX),
  place: placeInput,
});

/**
 * The author corrects their post within the edit window, and may add photos to the free places
 * (up to three in all, decision 055): the fields photo<n> of the free positions n, re-encoded and
 * stored with the correction in one transaction; their descriptions carry the contribution's language.
 */
export async function updateContribution(viewer: Viewer | null, input: z.input<typeof updateContributionInput>, images: readonly ImageUpload[] = []) {
  const data = await parseInputWithPhotos(updateContributionInput, input, images);
  const { contribution, resource } = await contributionResource(data.contributionId);
  // The edit window is part of the rule; the author who is only too late is told so.
  const late = !can(viewer, "contribution:update:own", resource) && can(viewer, "contribution:update:own", { ...resource, createdAt: new Date() });
  if (late) throw new AppError("FORBIDDEN", "edit window closed", { reason: "edit_window_closed" });
  authorize(viewer, "contribution:update:own", resource);
  // A form without the field (a town without districts) leaves the place as it was.
  const place = data.place === undefined ? {} : await resolvePlace(resource.municipalityId, data.place);
  // Only the free places are offered; a photo sent for a taken one is not taken.
  const taken = await db.contributionImage.count({ where: { contributionId: contribution.id } });
  const added = images.filter((upload) => upload.index >= taken);
  await countPhotoUploads(viewer.id, added);
  const prepared = await prepareImages(added);
  if (Object.keys(prepared.fieldErrors).length > 0) throw new AppError("INVALID_INPUT", "invalid photo", { fieldErrors: prepared.fieldErrors });
  const { language } = await db.contribution.findUniqueOrThrow({ where: { id: contribution.id }, select: { language: true } });
  await db.$transaction(async (tx) => {
    await tx.contribution.update({
      where: { id: contribution.id },
      data: { title: data.title, body: data.body, ...place, editedAt: new Date() },
    });
    // After the photos it has (the CHECK keeps positions 0–2, the unique index one photo a place).
    await storeImages(tx, contribution.id, language, prepared.images.map((image, offset) => ({ ...image, position: taken + offset })));
  });
  return { id: contribution.id };
}
