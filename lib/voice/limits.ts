// Limits of a voice message, shared by the recorder in the browser and the server's checks
// (decision 033). The server decides; the recorder only stops in time.

/** Longest recording, in seconds: long enough for a need, short enough to transcribe by ear. */
export const VOICE_MAX_SECONDS = 180;
/** Largest file: three minutes from a phone's recorder app (AAC, 128 kbit/s) fit with room. */
export const VOICE_MAX_BYTES = 5 * 1024 * 1024;
/** The short typed title a person may add. */
export const VOICE_TITLE_MAX = 120;
/** The bit rate the page's recorder asks for (Opus speech is clear at 32 kbit/s). */
export const RECORDER_BITS_PER_SECOND = 32_000;

/** The optional typed line beside a voice comment (decision 046): short, so a refused post's cookie keeps it whole. */
export const VOICE_COMMENT_LINE_MAX = 300;
