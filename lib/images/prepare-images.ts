import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, isAppError } from "@/lib/errors";
import { consume } from "@/lib/rate-limit";
import { parseInput, type Message } from "@/lib/validation";
import type { z } from "zod";
import { ALT_TEXT_MAX, altField, IMAGE_MAX_BYTES, IMAGES_PER_CONTRIBUTION, photoField } from "./limits";
import { ImageRefused, inspectImage, processImage, type ProcessedImage } from "./process-image";

// The photos of a post (decision 050): read from the form's fields photo0…photo2 and their
// descriptions photo0Alt…, re-encoded one by one, and stored with the contribution in its
// transaction. A field left empty is no photo; a description without a photo is ignored.

/** One photo as the form sent it: the bytes (read up to one byte past the limit) and its description. */
export type ImageUpload = { index: number; bytes: Uint8Array; altText: string };

/** `field`: the photo field it came from (0, 1, 2); `position`: its place among the stored photos. */
export type PreparedImage = ProcessedImage & { position: number; field: number; altText: string };

/** The photos the form carries, in the order of its fields. */
export async function imageUploadsOf(form: FormData): Promise<ImageUpload[]> {
  const uploads: ImageUpload[] = [];
  for (let index = 0; index < IMAGES_PER_CONTRIBUTION; index++) {
    const file = form.get(photoField(index));
    if (!(file instanceof Blob) || file.size === 0) continue;
    const alt = form.get(altField(index));
    // No more than the limit and one byte is read: the check then says "too large".
    const bytes = new Uint8Array(await file.slice(0, IMAGE_MAX_BYTES + 1).arrayBuffer());
    uploads.push({ index, bytes, altText: typeof alt === "string" ? alt.trim() : "" });
  }
  return uploads;
}

/**
 * Counts the photos a person is about to have re-encoded against `photoUploadsPerPerson`
 * (decision 055), before any is decoded: beyond it, RATE_LIMITED with the message at the first
 * photo's file field (the form keeps the text and asks for the photos again).
 */
export async function countPhotoUploads(personId: string, uploads: readonly ImageUpload[]): Promise<void> {
  const counted = uploads.slice(0, IMAGES_PER_CONTRIBUTION);
  if (counted.length === 0) return;
  try {
    await consume("photoUploadsPerPerson", personId, counted.length);
  } catch (error) {
    if (!isAppError(error, "RATE_LIMITED")) throw error;
    const { retryAfterMinutes } = error.details as { retryAfterMinutes: number };
    throw new AppError("RATE_LIMITED", error.message, {
      ...error.details,
      fieldErrors: { [photoField(counted[0]!.index)]: [{ key: "images.errors.tooMany", params: { retryAfterMinutes } }] },
    });
  }
}

/** The message at a photo's description when it is missing or too long, or none. */
function altErrors(upload: ImageUpload): Record<string, Message[]> {
  const altText = upload.altText.trim();
  if (altText === "") return { [altField(upload.index)]: [{ key: "images.errors.altRequired" }] };
  if (altText.length > ALT_TEXT_MAX) return { [altField(upload.index)]: [{ key: "validation.too_long", params: { maximum: ALT_TEXT_MAX } }] };
  return {};
}

/** The message at a photo's file field for what is wrong with it. */
function refused(upload: ImageUpload, error: unknown): Record<string, Message[]> {
  if (!(error instanceof ImageRefused)) throw error;
  return { [photoField(upload.index)]: [{ key: `images.errors.${error.problem}`, params: { megabytes: IMAGE_MAX_BYTES / (1024 * 1024) } }] };
}

/**
 * The photos' problems as far as they show without decoding (size, type, pixels from the header,
 * the description): reported with the text's own in the same answer (decision 055).
 */
export async function checkImageUploads(uploads: readonly ImageUpload[]): Promise<Record<string, Message[]>> {
  const fieldErrors: Record<string, Message[]> = {};
  for (const upload of uploads.slice(0, IMAGES_PER_CONTRIBUTION)) {
    Object.assign(fieldErrors, altErrors(upload));
    await inspectImage(upload.bytes).catch((error: unknown) => Object.assign(fieldErrors, refused(upload, error)));
  }
  return fieldErrors;
}

/**
 * parseInput for a form with photos: when the text is refused, what is wrong with the photos is
 * said in the same answer, not only once the text is right (decision 055).
 */
export async function parseInputWithPhotos<S extends z.ZodType>(schema: S, input: unknown, uploads: readonly ImageUpload[]): Promise<z.output<S>> {
  try {
    return parseInput(schema, input);
  } catch (error) {
    if (!isAppError(error, "INVALID_INPUT")) throw error;
    const fieldErrors = (error.details.fieldErrors ?? {}) as Record<string, Message[]>;
    throw new AppError("INVALID_INPUT", error.message, { ...error.details, fieldErrors: { ...(await checkImageUploads(uploads)), ...fieldErrors } });
  }
}

/**
 * Each photo re-encoded, or the messages for the fields at fault: a photo that is no image, too
 * large or has too many pixels at its file field, a missing or too long description at its own.
 */
export async function prepareImages(uploads: readonly ImageUpload[]): Promise<{ images: PreparedImage[]; fieldErrors: Record<string, Message[]> }> {
  const images: PreparedImage[] = [];
  const fieldErrors: Record<string, Message[]> = {};
  for (const upload of uploads.slice(0, IMAGES_PER_CONTRIBUTION)) {
    Object.assign(fieldErrors, altErrors(upload));
    try {
      const processed = await processImage(upload.bytes);
      images.push({ ...processed, position: images.length, field: upload.index, altText: upload.altText.trim() });
    } catch (error) {
      Object.assign(fieldErrors, refused(upload, error));
    }
  }
  return { images, fieldErrors };
}

/** Stores the prepared photos of a new contribution, in its transaction; the alt text carries the contribution's language. */
export async function storeImages(tx: Prisma.TransactionClient, contributionId: string, language: string, images: readonly PreparedImage[]): Promise<void> {
  for (const image of images) {
    const row = await tx.contributionImage.create({
      data: {
        contributionId,
        position: image.position,
        altText: image.altText,
        altLanguage: language,
        width: image.phone.width,
        height: image.phone.height,
        largeWidth: image.large.width,
        largeHeight: image.large.height,
      },
      select: { id: true },
    });
    await tx.contributionImageFile.createMany({
      data: [
        { imageId: row.id, size: "PHONE", bytes: image.phone.bytes },
        { imageId: row.id, size: "LARGE", bytes: image.large.bytes },
      ],
    });
  }
}
