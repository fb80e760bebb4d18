import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { BODY_MAX } from "@/lib/contributions/limits";
import { transcriberFromEnv, type Transcriber } from "./transcriber";

export type VoiceTranscriptionJob = { voiceMessageId: string };

/** A title from the first words of a transcript, for a voice message sent without one. */
export function titleFromTranscript(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The job behind TRANSCRIBE_URL (decision 033): sends the audio to the operator's service and
 * keeps its text as a draft (`machineDraft`) that only those who may transcribe see, prefilled
 * and labelled machine-made on the transcript form. Nothing is published: the contribution stays
 * "transcript pending" until a person confirms or corrects the text (writeTranscript). Does
 * nothing when a person wrote one first, a draft exists, the audio is gone or the text is empty;
 * the update is conditional, so a person's transcript written meanwhile is never touched.
 */
export async function machineTranscribe(job: VoiceTranscriptionJob, transcriber: Transcriber | null = transcriberFromEnv(env())) {
  if (!transcriber) return { transcribed: 0 };
  const voice = await db.voiceMessage.findUnique({
    where: { id: job.voiceMessageId },
    select: { id: true, mimeType: true, transcribedAt: true, machineDraft: true, contribution: { select: { language: true } }, comment: { select: { language: true } }, audio: { select: { bytes: true } } },
  });
  if (!voice || voice.transcribedAt || voice.machineDraft !== null || !voice.audio) return { transcribed: 0 };
  // No database connection is held while the service works.
  const text = (await transcriber.transcribe({ bytes: voice.audio.bytes, mimeType: voice.mimeType, language: voice.contribution?.language ?? voice.comment?.language ?? "" })).slice(0, BODY_MAX);
  if (!/\S/.test(text)) return { transcribed: 0 };
  const stored = await db.voiceMessage.updateMany({
    where: { id: voice.id, transcribedAt: null, confirmedAt: null, machineDraft: null },
    data: { machineDraft: text },
  });
  return { transcribed: stored.count };
}
