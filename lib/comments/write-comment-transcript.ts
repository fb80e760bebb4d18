import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { addTranslation } from "@/lib/translations/add-translation";
import { parseInput } from "@/lib/validation";
import { checkTranscriptTranslation, transcriptCheckFields, transcriptTrace } from "@/lib/voice/write-transcript";
import { COMMENT_MAX } from "./create-comment";

export const writeCommentTranscriptInput = z.object({
  commentId: z.uuid(),
  transcript: z.string().trim().min(1).max(COMMENT_MAX),
  ...transcriptCheckFields,
  translationBody: z.string().trim().max(COMMENT_MAX).optional(),
});

/**
 * A recorder or the host team writes (or checks) the transcript of a voice comment (decision 046,
 * the trace of 033): the comment's text in the spoken language — a typed line the speaker gave is
 * replaced by what they said — and optionally a volunteer's translation, named.
 */
export async function writeCommentTranscript(viewer: Viewer | null, input: z.input<typeof writeCommentTranscriptInput>) {
  const data = parseInput(writeCommentTranscriptInput, input);
  const comment = await db.comment.findUnique({
    where: { id: data.commentId },
    select: {
      authorId: true,
      body: true,
      language: true,
      deletedAt: true,
      contribution: { select: { dialogueId: true, withdrawnAt: true, dialogue: { select: { languages: true } } } },
      voiceMessage: { select: { id: true, machineDraft: true, machineTranscript: true, transcribedAt: true } },
    },
  });
  if (!comment?.voiceMessage || comment.deletedAt || comment.contribution.withdrawnAt) throw new AppError("NOT_FOUND", "voice comment not found");
  authorize(viewer, "voice:transcribe", await dialogueResource(comment.contribution.dialogueId, comment.authorId));
  const translationLanguage = checkTranscriptTranslation(
    data.translationLanguage,
    { language: comment.language, dialogueLanguages: comment.contribution.dialogue.languages },
    { translationBody: data.translationBody },
  );
  const voice = comment.voiceMessage;
  await db.$transaction(async (tx) => {
    await tx.comment.update({ where: { id: data.commentId }, data: { body: data.transcript, awaitingTranscript: false } });
    await tx.voiceMessage.update({ where: { id: voice.id }, data: transcriptTrace(voice, comment.body, data.transcript, viewer.id, data.readBack) });
  });
  if (translationLanguage) await addTranslation(viewer, { commentId: data.commentId, language: translationLanguage, body: data.translationBody! });
  return { commentId: data.commentId };
}
