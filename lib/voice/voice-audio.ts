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
export async function getVoiceAudio(viewer: Viewer | null, contributionId: string, dialogueId?: string): Promise<{ bytes: Uint8Array; mimeType: string }> {
  const voice = await db.voiceMessage.findUnique({
    where: { contributionId },
    select: { id: true, mimeType: true, contribution: { select: { dialogueId: true, authorId: true, withdrawnAt: true } } },
  });
  // The address names the dialogue too: another dialogue's voice message is not found there.
  if (!voice || (dialogueId !== undefined && voice.contribution.dialogueId !== dialogueId)) throw new AppError("NOT_FOUND", "voice message not found");
  authorize(viewer, "voice:listen", await dialogueResource(voice.contribution.dialogueId, voice.contribution.authorId));
  if (voice.contribution.withdrawnAt) throw new AppError("NOT_FOUND", "contribution withdrawn");
  const audio = await db.voiceAudio.findUnique({ where: { voiceMessageId: voice.id }, select: { bytes: true } });
  if (!audio) throw new AppError("NOT_FOUND", "audio deleted");
  return { bytes: audio.bytes, mimeType: voice.mimeType };
}
