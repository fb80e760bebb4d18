import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

type Tx = Prisma.TransactionClient;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Holds a person to VOICE_MESSAGES_PER_HOUR and VOICE_MESSAGES_PER_DAY and a dialogue to
 * VOICE_STORAGE_PER_DIALOGUE_MB, inside the transaction that stores the new voice message
 * (decision 033, fixed in 046): the person's and the dialogue's advisory locks make two uploads at
 * the limit wait for each other, and the count is of the voice messages actually stored, so only
 * valid recordings count and a refused or failed upload uses up nothing.
 */
export async function claimVoiceQuota(
  tx: Tx,
  claim: { userId: string; dialogueId: string; byteSize: number; dialogueStorageBytes?: number },
): Promise<void> {
  // The person first, then the dialogue: always in this order, so two uploads never deadlock.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`voice-person:${claim.userId}`}, 0))`;
  const now = Date.now();
  const sent = await tx.voiceMessage.findMany({
    // Voice contributions and voice comments alike (decision 046).
    where: { createdAt: { gt: new Date(now - DAY_MS) }, OR: [{ contribution: { authorId: claim.userId } }, { comment: { authorId: claim.userId } }] },
    select: { createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  const lastHour = sent.filter((message) => message.createdAt.getTime() > now - HOUR_MS);
  const over =
    lastHour.length >= env().VOICE_MESSAGES_PER_HOUR ? lastHour[lastHour.length - env().VOICE_MESSAGES_PER_HOUR]!.createdAt.getTime() + HOUR_MS
    : sent.length >= env().VOICE_MESSAGES_PER_DAY ? sent[sent.length - env().VOICE_MESSAGES_PER_DAY]!.createdAt.getTime() + DAY_MS
    : null;
  if (over !== null) {
    const retryAfterMinutes = Math.max(1, Math.ceil((over - now) / 60_000));
    throw new AppError("RATE_LIMITED", "too many voice messages", {
      retryAfterSeconds: retryAfterMinutes * 60,
      retryAfterMinutes,
      fieldErrors: { audio: [{ key: "voice.errors.tooMany", params: { retryAfterMinutes } }] },
    });
  }
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`voice-dialogue:${claim.dialogueId}`}, 0))`;
  const quota = claim.dialogueStorageBytes ?? env().VOICE_STORAGE_PER_DIALOGUE_MB * 1024 * 1024;
  const kept = await tx.voiceMessage.aggregate({
    where: { audioDeletedAt: null, OR: [{ contribution: { dialogueId: claim.dialogueId } }, { comment: { contribution: { dialogueId: claim.dialogueId } } }] },
    _sum: { byteSize: true },
  });
  if ((kept._sum.byteSize ?? 0) + claim.byteSize > quota) {
    throw new AppError("INVALID_INPUT", "dialogue voice storage full", { fieldErrors: { audio: [{ key: "voice.errors.dialogueFull" }] } });
  }
}
