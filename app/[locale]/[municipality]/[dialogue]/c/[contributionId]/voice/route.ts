import { z } from "zod";
import { getViewer } from "@/lib/auth/get-viewer";
import { findDialogue } from "@/lib/dialogues/find-dialogue";
import { isAppError } from "@/lib/errors";
import { availableRoute } from "@/lib/health/available-route";
import { getVoiceAudio } from "@/lib/voice/voice-audio";

type Params = { locale: string; municipality: string; dialogue: string; contributionId: string };

const EXTENSIONS: Record<string, string> = { "audio/ogg": "ogg", "audio/webm": "webm", "audio/mp4": "m4a", "audio/mpeg": "mp3", "audio/wav": "wav" };

/** Never cached anywhere, never sniffed into something else, never embedded by another site. */
const PRIVATE = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
  "Cross-Origin-Resource-Policy": "same-origin",
} as const;

// The audio of a voice message (decision 033), for the <audio> player of the transcript page:
// only the dialogue's host team, recorders and moderators (lib/voice/voice-audio.ts asks the
// policy). A GET, because a player fetches with GET; cookies are SameSite, so another site's page
// cannot make a team member's browser fetch it. One byte range is served (Safari plays only so).
export const GET = availableRoute(async (request: Request, { params }: { params: Promise<Params> }): Promise<Response> => {
  const { municipality, dialogue: slug, contributionId } = await params;
  // `?comment=<id>`: a voice comment's audio on this contribution (decision 046).
  const commentId = new URL(request.url).searchParams.get("comment") ?? undefined;
  if (!z.uuid().safeParse(contributionId).success || (commentId !== undefined && !z.uuid().safeParse(commentId).success)) {
    return new Response(null, { status: 404, headers: PRIVATE });
  }
  const viewer = await getViewer();
  const dialogue = await findDialogue(viewer, { municipalitySlug: municipality, dialogueSlug: slug });
  if (!dialogue) return new Response(null, { status: 404, headers: PRIVATE });
  let audio: { bytes: Uint8Array; mimeType: string };
  try {
    audio = await getVoiceAudio(viewer, contributionId, dialogue.id, commentId);
  } catch (error) {
    if (isAppError(error)) return new Response(null, { status: error.status, headers: PRIVATE });
    throw error;
  }
  const headers = {
    ...PRIVATE,
    "Content-Type": audio.mimeType,
    "Content-Disposition": `inline; filename="voice-message.${EXTENSIONS[audio.mimeType] ?? "bin"}"`,
    "Accept-Ranges": "bytes",
  };
  const size = audio.bytes.byteLength;
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get("range") ?? "");
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start > end || start >= size) return new Response(null, { status: 416, headers: { ...PRIVATE, "Content-Range": `bytes */${size}` } });
    return new Response(new Uint8Array(audio.bytes.subarray(start, end + 1)), {
      status: 206,
      headers: { ...headers, "Content-Range": `bytes ${start}-${end}/${size}`, "Content-Length": String(end - start + 1) },
    });
  }
  return new Response(new Uint8Array(audio.bytes), { headers: { ...headers, "Content-Length": String(size) } });
});
