import "server-only";

// The operator's own speech-to-text service, spoken to as OpenAI's audio API
// (`POST /v1/audio/transcriptions`, multipart/form-data: file, model, language,
// response_format=json; answer `{ "text": "…" }`). whisper.cpp's server, faster-whisper-server,
// Speaches and LocalAI speak it. Unset TRANSCRIBE_URL: no transcriber, no audio leaves the server.

export type Transcriber = {
  transcribe(audio: { bytes: Uint8Array; mimeType: string; language: string }): Promise<string>;
};

type Config = { TRANSCRIBE_URL?: string; TRANSCRIBE_API_KEY?: string; TRANSCRIBE_MODEL?: string };

const EXTENSIONS: Record<string, string> = {
  "audio/ogg": "ogg",
  "audio/webm": "webm",
  "audio/mp4": "m4a",
  "audio/mpeg": "mp3",
  "audio/wav": "wav",
};

/** How long one transcription may take (three minutes of speech on a small CPU server). */
const TIMEOUT_MS = 120_000;

export class TranscriptionError extends Error {
  override name = "TranscriptionError";
}

export function transcriberFromEnv(config: Config): Transcriber | null {
  if (!config.TRANSCRIBE_URL) return null;
  const endpoint = new URL("v1/audio/transcriptions", config.TRANSCRIBE_URL.endsWith("/") ? config.TRANSCRIBE_URL : `${config.TRANSCRIBE_URL}/`);
  const model = config.TRANSCRIBE_MODEL ?? "whisper-1";
  return {
    async transcribe({ bytes, mimeType, language }) {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(bytes)], { type: mimeType }), `voice.${EXTENSIONS[mimeType] ?? "bin"}`);
      form.append("model", model);
      // ISO 639-1 only (what Whisper takes); for others the service detects the language.
      const primary = language.split("-")[0]!;
      if (/^[a-z]{2}$/.test(primary)) form.append("language", primary);
      form.append("response_format", "json");
      const response = await fetch(endpoint, {
        method: "POST",
        body: form,
        headers: config.TRANSCRIBE_API_KEY ? { authorization: `Bearer ${config.TRANSCRIBE_API_KEY}` } : {},
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: "error",
      });
      if (!response.ok) throw new TranscriptionError(`transcription service answered ${response.status}`);
      const answer: unknown = await response.json();
      const text = typeof answer === "object" && answer !== null && "text" in answer && typeof answer.text === "string" ? answer.text.trim() : null;
      if (text === null) throw new TranscriptionError("transcription service answered without text");
      return text;
    },
  };
}
