import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { completeLocales } from "@/lib/i18n/routing";
import type { Viewer } from "@/lib/policy/policy";
import { countPhotoUploads, parseInputWithPhotos, prepareImages, storeImages, type ImageUpload } from "@/lib/images/prepare-images";
import { pendingPhotosFor, takePendingPhotos, type KeptPhoto } from "@/lib/images/pending-photos";
import { resolvePlace } from "@/lib/districts/resolve-place";
import { checkMemberPost, insertMemberContribution, memberPostFields, refuseFieldErrors, writtenContributionInput } from "./contribution-core";

export const createContributionInput = writtenContributionInput.extend(memberPostFields);

/** The language a post starts in: the person's UI language, or German for Einfache Sprache. */
export function contentLanguageOf(uiLocale: string): string {
  return (completeLocales as readonly string[]).includes(uiLocale) ? uiLocale : uiLocale.split("-")[0]!;
}

/**
 * A member posts a need or a proposal while the dialogue collects: theirs, with their perspective
 * and the code of conduct on a first post (contribution-core.ts, checkMemberPost).
 * `images`: up to three photos with their descriptions, re-encoded and stored with it (decision 050);
 * `kept`: photos of the first post kept over the offer of similar ones (decision 061), the
 * sender's own only, taken in its transaction. A photo field holds a kept photo or a new one.
 */
export async function createContribution(
  viewer: Viewer | null,
  input: z.input<typeof createContributionInput>,
  uploads: readonly ImageUpload[] = [],
  kept: readonly KeptPhoto[] = [],
) {
  const images = uploads.filter((upload) => !kept.some((photo) => photo.field === upload.index));
  // A refused text and a refused photo are told in one answer (decision 055).
  const data = await parseInputWithPhotos(createContributionInput, input, images);
  const post = await checkMemberPost(viewer, data);
  const { userId, fieldErrors } = post;
  const place = await resolvePlace(post.municipalityId, data.place);
  await countPhotoUploads(userId, images);
  const prepared = await prepareImages(images);
  const pending = await pendingPhotosFor(userId, data.dialogueId, kept);
  refuseFieldErrors({ ...fieldErrors, ...prepared.fieldErrors, ...pending.fieldErrors });
  const rules = await post.acceptedRules();

  return db.$transaction(async (tx) => {
    const contribution = await insertMemberContribution(
      tx,
      { ...post, rules },
      { dialogueId: data.dialogueId, themeId: data.themeId, kind: data.kind, title: data.title, body: data.body, ...place, language: data.language },
    );
    await takePendingPhotos(tx, userId, kept);
    // Kept and new photos in the order of their fields.
    const photos = [...pending.images, ...prepared.images].sort((a, b) => a.field - b.field).map((image, position) => ({ ...image, position }));
    await storeImages(tx, contribution.id, data.language, photos);
    return contribution;
  });
}
