import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";

/**
 * The bytes of a voice message for the audio route: only for the dialogue's host team, recorders
 * and moderators, and the speaker (`voice:listen`, decision 046). Everyone else — the public, other members — gets
 * NOT_FOUND or FORBIDDEN as the policy says; audio past its retention, and any withdrawn
 * contribution's (whose audio the database deletes at once, trigger voice_audio_with_withdrawal), is NOT_FOUND.
 */
export async function getVoiceAudio(
  viewer: Viewer | null,
  contributionId: string,
  dialogueId?: string,
  /** A voice comment's audio (decision 046): the comment, on this contribution. */
  commentId?: string,
): Promise<{ bytes: Uint8Array; mimeType: string }> {
  const voice = await db.voiceMessage.findUnique({
    where: commentId ? { commentId } : { contributionId },
    select: {
      id: true,
      mimeType: true,
      contribution: { select: { id: true, dialogueId: true, authorId: true, withdrawnAt: true } },
      comment: { select: { authorId: true, deletedAt: true, contribution: { select: { id: true, dialogueId: true, withdrawnAt: true } } } },
    },
  });
  const contribution = voice?.contribution ?? voice?.comment?.contribution;
  // The address names the dialogue and contribution too: another's voice message is not found there.
  if (!voice || !contribution || contribution.id !== contributionId || (dialogueId !== undefined && contribution.dialogueId !== dialogueId)) {
    throw new AppError("NOT_FOUND", "voice message not found");
  }
  const speakerId = voice.comment ? voice.comment.authorId : voice.contribution!.authorId;
  authorize(viewer, "voice:listen", await dialogueResource(contribution.dialogueId, speakerId));
  if (contribution.withdrawnAt || voice.comment?.deletedAt) throw new AppError("NOT_FOUND", "contribution withdrawn or comment deleted");
  const audio = await db.voiceAudio.findUnique({ where: { voiceMessageId: voice.id }, select: { bytes: true } });
  if (!audio) throw new AppError("NOT_FOUND", "audio deleted");
  return { bytes: audio.bytes, mimeType: voice.mimeType };
}
