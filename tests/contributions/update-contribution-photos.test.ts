// Photos added on the edit form meet what happens to the contribution while they are decoded
// (decision 055): a withdrawal, hide or merge in the meantime ends the correction and no photo is
// stored; the database refuses a photo of such a contribution from any writer; two edits adding
// photos at once each get their own places, or the later one a message at its photo, never a
// clash on the unique position.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createContribution } from "@/lib/contributions/create-contribution";
import { updateContribution } from "@/lib/contributions/update-contribution";
import type { ImageUpload } from "@/lib/images/prepare-images";
import type { Prisma } from "@/lib/generated/prisma/client";
import { expectConstraint } from "@/tests/db/expect-constraint";
import { createContribution as createOther } from "@/tests/support/factories";
import { waitUntilSomeoneWaitsForALock } from "@/tests/support/locks";
import { appErrorOf, dialogueIn, participant, postInput } from "@/tests/support/participation";
import { fieldKeys } from "@/tests/support/viewers";

const png = () => sharp({ create: { width: 40, height: 30, channels: 3, background: "#336699" } }).png().toBuffer();
const upload = async (index: number, altText = "Die kaputte Rampe am Eingang"): Promise<ImageUpload> => ({ index, bytes: await png(), altText });

/** A contribution with one photo, by a new author, and the edit that author sends. */
async function withOnePhoto() {
  const dialogue = await dialogueIn("COLLECTING");
  const author = await participant(dialogue.id);
  const contribution = await createContribution(author, postInput(dialogue), [await upload(0)]);
  const edit = async (...indexes: number[]) =>
    updateContribution(author, { contributionId: contribution.id, title: "WLAN in Haus 3", body: "Seit Wochen kein Internet." }, await Promise.all(indexes.map((index) => upload(index))));
  return { dialogue, contribution, edit };
}

/**
 * Holds the contribution's row in a transaction of its own (after `change`, if any) until
 * `release` is called: what a withdrawal, hide or merge in flight, or a first edit, looks like.
 */
async function holdRow(contributionId: string, change?: (tx: Prisma.TransactionClient) => Promise<unknown>) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let holding!: () => void;
  const held = new Promise<void>((resolve) => (holding = resolve));
  const done = db.$transaction(async (tx) => {
    if (change) await change(tx);
    else await tx.$queryRaw`SELECT 1 FROM "Contribution" WHERE "id" = ${contributionId}::uuid FOR UPDATE`;
    holding();
    await gate;
  });
  await held;
  return { release, done };
}

const positions = async (contributionId: string) =>
  (await db.contributionImage.findMany({ where: { contributionId }, orderBy: { position: "asc" }, select: { position: true } })).map((image) => image.position);

type Gone = "withdrawn" | "hidden" | "merged";
async function goneBy(how: Gone, contributionId: string, dialogueId: string): Promise<(tx: Prisma.TransactionClient) => Promise<unknown>> {
  const kept = how === "merged" ? await createOther({ dialogueId }) : null;
  const data: Record<Gone, Prisma.ContributionUpdateInput> = {
    withdrawn: { withdrawnAt: new Date() },
    hidden: { hiddenAt: new Date(), hiddenCategory: "SPAM" },
    merged: { mergedAt: new Date(), mergedInto: kept ? { connect: { id: kept.id } } : undefined },
  };
  return (tx) => tx.contribution.update({ where: { id: contributionId }, data: data[how] });
}

describe("photos added on the edit form", () => {
  it.each<Gone>(["withdrawn", "hidden", "merged"])("are not stored when the contribution is %s while they are decoded", async (how) => {
    const { dialogue, contribution, edit } = await withOnePhoto();
    const gone = await holdRow(contribution.id, await goneBy(how, contribution.id, dialogue.id));
    // The edit checked the contribution before the change was committed; it queues at the row.
    const editing = appErrorOf(edit(1, 2));
    await waitUntilSomeoneWaitsForALock();
    gone.release();
    await gone.done;

    expect((await editing).code).toBe("NOT_FOUND");
    expect(await positions(contribution.id)).toEqual([0]);
    expect((await db.contribution.findUniqueOrThrow({ where: { id: contribution.id } })).editedAt).toBeNull();
  });

  it.each<Gone>(["withdrawn", "hidden", "merged"])("are refused by the database for a %s contribution, whoever writes them", async (how) => {
    const { dialogue, contribution } = await withOnePhoto();
    await db.$transaction(await goneBy(how, contribution.id, dialogue.id));
    await expectConstraint(
      db.contributionImage.create({
        data: { contributionId: contribution.id, position: 1, altText: "Flyer", altLanguage: "de", width: 40, height: 30, largeWidth: 40, largeHeight: 30 },
      }),
      "contribution_image_of_visible_contribution",
    );
  });

  it("of two edits at once each get a place of their own", async () => {
    const { contribution, edit } = await withOnePhoto();
    const first = await holdRow(contribution.id);
    const edits = [edit(1), edit(1)];
    await waitUntilSomeoneWaitsForALock(2);
    first.release();
    await first.done;

    await Promise.all(edits);
    expect(await positions(contribution.id)).toEqual([0, 1, 2]);
  });

  it("of two edits at once that do not both fit: the later one is told at its photo, and nothing of it is stored", async () => {
    const { contribution, edit } = await withOnePhoto();
    const first = await holdRow(contribution.id);
    const edits = [edit(1, 2), edit(1, 2)].map((editing) => editing.then(() => null, (error: unknown) => error));
    await waitUntilSomeoneWaitsForALock(2);
    first.release();
    await first.done;

    const outcomes = await Promise.all(edits);
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(1);
    const refused = await appErrorOf(Promise.reject(outcomes.find((outcome) => outcome !== null)));
    expect(refused.code).toBe("INVALID_INPUT");
    expect(fieldKeys(refused, "photo1")).toEqual(["images.errors.noPlace"]);
    expect(await positions(contribution.id)).toEqual([0, 1, 2]);
    // A stale form whose photos no longer fit is told before anything is decoded or counted.
    expect(fieldKeys(await appErrorOf(edit(2)), "photo2")).toEqual(["images.errors.noPlace"]);
  });
});

// Each photo has its own "remove" box on the edit form (decision 075): one is taken off, the
// others stay, in their order, and the place it leaves is free for a new one.
describe("photos taken off on the edit form", () => {
  const text = { title: "WLAN in Haus 3", body: "Seit Wochen kein Internet." };
  async function withThreePhotos() {
    const dialogue = await dialogueIn("COLLECTING");
    const author = await participant(dialogue.id);
    const contribution = await createContribution(author, postInput(dialogue), [await upload(0, "Die Rampe"), await upload(1, "Der Flur"), await upload(2, "Die Stufen")]);
    const images = await db.contributionImage.findMany({ where: { contributionId: contribution.id }, orderBy: { position: "asc" } });
    return { dialogue, author, contribution, images };
  }
  const described = async (contributionId: string) =>
    (await db.contributionImage.findMany({ where: { contributionId }, orderBy: { position: "asc" } })).map((image) => [image.position, image.altText]);

  it("takes off the one ticked, moves the ones after it up, and lets a new one take the free place", async () => {
    const { author, contribution, images } = await withThreePhotos();
    await updateContribution(author, { contributionId: contribution.id, ...text }, [], [images[1]!.id]);
    expect(await described(contribution.id)).toEqual([
      [0, "Die Rampe"],
      [1, "Die Stufen"],
    ]);
    expect(await db.contributionImageFile.count({ where: { imageId: images[1]!.id } })).toBe(0);

    // Taken off and added in one correction: the new one goes after those left.
    await updateContribution(author, { contributionId: contribution.id, ...text }, [await upload(2, "Das Fenster")], [images[0]!.id]);
    expect(await described(contribution.id)).toEqual([
      [0, "Die Stufen"],
      [1, "Das Fenster"],
    ]);
  });

  it("is refused to anyone but the author, and for a photo in the moderation log", async () => {
    const { dialogue, author, contribution, images } = await withThreePhotos();
    const other = await participant(dialogue.id);
    expect((await appErrorOf(updateContribution(other, { contributionId: contribution.id, ...text }, [], [images[0]!.id]))).code).toBe("FORBIDDEN");
    // Another contribution's photo is not this correction's to take off.
    const elsewhere = await withThreePhotos();
    await updateContribution(author, { contributionId: contribution.id, ...text }, [], [elsewhere.images[0]!.id]);
    expect(await db.contributionImage.count({ where: { contributionId: elsewhere.contribution.id } })).toBe(3);
    expect(await db.contributionImage.count({ where: { contributionId: contribution.id } })).toBe(3);

    await db.contributionImage.update({ where: { id: images[2]!.id }, data: { hiddenAt: new Date(), hiddenCategory: "SPAM" } });
    expect((await appErrorOf(updateContribution(author, { contributionId: contribution.id, ...text }, [], [images[2]!.id]))).code).toBe("FORBIDDEN");
    expect(await db.contributionImage.count({ where: { contributionId: contribution.id } })).toBe(3);
  });
});
