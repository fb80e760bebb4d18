import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { authorize, can, type Viewer } from "@/lib/policy/policy";
import { countPhotoUploads, parseInputWithPhotos, prepareImages, storeImages, type ImageUpload } from "@/lib/images/prepare-images";
import { contributionResource } from "@/lib/policy/resources";
import { visibleContribution } from "@/lib/policy/visibility";
import { IMAGES_PER_CONTRIBUTION, photoField } from "@/lib/images/limits";
import { placeInput } from "@/lib/districts/place";
import { resolvePlace } from "@/lib/districts/resolve-place";
import { parseInput } from "@/lib/validation";
import { BODY_MAX, TITLE_MAX } from "./limits";

export const updateContributionInput = z.object({
  contributionId: z.uuid(),
  title: z.string().trim().min(1).max(TITLE_MAX),
  body: z.string().trim().min(1).max(BODY_MAX),
  place: placeInput,
});

/**
 * Photos that do not fit into the places still free (another edit added some meanwhile): refused at
 * the field of the first that does not fit, so the person chooses again among the places left.
 */
function refuseWithoutPlace(uploads: readonly ImageUpload[], taken: number): void {
  const free = Math.max(0, IMAGES_PER_CONTRIBUTION - taken);
  const first = uploads[free];
  if (!first) return;
  throw new AppError("INVALID_INPUT", "no photo place left", {
    fieldErrors: { [photoField(first.index)]: [{ key: "images.errors.noPlace", params: { max: IMAGES_PER_CONTRIBUTION } }] },
  });
}

/** The photos a correction takes off (decision 075): by id, one a box. */
const removePhotosInput = z.array(z.uuid()).max(IMAGES_PER_CONTRIBUTION);

/**
 * In the correction's transaction: the photos ticked "remove" are deleted and those after them
 * move up, so that the free places stay at the end (freePhotoPlaces). A photo a moderator hid, or
 * ever hid, stays: the append-only moderation log points at it. Returns how many photos are left.
 */
async function removePhotos(tx: Prisma.TransactionClient, contributionId: string, ids: readonly string[]): Promise<number> {
  if (ids.length > 0) {
    const removed = await tx.contributionImage.findMany({
      where: { contributionId, id: { in: [...ids] } },
      select: { id: true, hiddenAt: true, _count: { select: { moderationActions: true } } },
    });
    if (removed.some((image) => image.hiddenAt || image._count.moderationActions > 0)) throw new AppError("FORBIDDEN", "photo in the moderation log");
    await tx.contributionImage.deleteMany({ where: { id: { in: removed.map((image) => image.id) } } });
  }
  const left = await tx.contributionImage.findMany({ where: { contributionId }, orderBy: { position: "asc" }, select: { id: true, position: true } });
  // In ascending order each moves to a place already free (the unique index holds one photo a place).
  for (const [position, image] of left.entries()) {
    if (image.position !== position) await tx.contributionImage.update({ where: { id: image.id }, data: { position } });
  }
  return left.length;
}

/**
 * The author corrects their post within the edit window, and may add photos to the free places
 * (up to three in all, decision 055) and take photos off (`removePhotoIds`, decision 075): the
 * photos fill the free places in the order of their fields, re-encoded and stored with the
 * correction in one transaction that holds the contribution's row; their descriptions carry the
 * contribution's language.
 */
export async function updateContribution(
  viewer: Viewer | null,
  input: z.input<typeof updateContributionInput>,
  images: readonly ImageUpload[] = [],
  removePhotoIds: readonly string[] = [],
) {
  const data = await parseInputWithPhotos(updateContributionInput, input, images);
  const remove = parseInput(removePhotosInput, removePhotoIds);
  const { contribution, resource } = await contributionResource(data.contributionId);
  // The edit window is part of the rule; the author who is only too late is told so.
  const late = !can(viewer, "contribution:update:own", resource) && can(viewer, "contribution:update:own", { ...resource, createdAt: new Date() });
  if (late) throw new AppError("FORBIDDEN", "edit window closed", { reason: "edit_window_closed" });
  authorize(viewer, "contribution:update:own", resource);
  // A form without the field (a town without districts) leaves the place as it was.
  const place = data.place === undefined ? {} : await resolvePlace(resource.municipalityId, data.place);
  // The photos fill the free places in the order of their fields. Told before anything is decoded
  // when they cannot fit, and once more under the row lock, where their places are given.
  const added = images.slice(0, IMAGES_PER_CONTRIBUTION);
  refuseWithoutPlace(added, await db.contributionImage.count({ where: { contributionId: contribution.id, id: { notIn: remove } } }));
  await countPhotoUploads(viewer.id, added);
  const prepared = await prepareImages(added);
  if (Object.keys(prepared.fieldErrors).length > 0) throw new AppError("INVALID_INPUT", "invalid photo", { fieldErrors: prepared.fieldErrors });
  await db.$transaction(async (tx) => {
    // Decoding took a while: a withdrawal, hide or merge meanwhile ends the correction, and a
    // second edit adding photos waits here, so each counts the photos the other stored (the
    // trigger contribution_image_of_visible_contribution holds the first rule for every writer).
    const [row] = await tx.$queryRaw<({ language: string } & Parameters<typeof visibleContribution.holds>[0])[]>`
      SELECT "language", "hiddenAt", "withdrawnAt", "mergedAt" FROM "Contribution" WHERE "id" = ${contribution.id}::uuid FOR UPDATE`;
    if (!row || !visibleContribution.holds(row)) throw new AppError("NOT_FOUND", "contribution not found");
    const taken = await removePhotos(tx, contribution.id, remove);
    refuseWithoutPlace(added, taken);
    await tx.contribution.update({
      where: { id: contribution.id },
      data: { title: data.title, body: data.body, ...place, editedAt: new Date() },
    });
    // After the photos it has (the CHECK keeps positions 0–2, the unique index one photo a place).
    await storeImages(tx, contribution.id, row.language, prepared.images.map((image, offset) => ({ ...image, position: taken + offset })));
  });
  return { id: contribution.id };
}
