// Photos on needs and proposals (decision 050): re-encoded on the server without any metadata and
// upright, in two sizes; the type read from the bytes; size and pixel limits; a description
// required; served only while they may be seen, with caching that never outlives a hide; hidden
// on their own by moderators, logged; gone with a withdrawal or the author's account; listed in
// exports, never embedded.
import sharp from "sharp";
import { beforeAll, describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined) }),
}));

import { GET } from "@/app/api/photos/[imageId]/[size]/route";
import { createSession, sessionCookieName } from "@/lib/auth/sessions";
import { exportOwnData } from "@/lib/accounts/export-own-data";
import { createContribution } from "@/lib/contributions/create-contribution";
import { listOpenContributions } from "@/lib/open-data/list-open-contributions";
import { contributionSchema, pageOf } from "@/lib/open-data/schemas";
import { updateContribution } from "@/lib/contributions/update-contribution";
import { recordOfflineContribution } from "@/lib/contributions/record-offline-contribution";
import { offlineInput } from "@/tests/support/offline";
import { db } from "@/lib/db/client";
import { exportDialogue } from "@/lib/exports/export-dialogue";
import { getImageFile } from "@/lib/images/image-file";
import { IMAGE_MAX_BYTES, IMAGE_MAX_INPUT_PIXELS, LARGE_SIDE, PHONE_SIDE } from "@/lib/images/limits";
import { imageUploadsOf, type ImageUpload } from "@/lib/images/prepare-images";
import { ImageRefused, processImage } from "@/lib/images/process-image";
import { listImages } from "@/lib/images/list-images";
import { hideImage, unhideImage } from "@/lib/moderation/hide-image";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { notificationSentence } from "@/lib/notifications/notification-sentence";
import { dialogueResource } from "@/lib/policy/resources";
import type { Viewer } from "@/lib/policy/policy";
import { LIMITS } from "@/lib/rate-limit";
import type { DialogueWithThemes } from "@/tests/support/factories";
import { hostOf, memberAs } from "@/tests/support/meetings";
import { appErrorOf, dialogueIn, participant, postInput } from "@/tests/support/participation";
import { fieldKeys } from "@/tests/support/viewers";

/** A JPEG as a phone writes it: camera, GPS position, a comment, and turned on its side (orientation 6). */
async function phoneJpeg(width = 1200, height = 800): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: "CheapPhone", Model: "A1", Software: "Camera 1.0", ImageDescription: "Unterkunft Haus 3" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 31/1 12/1", GPSLongitudeRef: "E", GPSLongitude: "13/1 24/1 18/1" },
    })
    .toBuffer();
}

const png = (width = 40, height = 30) => sharp({ create: { width, height, channels: 4, background: "#33669980" } }).png().toBuffer();
const upload = (bytes: Uint8Array, altText = "Die kaputte Rampe am Eingang", index = 0): ImageUpload => ({ index, bytes, altText });

let dialogue: DialogueWithThemes;
let author: Viewer;
let reader: Viewer;
let moderator: Viewer;

beforeAll(async () => {
  dialogue = await dialogueIn("COLLECTING");
  author = await participant(dialogue.id);
  reader = await participant(dialogue.id);
  moderator = await memberAs(dialogue.id, "MODERATOR");
});

async function postWithPhotos(uploads: ImageUpload[], language = "de") {
  const contribution = await createContribution(author, postInput(dialogue, { language }), uploads);
  const images = await db.contributionImage.findMany({ where: { contributionId: contribution.id }, orderBy: { position: "asc" } });
  return { contribution, images };
}

describe("re-encoding", () => {
  it("removes EXIF with the GPS position and every other metadata, and turns the photo upright first", async () => {
    const input = await phoneJpeg();
    const before = await sharp(input).metadata();
    expect(before.exif).toBeDefined();
    expect(before.exif!.includes(Buffer.from("CheapPhone"))).toBe(true);
    expect(before.orientation).toBe(6);

    const { phone, large } = await processImage(input);
    const outputs = { phone, large };
    const seen: Record<string, unknown> = {};
    for (const [size, output] of Object.entries(outputs)) {
      const { format, exif, xmp, iptc, icc, orientation } = await sharp(output.bytes).metadata();
      const bytes = Buffer.from(output.bytes);
      const traces = ["Exif", "GPS", "CheapPhone", "Unterkunft"].filter((trace) => bytes.includes(Buffer.from(trace)));
      seen[size] = { format, exif: exif ?? null, xmp: xmp ?? null, iptc: iptc ?? null, icc: icc ?? null, orientation: orientation ?? null, traces };
    }
    const clean = { format: "webp", exif: null, xmp: null, iptc: null, icc: null, orientation: null, traces: [] };
    expect(seen).toEqual({ phone: clean, large: clean });
    // 1200 × 800 on its side is 800 × 1200 upright, fitted into 720 and 1600 a side.
    expect([phone.width, phone.height]).toEqual([480, PHONE_SIDE]);
    expect([large.width, large.height]).toEqual([800, 1200]);
    expect(Math.max(large.width, large.height)).toBeLessThanOrEqual(LARGE_SIDE);
  });

  it("stores two sizes with the description in the text's language, and keeps the order", async () => {
    const { images } = await postWithPhotos([upload(await phoneJpeg(), "مدخل بلا منحدر", 0), upload(await png(), "غرفة مزدحمة", 2)], "ar");
    expect(images.map((image) => [image.position, image.altText, image.altLanguage])).toEqual([
      [0, "مدخل بلا منحدر", "ar"],
      [1, "غرفة مزدحمة", "ar"],
    ]);
    const files = await db.contributionImageFile.findMany({ where: { imageId: images[0]!.id } });
    expect(files.map((file) => file.size).sort()).toEqual(["LARGE", "PHONE"]);
  });

  it("reads the photos from the form's fields photo0…photo2 and their descriptions, no more than the limit", async () => {
    const form = new FormData();
    form.set("photo1", new Blob([new Uint8Array(await png())], { type: "image/png" }), "a.png");
    form.set("photo1Alt", "  Flyer  ");
    form.set("photo0", new Blob([]), "");
    form.set("photo3", new Blob([new Uint8Array(await png())], { type: "image/png" }), "d.png");
    form.set("photo2Alt", "ohne Foto");
    const uploads = await imageUploadsOf(form);
    expect(uploads.map((u) => [u.index, u.altText])).toEqual([[1, "Flyer"]]);
  });
});

describe("adding photos on the edit form (decision 055)", () => {
  it("adds photos to the free places after those it has, in the contribution's language; refused ones with the text's errors; a fourth refused at its field", async () => {
    const writer = await participant(dialogue.id);
    const contribution = await createContribution(writer, postInput(dialogue, { language: "ar", title: "منحدر مكسور" }), [upload(await png(), "الصورة الأولى")]);
    const edit = (title: string, uploads: ImageUpload[]) => updateContribution(writer, { contributionId: contribution.id, title, body: "نص" }, uploads);

    const refused = await appErrorOf(edit("", [upload(Buffer.from("no photo"), "وصف", 1), upload(await png(), "", 2)]));
    expect(fieldKeys(refused, "title")).toEqual(["validation.required"]);
    expect(fieldKeys(refused, "photo1")).toEqual(["images.errors.notImage"]);
    expect(fieldKeys(refused, "photo2Alt")).toEqual(["images.errors.altRequired"]);

    // The photos fill the free places after the photos it has, in the order of their fields.
    await edit("منحدر مكسور عند المدخل", [upload(await png(), "الصورة الثانية", 1)]);
    const images = await db.contributionImage.findMany({ where: { contributionId: contribution.id }, orderBy: { position: "asc" }, select: { position: true, altText: true, altLanguage: true } });
    expect(images).toEqual([
      { position: 0, altText: "الصورة الأولى", altLanguage: "ar" },
      { position: 1, altText: "الصورة الثانية", altLanguage: "ar" },
    ]);
    expect((await db.contribution.findUniqueOrThrow({ where: { id: contribution.id } })).title).toBe("منحدر مكسور عند المدخل");
    await edit("منحدر مكسور", [upload(await png(), "الثالثة", 2)]);
    // No fourth: told at its field, before anything is decoded.
    expect(fieldKeys(await appErrorOf(edit("منحدر مكسور", [upload(await png(), "رابعة", 2)])), "photo2")).toEqual(["images.errors.noPlace"]);
    expect(await db.contributionImage.count({ where: { contributionId: contribution.id } })).toBe(3);

    // Only the author, within the edit window.
    expect((await appErrorOf(updateContribution(reader, { contributionId: contribution.id, title: "x", body: "y" }, [upload(await png())]))).code).toBe("FORBIDDEN");
  });
});

describe("photos on an entry recorded on someone's behalf (decision 055)", () => {
  it("stores them with the entry in its language; a refused photo is told with the text's errors and nothing is stored", async () => {
    const recorder = await memberAs(dialogue.id, "RECORDER", "LOCAL_ACTOR");
    const refused = await appErrorOf(recordOfflineContribution(recorder, offlineInput(dialogue, { title: "" }), [upload(Buffer.from("no photo"), "Flyer", 0), upload(await png(), " ", 1)]));
    expect(fieldKeys(refused, "title")).toEqual(["validation.required"]);
    expect(fieldKeys(refused, "photo0")).toEqual(["images.errors.notImage"]);
    expect(fieldKeys(refused, "photo1Alt")).toEqual(["images.errors.altRequired"]);

    const before = await db.contributionImage.count({ where: { contribution: { dialogueId: dialogue.id } } });
    const missingAlt = await appErrorOf(recordOfflineContribution(recorder, offlineInput(dialogue), [upload(await png(), "", 0)]));
    expect(fieldKeys(missingAlt, "photo0Alt")).toEqual(["images.errors.altRequired"]);
    expect(await db.contributionImage.count({ where: { contribution: { dialogueId: dialogue.id } } })).toBe(before);

    const { id } = await recordOfflineContribution(recorder, offlineInput(dialogue), [upload(await png(), "Der Handzettel des Sprachcafés", 1)]);
    const rows = await db.contributionImage.findMany({ where: { contributionId: id }, select: { position: true, altText: true, altLanguage: true } });
    expect(rows).toEqual([{ position: 0, altText: "Der Handzettel des Sprachcafés", altLanguage: "fa" }]);
    expect(await db.receipt.count({ where: { contributionId: id } })).toBe(1);
  });
});

describe("what is refused, with the message at its field", () => {
  it.each([
    ["a text file named photo.jpg", async () => Buffer.from("this is not an image, whatever its name says"), "notImage"],
    ["an SVG (it may carry scripts)", async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'), "notImage"],
    ["a GIF", async () => sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } }).gif().toBuffer(), "notImage"],
    ["a file over 8 MB", async () => Buffer.alloc(IMAGE_MAX_BYTES + 1, 1), "tooLarge"],
    ["a small file claiming more pixels than the limit", async () => sharp({ create: { width: 10_000, height: 6_000, channels: 3, background: "#fff" } }).png({ compressionLevel: 1 }).toBuffer(), "tooManyPixels"],
  ])("%s", async (_name, make, problem) => {
    const bytes = await make();
    await expect(processImage(bytes)).rejects.toEqual(new ImageRefused(problem as ImageRefused["problem"]));
    const error = await appErrorOf(createContribution(author, postInput(dialogue), [{ index: 1, bytes, altText: "Beschreibung" }]));
    expect(error.code).toBe("INVALID_INPUT");
    expect(fieldKeys(error, "photo1")).toEqual([`images.errors.${problem}`]);
  });

  it("takes the type from the bytes, not the name: a PNG sent as photo.jpg is a photo", async () => {
    const form = new FormData();
    form.set("photo0", new Blob([new Uint8Array(await png())], { type: "image/jpeg" }), "photo.jpg");
    form.set("photo0Alt", "Ein Flyer");
    const { images } = await postWithPhotos(await imageUploadsOf(form));
    expect(images).toHaveLength(1);
  });

  it("needs a description with every photo, and stores nothing without one", async () => {
    const before = await db.contribution.count({ where: { dialogueId: dialogue.id } });
    const error = await appErrorOf(createContribution(author, postInput(dialogue), [upload(await png(), "   ")]));
    expect(fieldKeys(error, "photo0Alt")).toEqual(["images.errors.altRequired"]);
    expect(await db.contribution.count({ where: { dialogueId: dialogue.id } })).toBe(before);
  });

  it("tells a refused photo and a missing description in the same answer as a refused title and text, before anything is decoded", async () => {
    const error = await appErrorOf(
      createContribution(author, postInput(dialogue, { title: " ", body: "" }), [upload(Buffer.from("not a photo"), "Ein Flyer", 0), upload(await png(), "", 2)]),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(fieldKeys(error, "title")).toEqual(["validation.required"]);
    expect(fieldKeys(error, "body")).toEqual(["validation.required"]);
    expect(fieldKeys(error, "photo0")).toEqual(["images.errors.notImage"]);
    expect(fieldKeys(error, "photo2Alt")).toEqual(["images.errors.altRequired"]);
    expect(fieldKeys(error, "photo2")).toEqual([]);
  });

  it("limits the photos one person uploads (counted per photo, before decoding), with the message at the first photo; text alone still posts", async () => {
    const uploader = await participant(dialogue.id);
    const three = async () => [upload(await png(), "Eins", 0), upload(await png(), "Zwei", 1), upload(await png(), "Drei", 2)];
    for (let posted = 0; posted < LIMITS.photoUploadsPerPerson.points / 3; posted++) await createContribution(uploader, postInput(dialogue), await three());
    const before = await db.contribution.count({ where: { dialogueId: dialogue.id } });
    const error = await appErrorOf(createContribution(uploader, postInput(dialogue), [upload(await png(), "Noch eins", 2)]));
    expect(error.code).toBe("RATE_LIMITED");
    expect(fieldKeys(error, "photo2")).toEqual(["images.errors.tooMany"]);
    expect(error.details.retryAfterMinutes).toBeGreaterThan(0);
    expect(await db.contribution.count({ where: { dialogueId: dialogue.id } })).toBe(before);
    await createContribution(uploader, postInput(dialogue), []);
    await createContribution(await participant(dialogue.id), postInput(dialogue), [upload(await png())]);
  });

  it("keeps the pixel limit at sharp's limitInputPixels too", () => {
    expect(IMAGE_MAX_INPUT_PIXELS).toBe(50_000_000);
  });
});

describe("who is served a photo", () => {
  const get = async (imageId: string, size: "phone" | "large", viewer: Viewer | null, headers: Record<string, string> = {}) => {
    request.cookies.clear();
    if (viewer) request.cookies.set(sessionCookieName(), (await createSession(viewer.id)).sessionToken);
    return GET(new Request(`http://localhost/api/photos/${imageId}/${size}`, { headers }), { params: Promise.resolve({ imageId, size }) });
  };

  it("serves a visible photo to anyone, as WebP, cached by no shared cache and asked for again each time", async () => {
    const { images } = await postWithPhotos([upload(await phoneJpeg())]);
    const response = await get(images[0]!.id, "phone", null);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
    expect((await sharp(Buffer.from(await response.arrayBuffer())).metadata()).width).toBe(images[0]!.width);
    const again = await get(images[0]!.id, "phone", null, { "if-none-match": response.headers.get("etag")! });
    expect(again.status).toBe(304);
    expect((await get(images[0]!.id, "large", reader)).status).toBe(200);
    expect((await get(images[0]!.id, "huge" as "large", reader)).status).toBe(404);
  });

  it("serves a hidden photo to nobody but the dialogue's moderators and staff, kept by no cache; the log has the hide and the restore", async () => {
    const { contribution, images } = await postWithPhotos([upload(await png()), upload(await png(), "Zweites Foto", 1)]);
    const [hidden, other] = images as [(typeof images)[0], (typeof images)[0]];
    expect((await appErrorOf(hideImage(reader, { imageId: hidden.id, category: "PERSONAL_DATA", reason: "Gesicht zu sehen" }))).code).toBe("FORBIDDEN");
    await hideImage(moderator, { imageId: hidden.id, category: "PERSONAL_DATA", reason: "Ein Gesicht ist zu sehen" });

    const notServed = { public: null, reader, author, otherDialoguesModerator: await memberAs((await dialogueIn()).id, "MODERATOR") };
    const served: Record<string, { file: unknown; status: number }> = {};
    for (const [who, viewer] of Object.entries(notServed)) served[who] = { file: await getImageFile(viewer, hidden.id, "PHONE"), status: (await get(hidden.id, "phone", viewer)).status };
    const nothing = { file: null, status: 404 };
    expect(served).toEqual({ public: nothing, reader: nothing, author: nothing, otherDialoguesModerator: nothing });
    const forModerator = await get(hidden.id, "large", moderator);
    expect(forModerator.status).toBe(200);
    expect(forModerator.headers.get("cache-control")).toBe("private, no-store");
    expect(forModerator.headers.get("etag")).toBeNull();
    // The host (not a moderator) is not served it either: only moderation decides on hidden photos.
    expect(await getImageFile(await hostOf(dialogue), hidden.id, "PHONE")).toBeNull();
    // The other photo and the contribution stay.
    expect((await get(other.id, "phone", null)).status).toBe(200);

    await unhideImage(moderator, { imageId: hidden.id, reason: "Gesicht war nicht zu erkennen" });
    expect((await get(hidden.id, "phone", null)).status).toBe(200);
    const log = await db.moderationAction.findMany({ where: { contributionImageId: hidden.id }, orderBy: { createdAt: "asc" } });
    expect(log.map((entry) => [entry.type, entry.contributionId, entry.category])).toEqual([
      ["HIDE_IMAGE", contribution.id, "PERSONAL_DATA"],
      ["UNHIDE_IMAGE", contribution.id, null],
    ]);
  });

  it("tells the author of a hidden photo, in their language, and shows them the reason beside it; nobody else is told", async () => {
    const writer = await participant(dialogue.id);
    const contribution = await createContribution(writer, postInput(dialogue), [upload(await png())]);
    const images = await db.contributionImage.findMany({ where: { contributionId: contribution.id } });
    const follower = await participant(dialogue.id);
    await db.follow.create({ data: { userId: follower.id, contributionId: contribution.id } });
    await hideImage(moderator, { imageId: images[0]!.id, category: "PERSONAL_DATA", reason: "Ein Gesicht ist zu sehen" });

    const { items } = await listNotifications(writer);
    const told = items.filter((item) => item.type === "IMAGE_HIDDEN");
    expect(told).toHaveLength(1);
    expect(told[0]!.path).toMatch(new RegExp(`/c/${contribution.id}$`));
    const title = (await db.contribution.findUniqueOrThrow({ where: { id: contribution.id }, select: { title: true } })).title;
    expect((await notificationSentence("ar"))(told[0]!)).toBe(`أخفى فريق الإشراف صورة من مساهمتك «${title}». السبب مكتوب بجانب الصورة.`);
    const toldOf = async (viewer: typeof reader) => (await listNotifications(viewer)).items.filter((item) => item.type === "IMAGE_HIDDEN");
    expect({ follower: await toldOf(follower), reader: await toldOf(reader) }).toEqual({ follower: [], reader: [] });

    const resource = { ...(await dialogueResource(dialogue.id)), ownerId: writer.id };
    expect((await listImages(writer, contribution.id, resource))[0]).toMatchObject({ shown: false, hiddenReason: { text: "Ein Gesicht ist zu sehen", language: "de" } });
    expect((await listImages(reader, contribution.id, resource))[0]).toMatchObject({ shown: false, hiddenReason: null });
    expect((await listImages(moderator, contribution.id, resource))[0]).toMatchObject({ shown: true, hiddenReason: null });
  });

  it("never lets the author hide a photo of their own", async () => {
    const { images } = await postWithPhotos([upload(await png())]);
    const authorAsModerator = await memberAs(dialogue.id, "MODERATOR");
    const own = await createContribution(authorAsModerator, postInput(dialogue), [upload(await png())]);
    const ownImage = await db.contributionImage.findFirstOrThrow({ where: { contributionId: own.id } });
    expect((await appErrorOf(hideImage(authorAsModerator, { imageId: ownImage.id, category: "SPAM", reason: "x" }))).code).toBe("FORBIDDEN");
    expect(images).toHaveLength(1);
  });

  it("serves no photo of a hidden contribution but to moderators, and none of a withdrawn one: its bytes are gone", async () => {
    const hiddenPost = await postWithPhotos([upload(await png())]);
    await db.contribution.update({ where: { id: hiddenPost.contribution.id }, data: { hiddenAt: new Date(), hiddenCategory: "SPAM" } });
    expect((await get(hiddenPost.images[0]!.id, "phone", reader)).status).toBe(404);
    expect((await get(hiddenPost.images[0]!.id, "phone", moderator)).status).toBe(200);

    const withdrawn = await postWithPhotos([upload(await png())]);
    await db.contribution.update({ where: { id: withdrawn.contribution.id }, data: { withdrawnAt: new Date() } });
    const statuses = { public: null, author, moderator };
    const answered: Record<string, number> = {};
    for (const [who, viewer] of Object.entries(statuses)) answered[who] = (await get(withdrawn.images[0]!.id, "phone", viewer)).status;
    expect(answered).toEqual({ public: 404, author: 404, moderator: 404 });
    expect(await db.contributionImageFile.count({ where: { imageId: withdrawn.images[0]!.id } })).toBe(0);
    expect((await db.contributionImage.findUniqueOrThrow({ where: { id: withdrawn.images[0]!.id } })).filesDeletedAt).not.toBeNull();
  });

  it("deletes the photos' bytes when the author deletes their account", async () => {
    const leaving = await participant(dialogue.id);
    const contribution = await createContribution(leaving, postInput(dialogue), [upload(await png())]);
    const image = await db.contributionImage.findFirstOrThrow({ where: { contributionId: contribution.id } });
    await db.user.update({ where: { id: leaving.id }, data: { deletedAt: new Date() } });
    expect(await db.contributionImageFile.count({ where: { imageId: image.id } })).toBe(0);
    expect((await get(image.id, "large", null)).status).toBe(404);
  });

  it("refuses a log entry naming a photo of another contribution", async () => {
    const a = await postWithPhotos([upload(await png())]);
    const b = await postWithPhotos([upload(await png())]);
    await expect(
      db.moderationAction.create({
        data: { dialogueId: dialogue.id, actorId: moderator.id, type: "HIDE_IMAGE", contributionId: a.contribution.id, contributionImageId: b.images[0]!.id, category: "SPAM", reason: "x" },
      }),
    ).rejects.toThrow(/moderation_image_of_contribution/);
  });
});

describe("exports", () => {
  it("list each photo with its description and address, never its bytes; a hidden one only with hidden content", async () => {
    const own = await dialogueIn("COLLECTING");
    const writer = await participant(own.id);
    const ownModerator = await memberAs(own.id, "MODERATOR");
    const contribution = await createContribution(writer, postInput(own), [upload(await png(), "Volle Turnhalle"), upload(await png(), "Handzettel", 1)]);
    const [shown, hidden] = await db.contributionImage.findMany({ where: { contributionId: contribution.id }, orderBy: { position: "asc" } });
    await hideImage(ownModerator, { imageId: hidden!.id, category: "PERSONAL_DATA", reason: "Name lesbar" });

    const read = async (includeHidden: boolean) => {
      const file = await exportDialogue(ownModerator, { dialogueId: own.id, format: "json", includeHidden, origin: "https://mitreden.example" });
      return JSON.parse(await new Response(file.body).text()) as { images: Record<string, unknown>[]; contributions: Record<string, unknown>[] };
    };
    const plain = await read(false);
    expect(plain.images.map((row) => [row.altText, row.altLanguage, row.url])).toEqual([["Volle Turnhalle", "de", expect.stringMatching(new RegExp(`/api/photos/${shown!.id}/large$`))]]);
    expect(plain.contributions.find((row) => row.id === contribution.id)?.imageCount).toBe(1);
    const all = await read(true);
    expect(all.images.map((row) => [row.altText, row.hidden])).toEqual(expect.arrayContaining([["Volle Turnhalle", false], ["Handzettel", true]]));
    expect(JSON.stringify(all)).not.toMatch(/UklGR|base64/);
  });

  it("the open-data API and the own-data download list the visible photos with description and addresses, never a hidden one, never the bytes", async () => {
    const own = await dialogueIn("COLLECTING");
    const writer = await participant(own.id);
    const contribution = await createContribution(writer, postInput(own), [upload(await png(300, 200), "Volle Turnhalle"), upload(await png(), "Handzettel mit Namen", 1)]);
    const [shown, hidden] = await db.contributionImage.findMany({ where: { contributionId: contribution.id }, orderBy: { position: "asc" } });
    await hideImage(await memberAs(own.id, "MODERATOR"), { imageId: hidden!.id, category: "PERSONAL_DATA", reason: "Name lesbar" });
    const listed = [
      {
        id: shown!.id,
        position: 0,
        description: "Volle Turnhalle",
        language: "de",
        phone: { url: expect.stringMatching(new RegExp(`^https?://[^/]+/api/photos/${shown!.id}/phone$`)), width: 300, height: 200 },
        large: { url: expect.stringMatching(new RegExp(`^https?://[^/]+/api/photos/${shown!.id}/large$`)), width: 300, height: 200 },
      },
    ];

    const open = JSON.parse(JSON.stringify(await listOpenContributions({ dialogueId: own.id }))) as { items: { id: string; photos: unknown }[] };
    expect(open.items.find((item) => item.id === contribution.id)?.photos).toEqual(listed);
    expect(pageOf(contributionSchema).safeParse({ data: open.items, links: { next: null } }).success).toBe(true);

    const download = await exportOwnData(writer);
    expect(download.account.contributions.find((item) => item.id === contribution.id)?.photos).toEqual(listed);
    const leaks = (text: string) => [text.includes("Handzettel mit Namen") && "hidden description", text.includes(hidden!.id) && "hidden id", /UklGR|base64/.test(text) && "bytes"].filter(Boolean);
    expect({ openData: leaks(JSON.stringify(open)), ownData: leaks(JSON.stringify(download)) }).toEqual({ openData: [], ownData: [] });
  });
});
