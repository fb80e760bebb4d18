import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/job-queue";
import { QUEUES } from "@/lib/jobs/queues";
import type { Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { checkAudio } from "@/lib/voice/audio-content";
import { claimVoiceQuota } from "@/lib/voice/voice-quota";
import { COMMENT_MAX, prepareComment, storeComment } from "./create-comment";

export const createVoiceCommentInput = z.object({
  contributionId: z.uuid(),
  parentId: z.uuid().optional(),
  /** The language the person speaks in the recording. */
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
  /** An optional typed line; with it the comment reads at once, the recording beside it. */
  body: z.string().trim().max(COMMENT_MAX).optional(),
});

/**
 * A member says a comment or reply instead of typing it (issue 18, decision 046): a comment like
 * a typed one — thread, follow, notifications — with the voice message beside it, the same
 * content checks, limits (shared with voice contributions), access, transcript and retention as
 * decision 033. Without a typed line its body is empty until the transcript
 * (`awaitingTranscript`), and it shows "voice message, transcript pending".
 */
export async function createVoiceComment(
  viewer: Viewer | null,
  input: z.input<typeof createVoiceCommentInput>,
  audio: Uint8Array | null,
  options: { machineTranscription?: boolean; dialogueStorageBytes?: number } = {},
) {
  const data = parseInput(createVoiceCommentInput, input);
  const prepared = await prepareComment(viewer, data);
  let checked: Awaited<ReturnType<typeof checkAudio>>;
  try {
    checked = await checkAudio(audio ?? new Uint8Array());
  } catch (error) {
    if (error instanceof AppError) throw new AppError("INVALID_INPUT", "invalid input", { fieldErrors: error.details.fieldErrors });
    throw error;
  }
  const transcribe = options.machineTranscription ?? env().TRANSCRIBE_URL !== undefined;
  const typed = data.body ?? "";
  return db.$transaction(async (tx) => {
    await claimVoiceQuota(tx, { userId: prepared.authorId, dialogueId: prepared.contribution.dialogueId, byteSize: checked.byteSize, dialogueStorageBytes: options.dialogueStorageBytes });
    const comment = await storeComment(tx, prepared, { body: typed, language: data.language, awaitingTranscript: typed === "" });
    const voice = await tx.voiceMessage.create({
      data: { commentId: comment.id, mimeType: checked.mimeType, byteSize: checked.byteSize, durationMs: checked.durationMs, audio: { create: { bytes: Buffer.from(audio!) } } },
      select: { id: true },
    });
    if (transcribe) await enqueue(QUEUES.voiceTranscription, { voiceMessageId: voice.id }, { tx });
    return { ...comment, voiceMessageId: voice.id };
  });
}
