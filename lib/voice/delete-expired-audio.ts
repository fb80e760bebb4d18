import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

const DAY = 24 * 60 * 60 * 1000;

/**
 * Retention (decision 033): the audio of a voice message is deleted VOICE_AUDIO_RETENTION_DAYS
 * after a person confirmed its transcript; what remains is the transcript and its trace. Audio
 * no person ever confirmed (none transcribed it, or only the machine) is deleted
 * VOICE_AUDIO_UNTRANSCRIBED_RETENTION_DAYS after it was recorded: the contribution then stays
 * "transcript pending" without a recording. Run by the job queue every hour (lib/jobs/workers.ts).
 */
export async function deleteExpiredVoiceAudio(
  now = new Date(),
  days = env().VOICE_AUDIO_RETENTION_DAYS,
  untranscribedDays = env().VOICE_AUDIO_UNTRANSCRIBED_RETENTION_DAYS,
): Promise<{ deleted: number }> {
  const before = new Date(now.getTime() - days * DAY);
  const recordedBefore = new Date(now.getTime() - untranscribedDays * DAY);
  return db.$transaction(async (tx) => {
    const expired = await tx.voiceMessage.findMany({
      where: { audioDeletedAt: null, OR: [{ confirmedAt: { lte: before } }, { confirmedAt: null, createdAt: { lte: recordedBefore } }] },
      select: { id: true },
    });
    if (expired.length === 0) return { deleted: 0 };
    const ids = expired.map((voice) => voice.id);
    const { count } = await tx.voiceAudio.deleteMany({ where: { voiceMessageId: { in: ids } } });
    await tx.voiceMessage.updateMany({ where: { id: { in: ids } }, data: { audioDeletedAt: now } });
    return { deleted: count };
  });
}
