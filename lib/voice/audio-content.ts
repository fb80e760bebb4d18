import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { parseBuffer, type IAudioMetadata } from "music-metadata";
import { AppError } from "@/lib/errors";
import { VOICE_MAX_BYTES, VOICE_MAX_SECONDS } from "./limits";

// What an uploaded voice message is, read from its bytes, never from its name or the browser's
// type (decision 033): the magic bytes (file-type) name the container, music-metadata parses it
// and states its length and its tags. We cannot rewrite containers without a media toolkit, so
// instead of stripping metadata we refuse a file that carries tags about a person (title,
// artist, place, comments, pictures …); tags that only name the recording software are kept.

export type AudioMimeType = "audio/ogg" | "audio/webm" | "audio/mp4" | "audio/mpeg" | "audio/wav";

/** Containers we keep, by file-type's extension. */
const CONTAINERS: Record<string, AudioMimeType> = {
  ogg: "audio/ogg",
  oga: "audio/ogg",
  opus: "audio/ogg",
  webm: "audio/webm",
  mka: "audio/webm",
  m4a: "audio/mp4",
  mp4: "audio/mp4",
  mp3: "audio/mpeg",
  wav: "audio/wav",
};

/** Native tag ids that say which software wrote the file, nothing about the person. */
const SOFTWARE_TAGS = new Set(["encoder", "vendor", "©too", "tsse", "isft", "encodingtool", "encoding_tool", "muxingapp", "writingapp"]);

export type CheckedAudio = { mimeType: AudioMimeType; durationMs: number | null; byteSize: number };

function refuse(key: string, params?: Record<string, string | number>): never {
  throw new AppError("INVALID_INPUT", key, { fieldErrors: { audio: [{ key, params }] } });
}

/** Checks a voice message's bytes; throws INVALID_INPUT with a message at the `audio` field. */
export async function checkAudio(bytes: Uint8Array): Promise<CheckedAudio> {
  if (bytes.byteLength === 0) refuse("validation.required");
  if (bytes.byteLength > VOICE_MAX_BYTES) refuse("voice.errors.tooLarge", { megabytes: VOICE_MAX_BYTES / (1024 * 1024) });
  const type = await fileTypeFromBuffer(bytes);
  const mimeType = type ? CONTAINERS[type.ext] : undefined;
  if (!type || !mimeType) refuse("voice.errors.notAudio");

  let metadata: IAudioMetadata;
  try {
    metadata = await parseBuffer(bytes, { mimeType: type.mime, size: bytes.byteLength }, { duration: true, skipCovers: false });
  } catch {
    refuse("voice.errors.notAudio");
  }
  if (metadata.format.hasAudio === false || metadata.format.hasVideo === true) refuse("voice.errors.notAudio");
  const seconds = metadata.format.duration;
  if (seconds !== undefined && seconds > VOICE_MAX_SECONDS) refuse("voice.errors.tooLong", { minutes: VOICE_MAX_SECONDS / 60 });
  if (personalTags(metadata).length > 0) refuse("voice.errors.personalTags");
  return { mimeType, durationMs: seconds === undefined || !Number.isFinite(seconds) ? null : Math.round(seconds * 1000), byteSize: bytes.byteLength };
}

/** Whether a tag holds anything at all (Chromium's recordings carry an empty `segment:title`). */
function hasContent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return /\S/.test(value);
  return true;
}

/** The ids of tags that may say something about a person (everything but the software's name, and empty ones). */
export function personalTags(metadata: Pick<IAudioMetadata, "native" | "common">): string[] {
  const ids = Object.values(metadata.native)
    .flat()
    .filter((tag) => hasContent(tag.value))
    .map((tag) => tag.id)
    .filter((id) => !SOFTWARE_TAGS.has(id.toLowerCase()));
  if (metadata.common.picture?.length) ids.push("picture");
  return ids;
}
