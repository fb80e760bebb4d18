// Photos chosen before an offer of similar contributions are kept on the server (decision 061):
// re-encoded at the first post, the person's own, for hours; the post that follows takes them
// without sending them again; "support this instead", a newer offer, the account's deletion and
// the hourly job let them go. Nobody else can use them, and nothing serves or lists them.
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { deleteAccount } from "@/lib/accounts/delete-account";
import { exportOwnData } from "@/lib/accounts/export-own-data";
import { createContribution } from "@/lib/contributions/create-contribution";
import { db } from "@/lib/db/client";
import { getImageFile } from "@/lib/images/image-file";
import { deleteExpiredPendingPhotos, discardPendingPhotos, keepPendingPhotos, KEPT_PHOTOS_FIELD, keptPhotosOf, keptPhotosOfForm, PENDING_PHOTO_HOURS, type KeptPhoto } from "@/lib/images/pending-photos";
import { keptAfterRefusal } from "@/lib/images/kept-photos";
import { removePhotoField } from "@/lib/images/limits";
import type { ImageUpload } from "@/lib/images/prepare-images";
import { HANDLERS } from "@/lib/jobs/workers";
import { QUEUES } from "@/lib/jobs/queues";
import type { DialogueWithThemes } from "@/tests/support/factories";
import { appErrorOf, dialogueIn, participant, postInput } from "@/tests/support/participation";
import { fieldKeys } from "@/tests/support/viewers";

const HOUR = 60 * 60 * 1000;

/** A phone's JPEG with its GPS position. */
const phoneJpeg = () =>
  sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 20, g: 120, b: 40 } } })
    .jpeg()
    .withExifMerge({ IFD0: { Make: "CheapPhone" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 31/1 12/1", GPSLongitudeRef: "E", GPSLongitude: "13/1 24/1 18/1" } })
    .toBuffer();
const upload = async (index: number, altText: string): Promise<ImageUpload> => ({ index, bytes: new Uint8Array(await phoneJpeg()), altText });

let dialogue: DialogueWithThemes;
let other: DialogueWithThemes;
beforeAll(async () => {
  dialogue = await dialogueIn("COLLECTING");
  other = await dialogueIn("COLLECTING");
});

describe("photos kept over an offer", () => {
  it("are re-encoded at the first post and taken by the one that follows, in their fields' order", async () => {
    const writer = await participant(dialogue.id);
    const kept = await keepPendingPhotos(writer, dialogue.id, [await upload(0, "Die Rampe"), await upload(2, "Die Stufen")]);
    expect(kept.map(({ field, altText }) => [field, altText])).toEqual([
      [0, "Die Rampe"],
      [2, "Die Stufen"],
    ]);
    // Kept re-encoded: nothing of the phone's file.
    const rows = await db.pendingPhoto.findMany({ where: { ownerId: writer.id } });
    const seen = [];
    for (const row of rows) seen.push({ exif: (await sharp(row.largeBytes).metadata()).exif ?? null, phone: Buffer.from(row.largeBytes).includes(Buffer.from("CheapPhone")) });
    expect(seen).toEqual(rows.map(() => ({ exif: null, phone: false })));

    // The post after the offer: a new photo in the free middle field, the kept ones around it.
    const contribution = await createContribution(writer, postInput(dialogue, { language: "de" }), [await upload(1, "Der Flur")], kept);
    const images = await db.contributionImage.findMany({ where: { contributionId: contribution.id }, orderBy: { position: "asc" } });
    expect(images.map((image) => [image.position, image.altText, image.altLanguage])).toEqual([
      [0, "Die Rampe", "de"],
      [1, "Der Flur", "de"],
      [2, "Die Stufen", "de"],
    ]);
    expect(await db.pendingPhoto.count({ where: { ownerId: writer.id } })).toBe(0);
    // Taken once: a second post naming them is told they are gone.
    const again = await appErrorOf(createContribution(writer, postInput(dialogue), [], kept));
    expect(fieldKeys(again, "photo0")).toEqual(["images.errors.keptGone"]);
  });

  it("cannot be used by anyone else, nor in another dialogue: told as gone, and still there for their owner", async () => {
    const owner = await participant(dialogue.id);
    const stranger = await participant(dialogue.id);
    await participant(other.id);
    const kept = await keepPendingPhotos(owner, dialogue.id, [await upload(0, "Mein Foto")]);
    const before = await db.contribution.count({ where: { dialogueId: dialogue.id } });

    const refused = await appErrorOf(createContribution(stranger, postInput(dialogue), [], kept));
    expect(refused.code).toBe("INVALID_INPUT");
    expect(fieldKeys(refused, "photo0")).toEqual(["images.errors.keptGone"]);
    const elsewhere = await appErrorOf(createContribution(await memberOf(other.id, owner.id), postInput(other), [], kept));
    expect(fieldKeys(elsewhere, "photo0")).toEqual(["images.errors.keptGone"]);
    expect(await db.contribution.count({ where: { dialogueId: dialogue.id } })).toBe(before);
    expect(await db.pendingPhoto.count({ where: { id: kept[0]!.id, ownerId: owner.id } })).toBe(1);

    // Nothing serves a kept photo: the photo route knows only published photos.
    expect(await getImageFile(owner, kept[0]!.id, "PHONE")).toBeNull();
    expect(await getImageFile(stranger, kept[0]!.id, "LARGE")).toBeNull();
    // Nor lists it: the own-data download has no photo before one is posted.
    expect(JSON.stringify(await exportOwnData(owner))).not.toContain(kept[0]!.id);

    // The owner posts with it.
    const posted = await createContribution(owner, postInput(dialogue), [], kept);
    expect(await db.contributionImage.count({ where: { contributionId: posted.id } })).toBe(1);
  });

  it("are kept only for the sender's newest offer, and let go by 'support this instead' and by the account's deletion", async () => {
    const writer = await participant(dialogue.id);
    const first = await keepPendingPhotos(writer, dialogue.id, [await upload(0, "Erstes")]);
    const second = await keepPendingPhotos(writer, dialogue.id, [await upload(1, "Zweites")]);
    expect((await db.pendingPhoto.findMany({ where: { ownerId: writer.id }, select: { id: true } })).map((row) => row.id)).toEqual([second[0]!.id]);
    expect(fieldKeys(await appErrorOf(createContribution(writer, postInput(dialogue), [], first)), "photo0")).toEqual(["images.errors.keptGone"]);

    await discardPendingPhotos(writer.id);
    expect(await db.pendingPhoto.count({ where: { ownerId: writer.id } })).toBe(0);

    await keepPendingPhotos(writer, dialogue.id, [await upload(0, "Drittes")]);
    await deleteAccount(writer, { confirm: true });
    expect(await db.pendingPhoto.count({ where: { ownerId: writer.id } })).toBe(0);
  });

  it("are not kept for someone who may not post in the dialogue, nor for a photo at fault", async () => {
    const outsider = await participant(other.id);
    expect((await appErrorOf(keepPendingPhotos(outsider, dialogue.id, [await upload(0, "Foto")]))).code).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect((await appErrorOf(keepPendingPhotos(null, dialogue.id, [await upload(0, "Foto")]))).code).toBe("UNAUTHENTICATED");
    const writer = await participant(dialogue.id);
    const refused = await appErrorOf(keepPendingPhotos(writer, dialogue.id, [{ index: 1, bytes: new TextEncoder().encode("<svg/>"), altText: "" }]));
    expect(fieldKeys(refused, "photo1")).toEqual(["images.errors.notImage"]);
    expect(fieldKeys(refused, "photo1Alt")).toEqual(["images.errors.altRequired"]);
    expect(await db.pendingPhoto.count({ where: { OR: [{ ownerId: outsider.id }, { ownerId: writer.id }] } })).toBe(0);
  });

  it(`expire after ${PENDING_PHOTO_HOURS} hours: unusable then, and deleted by the hourly job`, async () => {
    const writer = await participant(dialogue.id);
    const past = new Date(Date.now() - (PENDING_PHOTO_HOURS * HOUR + 60_000));
    const old = await keepPendingPhotos(writer, dialogue.id, [await upload(0, "Alt")], past);
    const fresher = await participant(dialogue.id);
    const fresh = await keepPendingPhotos(fresher, dialogue.id, [await upload(0, "Neu")]);

    expect(fieldKeys(await appErrorOf(createContribution(writer, postInput(dialogue), [], old)), "photo0")).toEqual(["images.errors.keptGone"]);
    expect(await HANDLERS[QUEUES.pendingPhotoCleanup]({})).toMatchObject({ deleted: expect.any(Number) });
    expect(await db.pendingPhoto.count({ where: { id: old[0]!.id } })).toBe(0);
    expect(await db.pendingPhoto.count({ where: { id: fresh[0]!.id } })).toBe(1);
    expect((await deleteExpiredPendingPhotos()).deleted).toBe(0);
  });

  it("are refused by the database beyond a day, or with a description left empty", async () => {
    const writer = await participant(dialogue.id);
    const [photo] = await keepPendingPhotos(writer, dialogue.id, [await upload(0, "Foto")]);
    await expect(db.pendingPhoto.update({ where: { id: photo!.id }, data: { expiresAt: new Date(Date.now() + 30 * HOUR) } })).rejects.toThrow(/pending_photo_kept_briefly/);
    await expect(db.pendingPhoto.update({ where: { id: photo!.id }, data: { altText: "  " } })).rejects.toThrow(/pending_photo_alt_text/);
  });
});

describe("the form's kept photos", () => {
  const id = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
  it.each<[string, string | undefined, KeptPhoto[]]>([
    ["kept photos", JSON.stringify([{ id, field: 1, altText: "Rampe" }]), [{ id, field: 1, altText: "Rampe" }]],
    ["nothing", undefined, []],
    ["no JSON", "{", []],
    ["a field out of range", JSON.stringify([{ id, field: 3, altText: "x" }]), []],
    ["no id", JSON.stringify([{ id: "1; DROP", field: 0, altText: "x" }]), []],
    ["two in one field (the first counts)", JSON.stringify([{ id, field: 0, altText: "a" }, { id, field: 0, altText: "b" }]), [{ id, field: 0, altText: "a" }]],
  ])("are read from %s", (_, value, expected) => {
    expect(keptPhotosOf(value)).toEqual(expected);
  });
});

// Each kept photo has its own "remove" box (decision 075): ticked, that photo alone is let go,
// and after a refused post its field comes back empty.
describe("a kept photo ticked 'remove'", () => {
  const [a, b] = ["0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c"];
  const values = { [KEPT_PHOTOS_FIELD]: JSON.stringify([{ id: a, field: 0, altText: "Rampe" }, { id: b, field: 2, altText: "Stufen" }]), photo0Alt: "Rampe", photo2Alt: "Stufen" };

  it("is parted from the others, and its description is not typed into the freed field", () => {
    const ticked = { ...values, [removePhotoField(b)]: "on" };
    expect(keptPhotosOfForm(ticked)).toEqual({ kept: [{ id: a, field: 0, altText: "Rampe" }], removed: [{ id: b, field: 2, altText: "Stufen" }] });
    expect(keptAfterRefusal({ values: ticked, fieldErrors: {} })).toEqual({ kept: [{ id: a, field: 0, altText: "Rampe" }], values: { ...values, [removePhotoField(b)]: "on", photo2Alt: undefined } });
    expect(keptPhotosOfForm(values).removed).toEqual([]);
  });

  it("is deleted alone, and a post after it takes the others", async () => {
    const writer = await participant(dialogue.id);
    const kept = await keepPendingPhotos(writer, dialogue.id, [await upload(0, "Die Rampe"), await upload(2, "Die Stufen")]);
    await discardPendingPhotos(writer.id, [kept[1]!.id]);
    expect((await db.pendingPhoto.findMany({ where: { ownerId: writer.id } })).map((row) => row.altText)).toEqual(["Die Rampe"]);
    const contribution = await createContribution(writer, postInput(dialogue), [], [kept[0]!]);
    expect((await db.contributionImage.findMany({ where: { contributionId: contribution.id } })).map((image) => image.altText)).toEqual(["Die Rampe"]);
  });
});

/** `userId` as a member of another dialogue too. */
async function memberOf(dialogueId: string, userId: string) {
  const { addMember } = await import("@/tests/support/factories");
  const { viewerOf } = await import("@/tests/support/viewers");
  await addMember(dialogueId, userId, "PARTICIPANT", { codeOfConductAcceptedAt: new Date() });
  return viewerOf(userId);
}
