// The voice form posts to a route handler of its own (decision 046), so that only it takes 5 MB:
// guarded like a server action (same origin), authorized in the domain through lib/policy; a
// stored message goes to its page, a refused one back to the form with a signed cookie holding the
// messages and what was typed, which the page reads for the `failed` id it names.
import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const PUBLIC_URL = "https://mitreden.example";
process.env.PUBLIC_URL = PUBLIC_URL;
process.env.NEXTAUTH_SECRET ??= "voice-upload-route-test-secret-0123456789";
const request = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined) }),
}));

import { GET, POST } from "@/app/[locale]/[municipality]/[dialogue]/new/voice/send/route";
import { createSession, sessionCookieName } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { failureCookieOf, readVoiceFailure, VOICE_FAILURE_COOKIE } from "@/lib/voice/voice-upload";
import { KEPT_PHOTOS_FIELD, keptPhotosOf } from "@/lib/images/kept-photos";
import { removePhotoField } from "@/lib/images/limits";
import { firstThemeId, type DialogueWithThemes } from "@/tests/support/factories";
import { dialogueIn, participant } from "@/tests/support/participation";

const VOICE = readFileSync(path.join(import.meta.dirname, "fixtures", "voice.ogg"));

let dialogue: DialogueWithThemes & { municipality?: unknown };
let params: { locale: string; municipality: string; dialogue: string };
let speakerId: string;

beforeAll(async () => {
  dialogue = await dialogueIn("COLLECTING");
  const speaker = await participant(dialogue.id);
  speakerId = speaker.id;
  const slugs = await db.dialogue.findUniqueOrThrow({ where: { id: dialogue.id }, select: { slug: true, municipality: { select: { slug: true } } } });
  params = { locale: "fa", municipality: slugs.municipality.slug, dialogue: slugs.slug };
  const { sessionToken } = await createSession(speaker.id);
  request.cookies.set(sessionCookieName(), sessionToken);
});

beforeEach(() => {
  request.headers = new Headers({ host: "internal:3000", origin: PUBLIC_URL });
});

function form(fields: Record<string, string>, audio: Uint8Array | null, photos: Record<string, Uint8Array> = {}) {
  const body = new FormData();
  for (const [name, value] of Object.entries({ dialogueId: dialogue.id, kind: "NEED", themeId: firstThemeId(dialogue), language: "fa", ...params, ...fields })) body.set(name, value);
  if (audio) body.set("audio", new Blob([Buffer.from(audio)], { type: "audio/ogg" }), "recording.ogg");
  for (const [name, bytes] of Object.entries(photos)) body.set(name, new Blob([Buffer.from(bytes)], { type: "image/jpeg" }), "photo.jpg");
  return body;
}

/** A JPEG as a phone writes it: camera, GPS position, a description, turned on its side. */
const phoneJpeg = () =>
  sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: "CheapPhone", ImageDescription: "Unterkunft Haus 3" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 31/1 12/1", GPSLongitudeRef: "E", GPSLongitude: "13/1 24/1 18/1" },
    })
    .toBuffer();

/** The failure cookie's pieces of a response, as the browser sends them back. */
function jarOf(response: Response) {
  const pieces = new Map(
    response.headers.getSetCookie().map((cookie) => {
      const [pair] = cookie.split(";");
      const at = pair!.indexOf("=");
      return [pair!.slice(0, at), pair!.slice(at + 1)] as const;
    }),
  );
  return { get: (name: string) => (pieces.get(name) ? { value: pieces.get(name)! } : undefined) };
}
const post = (body: FormData) => POST(new Request(`http://internal:3000/fa/${params.municipality}/${params.dialogue}/new/voice/send`, { method: "POST", body }), { params: Promise.resolve(params) });
const base = () => `${PUBLIC_URL}/fa/${params.municipality}/${params.dialogue}`;

describe("the voice form's route", () => {
  it("stores a recording and sends the browser to its page", async () => {
    const response = await post(form({ title: "دکتر" }, VOICE));
    expect(response.status).toBe(303);
    const location = response.headers.get("location")!;
    expect(location).toMatch(new RegExp(`^${base()}/c/[0-9a-f-]+$`));
    const contribution = await db.contribution.findUniqueOrThrow({ where: { id: location.split("/").pop() }, include: { voiceMessage: true } });
    expect(contribution).toMatchObject({ authorId: speakerId, title: "دکتر", awaitingTranscript: true });
    expect(contribution.voiceMessage?.byteSize).toBe(VOICE.byteLength);
  });

  it("sends a refused post back to the form with its messages and what was typed, for that page and that post only", async () => {
    const before = await db.contribution.count({ where: { dialogueId: dialogue.id } });
    const response = await post(form({ title: "اینترنت" }, new TextEncoder().encode("not a recording")));
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(`${base()}/new/voice`);
    const failed = location.searchParams.get("failed")!;
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toContain(`Path=/fa/${params.municipality}/${params.dialogue}/new/voice;`);
    expect(cookie).toMatch(/HttpOnly/);
    const value = cookie.split(";")[0]!.slice(VOICE_FAILURE_COOKIE.length + 1);
    expect(readVoiceFailure(value, failed)).toMatchObject({ status: "error", fieldErrors: { audio: [{ key: "voice.errors.notAudio" }] }, values: { title: "اینترنت", kind: "NEED" } });
    // Another post's id, or a changed cookie, shows nothing.
    expect(readVoiceFailure(value, "other")).toBeNull();
    expect(readVoiceFailure(`${value.slice(0, -2)}xx`, failed)).toBeNull();
    expect(await db.contribution.count({ where: { dialogueId: dialogue.id } })).toBe(before);
  });

  it("reads the code of conduct's box as the other forms do: unticked refused at the box, ticked accepted", async () => {
    const newcomer = await participant(dialogue.id, "LIVED_EXPERIENCE", false);
    const speakerCookie = request.cookies.get(sessionCookieName())!;
    request.cookies.set(sessionCookieName(), (await createSession(newcomer.id)).sessionToken);
    try {
      const refused = await post(form({ title: "دکتر" }, VOICE));
      const failed = new URL(refused.headers.get("location")!).searchParams.get("failed")!;
      const value = refused.headers.get("set-cookie")!.split(";")[0]!.slice(VOICE_FAILURE_COOKIE.length + 1);
      expect(readVoiceFailure(value, failed)).toMatchObject({ fieldErrors: { acceptCodeOfConduct: [{ key: "validation.required" }] } });

      const stored = await post(form({ title: "دکتر", acceptCodeOfConduct: "on" }, VOICE));
      expect(stored.headers.get("location")).toMatch(new RegExp(`^${base()}/c/[0-9a-f-]+$`));
      const membership = await db.membership.findUniqueOrThrow({ where: { userId_dialogueId: { userId: newcomer.id, dialogueId: dialogue.id } } });
      expect(membership.codeOfConductAcceptedAt).not.toBeNull();
    } finally {
      request.cookies.set(sessionCookieName(), speakerCookie);
    }
  });

  it("stores photos with their descriptions beside the recording, re-encoded without metadata, as on the written form", async () => {
    const response = await post(form({ title: "رمپ", photo0Alt: "رمپ شکسته جلوی در", photo2Alt: "پله‌ها" }, VOICE, { photo0: await phoneJpeg(), photo2: await phoneJpeg() }));
    expect(response.status).toBe(303);
    const id = response.headers.get("location")!.split("/").pop()!;
    const images = await db.contributionImage.findMany({ where: { contributionId: id }, orderBy: { position: "asc" }, include: { files: true } });
    expect(images.map((image) => [image.position, image.altText, image.altLanguage])).toEqual([
      [0, "رمپ شکسته جلوی در", "fa"],
      [1, "پله‌ها", "fa"],
    ]);
    // Upright (800 × 1200 from a photo turned on its side), WebP, nothing of the phone's tags.
    expect([images[0]!.largeWidth, images[0]!.largeHeight]).toEqual([800, 1200]);
    const files = images.flatMap((image) => image.files);
    expect(files.length).toBeGreaterThan(0);
    const seen = [];
    for (const file of files) {
      const meta = await sharp(file.bytes).metadata();
      seen.push([`${file.imageId} ${file.size}`, meta.format, meta.exif ?? null, meta.icc ?? null, meta.xmp ?? null, Buffer.from(file.bytes).includes(Buffer.from("CheapPhone"))]);
    }
    expect(seen).toEqual(files.map((file) => [`${file.imageId} ${file.size}`, "webp", null, null, null, false]));
  });

  it("refuses a photo without a description, or one that is no photo, with the recording's own message in one answer, keeping what was typed", async () => {
    const before = await db.contribution.count({ where: { dialogueId: dialogue.id } });
    const refused = await post(form({ title: "رمپ", photo1Alt: "نه عکس" }, new TextEncoder().encode("not a recording"), { photo0: await phoneJpeg(), photo1: new TextEncoder().encode("<svg/>") }));
    const failed = new URL(refused.headers.get("location")!).searchParams.get("failed")!;
    const state = readVoiceFailure(failureCookieOf(jarOf(refused)), failed);
    expect(state).toMatchObject({
      status: "error",
      fieldErrors: { audio: [{ key: "voice.errors.notAudio" }], photo0Alt: [{ key: "images.errors.altRequired" }], photo1: [{ key: "images.errors.notImage" }] },
      values: { title: "رمپ", photo1Alt: "نه عکس" },
    });
    // With a good recording, the photo at fault alone refuses the post; nothing is stored.
    const photoOnly = await post(form({ photo0Alt: "رمپ" }, VOICE, { photo0: new TextEncoder().encode("GIF89a") }));
    const state2 = readVoiceFailure(failureCookieOf(jarOf(photoOnly)), new URL(photoOnly.headers.get("location")!).searchParams.get("failed")!);
    expect(state2?.status === "error" && Object.keys(state2.fieldErrors)).toEqual(["photo0"]);
    expect(await db.contribution.count({ where: { dialogueId: dialogue.id } })).toBe(before);
  });

  // A browser cannot keep a chosen file through a refused post; the written form keeps its photos
  // on the server over an offer, and so does the voice form over a refusal (decision 075).
  it("keeps the photos of a post refused for its recording: the form names them, the next post takes them without a new upload, a ticked one is let go", async () => {
    const refused = await post(form({ title: "رمپ", photo0Alt: "رمپ شکسته", photo2Alt: "پله‌ها" }, new TextEncoder().encode("not a recording"), { photo0: await phoneJpeg(), photo2: await phoneJpeg() }));
    const state = readVoiceFailure(failureCookieOf(jarOf(refused)), new URL(refused.headers.get("location")!).searchParams.get("failed")!);
    if (state?.status !== "error") throw new Error("the post was not refused");
    expect(Object.keys(state.fieldErrors)).toEqual(["audio"]);
    const kept = keptPhotosOf(state.values[KEPT_PHOTOS_FIELD]);
    expect(kept.map(({ field, altText }) => [field, altText])).toEqual([
      [0, "رمپ شکسته"],
      [2, "پله‌ها"],
    ]);
    expect(await db.pendingPhoto.count({ where: { ownerId: speakerId } })).toBe(2);

    // The form sends back what it was given, a new photo in the free field, and one kept photo ticked "remove".
    const stored = await post(
      form({ ...state.values, [removePhotoField(kept[1]!.id)]: "on", photo1Alt: "راهرو" }, VOICE, { photo1: await phoneJpeg() }),
    );
    const contributionId = stored.headers.get("location")!.split("/").pop()!;
    const images = await db.contributionImage.findMany({ where: { contributionId }, orderBy: { position: "asc" } });
    expect(images.map((image) => [image.position, image.altText])).toEqual([
      [0, "رمپ شکسته"],
      [1, "راهرو"],
    ]);
    expect(await db.pendingPhoto.count({ where: { ownerId: speakerId } })).toBe(0);
  });

  it("keeps three long descriptions in a script of three bytes a letter through a refused post, in pieces of the cookie", async () => {
    const long = "ሰላም".repeat(100); // Tigrinya, 300 letters, 900 bytes
    const response = await post(form({ title: "ሰ".repeat(120), photo0Alt: long, photo1Alt: long, photo2Alt: long }, null));
    const cookies = response.headers.getSetCookie();
    expect(cookies.length).toBe(3);
    expect(cookies.filter((cookie) => cookie.split(";")[0]!.length >= 4000)).toEqual([]);
    const state = readVoiceFailure(failureCookieOf(jarOf(response)), new URL(response.headers.get("location")!).searchParams.get("failed")!);
    expect(state).toMatchObject({ values: { photo0Alt: long, photo1Alt: long, photo2Alt: long } });
  });

  it.each([
    ["another site", "https://evil.example"],
    ["no origin at all", null],
  ])("refuses a post from %s and stores nothing", async (_name, origin) => {
    if (origin) request.headers.set("origin", origin);
    else request.headers.delete("origin");
    const before = await db.contribution.count({ where: { dialogueId: dialogue.id } });
    expect((await post(form({}, VOICE))).status).toBe(403);
    expect(await db.contribution.count({ where: { dialogueId: dialogue.id } })).toBe(before);
  });

  it("answers a GET with 405", () => {
    expect(GET().status).toBe(405);
  });
});
