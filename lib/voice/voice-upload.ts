import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import type { FormState, Message } from "@/lib/actions/form-state";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy/policy";
import { fromFormEncoding } from "@/lib/validation";
import { imageUploadsOf } from "@/lib/images/prepare-images";
import { discardPendingPhotos, keepPendingPhotos, KEPT_PHOTOS_FIELD, keptPhotosOfForm } from "@/lib/images/pending-photos";
import { createVoiceContribution, createVoiceContributionInput } from "./create-voice-contribution";
import { VOICE_MAX_BYTES } from "./limits";

// The voice form posts to a route handler (…/new/voice/send), not a server action (decision 046):
// the one form that carries up to 5 MB keeps its own body limit (lib/security/plain-pages.ts), and
// every server action keeps Next.js's 1 MB. A refused post goes back to the form with a short-lived
// signed cookie holding its messages and what was typed (never the recording); the page shows them
// as a failed server action's form would.

export const VOICE_FAILURE_COOKIE = "mitreden-voice-failed";
const MAX_AGE_SECONDS = 10 * 60;
/**
 * A browser keeps a cookie of up to 4 KB. The typed title and three photo descriptions (decision
 * 061) in a script of three bytes a letter, base64-encoded, are more: the state is cut into pieces
 * (`mitreden-voice-failed`, `…-1`, `…-2`). Beyond the last piece nothing typed is kept, only the messages.
 */
const PIECE_CHARS = 3800;
const PIECES = 3;
const pieceName = (index: number) => (index === 0 ? VOICE_FAILURE_COOKIE : `${VOICE_FAILURE_COOKIE}-${index}`);

type Failure = { id: string; fieldErrors: Record<string, Message[]>; formError?: Message; values: Record<string, string> };

function sign(payload: string): string {
  return createHmac("sha256", `voice-failure:${authSecret()}`).update(payload).digest("base64url");
}

export type VoicePostResult = { ok: true; contributionId: string } | { ok: false; failureId: string; cookie: string };
export type VoiceUploadResult<T> = { ok: true; value: T } | { ok: false; failureId: string; cookie: string };

/** The form's fields, recording and photos to `createVoiceContribution`; a refusal becomes the cookie the form page reads. */
export async function postVoiceForm(viewer: Viewer | null, form: FormData): Promise<VoicePostResult> {
  // Up to three photos with their descriptions, as on the written form (decision 061), and those
  // a refused post kept, less any whose "remove" box is ticked (decision 075).
  const { kept, removed } = keptPhotosOfForm(stringValues(form));
  if (viewer && removed.length > 0) await discardPendingPhotos(viewer.id, removed.map((photo) => photo.id));
  const images = (await imageUploadsOf(form)).filter((upload) => !kept.some((photo) => photo.field === upload.index));
  const dialogueId = form.get("dialogueId");
  // The form's encoding ends here as at every server action (a ticked box is true, lib/validation.ts).
  const result = await postVoiceUpload(
    form,
    (values, bytes) => createVoiceContribution(viewer, fromFormEncoding(createVoiceContributionInput, values) as Parameters<typeof createVoiceContribution>[1], bytes, { images, kept }),
    // Refused for something else than its photos: they are kept on the server as over an offer
    // (decision 061), so the form names them instead of asking for them again.
    async (error): Promise<Record<string, string>> => {
      const photosAtFault = Object.keys(error.details.fieldErrors ?? {}).some((field) => /^photo\d/.test(field));
      if (!viewer || typeof dialogueId !== "string" || photosAtFault || (images.length === 0 && kept.length === 0)) return {};
      try {
        return { [KEPT_PHOTOS_FIELD]: JSON.stringify(await keepPendingPhotos(viewer, dialogueId, images, new Date(), kept)) };
      } catch (keeping) {
        if (keeping instanceof AppError) return {};
        throw keeping;
      }
    },
  );
  return result.ok ? { ok: true, contributionId: result.value.id } : result;
}

/** A form's text fields (not its files). */
function stringValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && !name.startsWith("$ACTION")) values[name] = value;
  }
  return values;
}

/**
 * A voice form's fields and file to `store` (a voice contribution or a voice comment, decision
 * 046); a refusal (AppError) becomes the signed cookie its form page reads.
 */
export async function postVoiceUpload<T>(
  form: FormData,
  store: (values: Record<string, string>, bytes: Uint8Array | null) => Promise<T>,
  /** Values the refused form gets back beside what was typed (the photos kept for it). */
  onRefused: (error: AppError) => Promise<Record<string, string>> = async () => ({}),
): Promise<VoiceUploadResult<T>> {
  // What was typed, to parse and to give back to the form (as lib/actions/form-action.ts does).
  const values = stringValues(form);
  const file = form.get("audio");
  // Read no more than the limit allows (the check then names the size); no file: empty.
  const bytes = file instanceof Blob && file.size > 0 ? new Uint8Array(await file.slice(0, VOICE_MAX_BYTES + 1).arrayBuffer()) : null;
  try {
    return { ok: true, value: await store(values, bytes) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const fieldErrors = (error.details.fieldErrors as Record<string, Message[]> | undefined) ?? {};
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(error.details)) if (typeof value === "string" || typeof value === "number") params[name] = value;
    // The ids and page fields are the form's own again; what was typed comes back (a title is short).
    const typed = {
      ...Object.fromEntries(
        Object.entries(values)
          .filter(([name]) => !["dialogueId", "contributionId", "locale", "municipality", "dialogue", KEPT_PHOTOS_FIELD].includes(name))
          .map(([name, value]) => [name, value.slice(0, 500)]),
      ),
      ...(await onRefused(error)),
    };
    const failure: Failure = { id: randomBytes(9).toString("base64url"), fieldErrors, formError: { key: `errors.${error.code}`, params }, values: typed };
    let payload = Buffer.from(JSON.stringify(failure)).toString("base64url");
    if (payload.length > PIECE_CHARS * PIECES - 100) payload = Buffer.from(JSON.stringify({ ...failure, values: {} })).toString("base64url");
    return { ok: false, failureId: failure.id, cookie: `${payload}.${sign(payload)}` };
  }
}

/**
 * The cookie's headers for the form page's path only, gone after ten minutes: one per piece of
 * the state, and the pieces a longer state left before cleared.
 */
export function failureCookieHeaders(value: string, path: string, secure: boolean): string[] {
  const attributes = `Path=${path}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
  return Array.from({ length: PIECES }, (_, index) => {
    const piece = value.slice(index * PIECE_CHARS, (index + 1) * PIECE_CHARS);
    return piece ? `${pieceName(index)}=${piece}; ${attributes}; Max-Age=${MAX_AGE_SECONDS}` : `${pieceName(index)}=; ${attributes}; Max-Age=0`;
  });
}

/** A response's headers with the failure cookie's pieces set. */
export function withFailureCookie(headers: Record<string, string>, value: string, path: string, secure: boolean): Headers {
  const all = new Headers(headers);
  for (const cookie of failureCookieHeaders(value, path, secure)) all.append("Set-Cookie", cookie);
  return all;
}

/** The failure cookie's pieces, put together again (a page's cookie jar). */
export function failureCookieOf(jar: { get(name: string): { value: string } | undefined }): string | undefined {
  const first = jar.get(pieceName(0))?.value;
  if (!first) return undefined;
  let value = first;
  for (let index = 1; index < PIECES; index++) value += jar.get(pieceName(index))?.value ?? "";
  return value;
}

/** The failed post's state for the form, when the cookie is ours and names this page's `failed` id. */
export function readVoiceFailure(cookie: string | undefined, failedId: string | undefined): FormState<void> | null {
  if (!cookie || !failedId) return null;
  const [payload, signature] = cookie.split(".");
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const failure = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Failure;
  if (failure.id !== failedId) return null;
  return { status: "error", fieldErrors: failure.fieldErrors, formError: failure.formError, values: failure.values };
}
