import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { acceptedRules, rulesSeenFields } from "@/lib/host-texts/code-of-conduct";
import { enqueue } from "@/lib/jobs/job-queue";
import { QUEUES } from "@/lib/jobs/queues";
import { followOnTakingPart } from "@/lib/notifications/follows";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { checkImageUploads, countPhotoUploads, parseInputWithPhotos, prepareImages, storeImages, type ImageUpload } from "@/lib/images/prepare-images";
import { contributionLanguages } from "@/lib/contributions/create-contribution";
import { perspectiveSnapshot } from "@/lib/perspectives/perspective-snapshot";
import { checkAudio } from "./audio-content";
import { VOICE_TITLE_MAX } from "./limits";
import { claimVoiceQuota } from "./voice-quota";
import { languageTagSchema } from "@/lib/i18n/language-tag";

export const createVoiceContributionInput = z.object({
  dialogueId: z.uuid(),
  kind: z.enum(["NEED", "PROPOSAL"]),
  themeId: z.uuid(),
  /** The language the person speaks in the recording. */
  language: languageTagSchema,
  title: z.string().trim().max(VOICE_TITLE_MAX).optional(),
  /** Needed only until the person has accepted the code of conduct (checked below, with the recording). */
  acceptCodeOfConduct: z.boolean().default(false),
  ...rulesSeenFields,
});

/**
 * A member says a need or proposal instead of typing it (issue 18, decision 033). It is their
 * contribution like a typed one — their perspective snapshot, their follow, supports counted —
 * with an empty body until someone writes the transcript (`awaitingTranscript`). The audio is
 * checked by its content and stored apart (VoiceAudio). With TRANSCRIBE_URL set, a job asks the
 * operator's speech-to-text service for a first transcript. `images`: up to three photos with
 * their descriptions, as on the written form (decisions 050, 061): re-encoded, limited and stored
 * with it by the same code, the descriptions in the language spoken.
 */
export async function createVoiceContribution(
  viewer: Viewer | null,
  input: z.input<typeof createVoiceContributionInput>,
  audio: Uint8Array | null,
  options: { machineTranscription?: boolean; dialogueStorageBytes?: number; images?: readonly ImageUpload[] } = {},
) {
  const images = options.images ?? [];
  // A refused field and a refused photo are told in one answer (decision 055).
  const data = await parseInputWithPhotos(createVoiceContributionInput, input, images);
  const resource = await dialogueResource(data.dialogueId);
  authorize(viewer, "contribution:create", resource);
  const userId = viewer.id;

  const [dialogue, membership, authorPerspective] = await Promise.all([
    db.dialogue.findUniqueOrThrow({
      where: { id: data.dialogueId },
      select: { languages: true, themes: { where: { themeId: data.themeId }, select: { themeId: true } } },
    }),
    db.membership.findUnique({ where: { userId_dialogueId: { userId, dialogueId: data.dialogueId } }, select: { codeOfConductAcceptedAt: true } }),
    perspectiveSnapshot(db, userId, resource.municipalityId),
  ]);
  const fieldErrors: Record<string, { key: string; params?: Record<string, string | number> }[]> = {};
  if (dialogue.themes.length === 0) fieldErrors.themeId = [{ key: "validation.invalid" }];
  if (!contributionLanguages(dialogue.languages).includes(data.language)) fieldErrors.language = [{ key: "validation.invalid" }];
  const mustAccept = !membership?.codeOfConductAcceptedAt;
  if (mustAccept && !data.acceptCodeOfConduct) fieldErrors.acceptCodeOfConduct = [{ key: "validation.required" }];
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
  if (Object.keys(prepared.fieldErrors).length > 0) throw new AppError("INVALID_INPUT", "invalid input", { fieldErrors: prepared.fieldErrors });
  const rules = mustAccept ? (await acceptedRules(data.dialogueId, data)).columns : null;
  const transcribe = options.machineTranscription ?? env().TRANSCRIBE_URL !== undefined;

  return db.$transaction(async (tx) => {
    await claimVoiceQuota(tx, { userId, dialogueId: data.dialogueId, byteSize: checked.byteSize, dialogueStorageBytes: options.dialogueStorageBytes });
    if (rules) {
      await tx.membership.upsert({
        where: { userId_dialogueId: { userId, dialogueId: data.dialogueId } },
        create: { userId, dialogueId: data.dialogueId, role: "PARTICIPANT", codeOfConductAcceptedAt: new Date(), ...rules },
        update: { codeOfConductAcceptedAt: new Date(), ...rules },
      });
    }
    const contribution = await tx.contribution.create({
      data: {
        dialogueId: data.dialogueId,
        themeId: data.themeId,
        kind: data.kind,
        title: data.title ?? "",
        body: "",
        awaitingTranscript: true,
        language: data.language,
        authorId: userId,
        authorPerspective,
        source: "ONLINE",
      },
      select: { id: true, dialogueId: true },
    });
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
    await storeImages(tx, contribution.id, data.language, prepared.images);
    await followOnTakingPart(tx, userId, contribution.id);
    if (transcribe) await enqueue(QUEUES.voiceTranscription, { voiceMessageId: voice.id }, { tx });
    return { ...contribution, voiceMessageId: voice.id };
  });
}
