import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/job-queue";
import { QUEUES } from "@/lib/jobs/queues";
import type { Viewer } from "@/lib/policy/policy";
import { checkImageUploads, countPhotoUploads, parseInputWithPhotos, prepareImages, storeImages, type ImageUpload } from "@/lib/images/prepare-images";
import { pendingPhotosFor, takePendingPhotos, type KeptPhoto } from "@/lib/images/pending-photos";
import { checkMemberPost, contributionInput, insertMemberContribution, memberPostFields, refuseFieldErrors } from "@/lib/contributions/contribution-core";
import { checkAudio } from "./audio-content";
import { VOICE_TITLE_MAX } from "./limits";
import { claimVoiceQuota } from "./voice-quota";

export const createVoiceContributionInput = contributionInput.extend({
  title: z.string().trim().max(VOICE_TITLE_MAX).optional(),
  // The code of conduct, needed only until the person has accepted it (checked with the recording).
  ...memberPostFields,
});

/**
 * A member says a need or proposal instead of typing it (issue 18, decision 033). It is their
 * contribution like a typed one — their perspective snapshot, their follow, supports counted —
 * with an empty body until someone writes the transcript (`awaitingTranscript`). The audio is
 * checked by its content and stored apart (VoiceAudio). With TRANSCRIBE_URL set, a job asks the
 * operator's speech-to-text service for a first transcript. `images`: up to three photos with
 * their descriptions, as on the written form (decisions 050, 061): re-encoded, limited and stored
 * with it by the same code, the descriptions in the language spoken; `kept`: photos a refused
 * post kept on the server (decision 075), the sender's own only, taken in its transaction.
 */
export async function createVoiceContribution(
  viewer: Viewer | null,
  input: z.input<typeof createVoiceContributionInput>,
  audio: Uint8Array | null,
  options: { machineTranscription?: boolean; dialogueStorageBytes?: number; images?: readonly ImageUpload[]; kept?: readonly KeptPhoto[] } = {},
) {
  const kept = options.kept ?? [];
  const images = (options.images ?? []).filter((upload) => !kept.some((photo) => photo.field === upload.index));
  // A refused field and a refused photo are told in one answer (decision 055).
  const data = await parseInputWithPhotos(createVoiceContributionInput, input, images);
  const post = await checkMemberPost(viewer, data);
  const { userId, fieldErrors } = post;
  let checked: Awaited<ReturnType<typeof checkAudio>> | null = null;
  try {
    checked = await checkAudio(audio ?? new Uint8Array());
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    Object.assign(fieldErrors, error.details.fieldErrors);
  }
  // Photos are decoded (and counted) only once the rest is right: what shows in their header is told with it.
  if (Object.keys(fieldErrors).length > 0 || !checked) {
    throw new AppError("INVALID_INPUT", "invalid input", { fieldErrors: { ...(await checkImageUploads(images)), ...fieldErrors } });
  }
  await countPhotoUploads(userId, images);
  const prepared = await prepareImages(images);
  const pending = await pendingPhotosFor(userId, data.dialogueId, kept);
  refuseFieldErrors({ ...prepared.fieldErrors, ...pending.fieldErrors });
  const rules = await post.acceptedRules();
  const transcribe = options.machineTranscription ?? env().TRANSCRIBE_URL !== undefined;

  return db.$transaction(async (tx) => {
    await claimVoiceQuota(tx, { userId, dialogueId: data.dialogueId, byteSize: checked.byteSize, dialogueStorageBytes: options.dialogueStorageBytes });
    const contribution = await insertMemberContribution(
      tx,
      { ...post, rules },
      { dialogueId: data.dialogueId, themeId: data.themeId, kind: data.kind, title: data.title ?? "", body: "", awaitingTranscript: true, language: data.language },
    );
    const voice = await tx.voiceMessage.create({
      data: {
        contributionId: contribution.id,
        mimeType: checked.mimeType,
        byteSize: checked.byteSize,
        durationMs: checked.durationMs,
        audio: { create: { bytes: Buffer.from(audio!) } },
      },
      select: { id: true },
    });
    await takePendingPhotos(tx, userId, kept);
    // Kept and new photos in the order of their fields.
    const photos = [...pending.images, ...prepared.images].sort((a, b) => a.field - b.field).map((image, position) => ({ ...image, position }));
    await storeImages(tx, contribution.id, data.language, photos);
    if (transcribe) await enqueue(QUEUES.voiceTranscription, { voiceMessageId: voice.id }, { tx });
    return { ...contribution, voiceMessageId: voice.id };
  });
}
