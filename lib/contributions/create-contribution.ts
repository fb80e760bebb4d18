import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { completeLocales } from "@/lib/i18n/routing";
import { followOnTakingPart } from "@/lib/notifications/follows";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import type { Message } from "@/lib/validation";
import { acceptedRules, rulesSeenFields } from "@/lib/host-texts/code-of-conduct";
import { perspectiveSnapshot } from "@/lib/perspectives/perspective-snapshot";
import { languageTagSchema } from "@/lib/i18n/language-tag";
import { countPhotoUploads, parseInputWithPhotos, prepareImages, storeImages, type ImageUpload } from "@/lib/images/prepare-images";
import { pendingPhotosFor, takePendingPhotos, type KeptPhoto } from "@/lib/images/pending-photos";
import { placeInput } from "@/lib/districts/place";
import { resolvePlace } from "@/lib/districts/resolve-place";

export const TITLE_MAX = 200;
export const BODY_MAX = 5000;

export const createContributionInput = z.object({
  dialogueId: z.uuid(),
  kind: z.enum(["NEED", "PROPOSAL"]),
  themeId: z.uuid(),
  title: z.string().trim().min(1).max(TITLE_MAX),
  body: z.string().trim().min(1).max(BODY_MAX),
  /** Where it is about (decision 049): a district of the municipality, the whole town, or not said. */
  place: placeInput,
  language: languageTagSchema,
  /** Needed for a first post in the dialogue: refused below when it is needed and not ticked. */
  acceptCodeOfConduct: z.boolean().default(false),
  ...rulesSeenFields,
});

/** The languages a contribution may be written in: every UI language and the dialogue's own. */
export function contributionLanguages(dialogueLanguages: readonly string[]): string[] {
  // Einfache Sprache is a way of writing the interface, not a language people write in: a text
  // by someone using it is German.
  return [...new Set<string>([...completeLocales, ...dialogueLanguages])];
}

/** The language a post starts in: the person's UI language, or German for Einfache Sprache. */
export function contentLanguageOf(uiLocale: string): string {
  return (completeLocales as readonly string[]).includes(uiLocale) ? uiLocale : uiLocale.split("-")[0]!;
}

/**
 * A member posts a need or a proposal while the dialogue collects. The voice is theirs: the
 * author's perspective is stored as it is now (a snapshot, perspective-snapshot.ts). The first post of a person in a
 * dialogue needs the code of conduct accepted (docs/design.md, principle 5); that is recorded here.
 * `images`: up to three photos with their descriptions, re-encoded and stored with it (decision 050);
 * `kept`: photos of the first post kept over the offer of similar ones (decision 061), the
 * sender's own only, taken in its transaction. A photo field holds a kept photo or a new one.
 */
export async function createContribution(
  viewer: Viewer | null,
  input: z.input<typeof createContributionInput>,
  uploads: readonly ImageUpload[] = [],
  kept: readonly KeptPhoto[] = [],
) {
  const images = uploads.filter((upload) => !kept.some((photo) => photo.field === upload.index));
  // A refused text and a refused photo are told in one answer (decision 055).
  const data = await parseInputWithPhotos(createContributionInput, input, images);
  const resource = await dialogueResource(data.dialogueId);
  authorize(viewer, "contribution:create", resource);
  const userId = viewer.id;

  const [dialogue, membership, authorPerspective] = await Promise.all([
    db.dialogue.findUniqueOrThrow({
      where: { id: data.dialogueId },
      select: { languages: true, themes: { where: { themeId: data.themeId }, select: { themeId: true } } },
    }),
    db.membership.findUnique({
      where: { userId_dialogueId: { userId, dialogueId: data.dialogueId } },
      select: { codeOfConductAcceptedAt: true },
    }),
    perspectiveSnapshot(db, userId, resource.municipalityId),
  ]);
  const place = await resolvePlace(resource.municipalityId, data.place);
  const fieldErrors: Record<string, Message[]> = {};
  if (dialogue.themes.length === 0) fieldErrors.themeId = [{ key: "validation.invalid" }];
  if (!contributionLanguages(dialogue.languages).includes(data.language)) fieldErrors.language = [{ key: "validation.invalid" }];
  const mustAccept = !membership?.codeOfConductAcceptedAt;
  if (mustAccept && !data.acceptCodeOfConduct) fieldErrors.acceptCodeOfConduct = [{ key: "validation.required" }];
  await countPhotoUploads(userId, images);
  const prepared = await prepareImages(images);
  const pending = await pendingPhotosFor(userId, data.dialogueId, kept);
  Object.assign(fieldErrors, prepared.fieldErrors, pending.fieldErrors);
  if (Object.keys(fieldErrors).length > 0) throw new AppError("INVALID_INPUT", "invalid input", { fieldErrors });
  // Which rules, in which language, were accepted (checked to be the ones shown now).
  const rules = mustAccept ? (await acceptedRules(data.dialogueId, data)).columns : null;

  return db.$transaction(async (tx) => {
    if (rules) {
      // Staff run every dialogue of their municipality without joining; their first post makes them a participant.
      await tx.membership.upsert({
        where: { userId_dialogueId: { userId, dialogueId: data.dialogueId } },
        create: { userId, dialogueId: data.dialogueId, role: "PARTICIPANT", codeOfConductAcceptedAt: new Date(), ...rules },
        update: { codeOfConductAcceptedAt: new Date(), ...rules },
      });
    }
    const contribution = await tx.contribution.create({
      data: {
        dialogueId: data.dialogueId,
        themeId: data.themeId,
        kind: data.kind,
        title: data.title,
        body: data.body,
        ...place,
        language: data.language,
        authorId: userId,
        authorPerspective,
        source: "ONLINE",
      },
      select: { id: true, dialogueId: true },
    });
    await takePendingPhotos(tx, userId, kept);
    // Kept and new photos in the order of their fields.
    const photos = [...pending.images, ...prepared.images].sort((a, b) => a.field - b.field).map((image, position) => ({ ...image, position }));
    await storeImages(tx, contribution.id, data.language, photos);
    // The author follows what they wrote (decision 030).
    await followOnTakingPart(tx, userId, contribution.id);
    return contribution;
  });
}
