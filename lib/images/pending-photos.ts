import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import type { Message } from "@/lib/validation";
import { PENDING_PHOTO_HOURS, type KeptPhoto } from "./kept-photos";
import { photoField } from "./limits";
import { countPhotoUploads, prepareImages, type ImageUpload, type PreparedImage } from "./prepare-images";

// Photos chosen on the post form before the offer of similar contributions (decision 061). A
// browser cannot send a chosen file twice, and sending it twice costs prepaid data: the photos of
// the first post are re-encoded then and kept here, the person's alone, for the post that follows.
// Never served, listed or counted as published: nothing but this file reads the table.

export { KEPT_PHOTOS_FIELD, keptPhotosOf, keptPhotosOfForm, PENDING_PHOTO_HOURS, type KeptPhoto } from "./kept-photos";

/**
 * Re-encodes the first post's photos and keeps them for the person posting, in place of any kept
 * before (one offer at a time): only for someone who may post in the dialogue, counted against the
 * photo limit as an upload, a photo at fault told at its field now, not after the offer. No
 * photos: what was kept before is let go — all of it, but `besides`: photos kept before that
 * the form still carries (a refused voice post keeps its new photos beside them, decision 075).
 */
export async function keepPendingPhotos(
  viewer: Viewer | null,
  dialogueId: string,
  uploads: readonly ImageUpload[],
  now = new Date(),
  besides: readonly KeptPhoto[] = [],
): Promise<KeptPhoto[]> {
  authorize(viewer, "contribution:create", await dialogueResource(dialogueId));
  const ownerId = viewer.id;
  await countPhotoUploads(ownerId, uploads);
  const prepared = await prepareImages(uploads);
  if (Object.keys(prepared.fieldErrors).length > 0) throw new AppError("INVALID_INPUT", "invalid photo", { fieldErrors: prepared.fieldErrors });
  const expiresAt = new Date(now.getTime() + PENDING_PHOTO_HOURS * 60 * 60 * 1000);
  return db.$transaction(async (tx) => {
    await tx.pendingPhoto.deleteMany({ where: { ownerId, id: { notIn: besides.map((photo) => photo.id) } } });
    const kept: KeptPhoto[] = [...besides];
    for (const image of prepared.images) {
      const row = await tx.pendingPhoto.create({
        data: {
          ownerId,
          dialogueId,
          position: image.field,
          altText: image.altText,
          width: image.phone.width,
          height: image.phone.height,
          largeWidth: image.large.width,
          largeHeight: image.large.height,
          phoneBytes: image.phone.bytes,
          largeBytes: image.large.bytes,
          createdAt: now,
          expiresAt,
        },
        select: { id: true },
      });
      kept.push({ id: row.id, field: image.field, altText: image.altText });
    }
    return kept.sort((a, b) => a.field - b.field);
  });
}

/** "Support this instead": the person's kept photos are let go; `ids`: only these (ticked "remove", decision 075). */
export async function discardPendingPhotos(ownerId: string, ids?: readonly string[]): Promise<void> {
  await db.pendingPhoto.deleteMany({ where: { ownerId, ...(ids ? { id: { in: [...ids] } } : {}) } });
}

/** The message at a kept photo's field when it is gone (expired, used, or never the person's). */
function gone(photo: KeptPhoto): Record<string, Message[]> {
  return { [photoField(photo.field)]: [{ key: "images.errors.keptGone", params: { hours: PENDING_PHOTO_HOURS } }] };
}

/**
 * The kept photos a post names, as photos ready to store — only the sender's own, of this
 * dialogue, not expired; any other is told at its field as gone (never read, never used).
 */
export async function pendingPhotosFor(ownerId: string, dialogueId: string, kept: readonly KeptPhoto[], now = new Date()): Promise<{ images: PreparedImage[]; fieldErrors: Record<string, Message[]> }> {
  if (kept.length === 0) return { images: [], fieldErrors: {} };
  const rows = await db.pendingPhoto.findMany({ where: { id: { in: kept.map((photo) => photo.id) }, ownerId, dialogueId, expiresAt: { gt: now } } });
  const fieldErrors: Record<string, Message[]> = {};
  const images: PreparedImage[] = [];
  for (const photo of kept) {
    const row = rows.find((candidate) => candidate.id === photo.id);
    if (!row) {
      Object.assign(fieldErrors, gone(photo));
      continue;
    }
    images.push({
      phone: { bytes: new Uint8Array(row.phoneBytes), width: row.width, height: row.height },
      large: { bytes: new Uint8Array(row.largeBytes), width: row.largeWidth, height: row.largeHeight },
      position: 0,
      field: row.position,
      altText: row.altText,
    });
  }
  return { images, fieldErrors };
}

/**
 * In the post's transaction: the kept photos it uses are taken (deleted), so two posts cannot
 * both carry them; one taken meanwhile refuses the post with the message at its field.
 */
export async function takePendingPhotos(tx: Prisma.TransactionClient, ownerId: string, kept: readonly KeptPhoto[]): Promise<void> {
  if (kept.length === 0) return;
  const { count } = await tx.pendingPhoto.deleteMany({ where: { id: { in: kept.map((photo) => photo.id) }, ownerId } });
  if (count !== kept.length) throw new AppError("INVALID_INPUT", "kept photo gone", { fieldErrors: Object.assign({}, ...kept.map(gone)) });
}

/** Kept photos whose time is up are deleted (the job photos.pending-cleanup, every hour). */
export async function deleteExpiredPendingPhotos(now = new Date()): Promise<{ deleted: number }> {
  const { count } = await db.pendingPhoto.deleteMany({ where: { expiresAt: { lte: now } } });
  return { deleted: count };
}
