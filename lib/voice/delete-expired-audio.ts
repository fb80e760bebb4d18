import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

/**
 * Retention (decision 033): the audio of a voice message is deleted VOICE_AUDIO_RETENTION_DAYS
 * after a person confirmed its transcript; what remains is the transcript and its trace. Run by
 * the job queue every hour (lib/jobs/workers.ts). Unconfirmed audio stays: it is all there is.
 */
export async function deleteExpiredVoiceAudio(now = new Date(), days = env().VOICE_AUDIO_RETENTION_DAYS): Promise<{ deleted: number }> {
  const before = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  return db.$transaction(async (tx) => {
    const expired = await tx.voiceMessage.findMany({
      where: { confirmedAt: { lte: before }, audioDeletedAt: null },
      select: { id: true },
    });
    if (expired.length === 0) return { deleted: 0 };
    const ids = expired.map((voice) => voice.id);
    const { count } = await tx.voiceAudio.deleteMany({ where: { voiceMessageId: { in: ids } } });
    await tx.voiceMessage.updateMany({ where: { id: { in: ids } }, data: { audioDeletedAt: now } });
    return { deleted: count };
  });
}
