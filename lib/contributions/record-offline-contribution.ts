import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { countPhotoUploads, parseInputWithPhotos, prepareImages, storeImages, type ImageUpload } from "@/lib/images/prepare-images";
import { createReceipt } from "@/lib/receipts/create-receipt";
import { resolvePlace } from "@/lib/districts/resolve-place";
import { dialogueFieldErrors, refuseFieldErrors, writtenContributionInput } from "./contribution-core";
import { SELF_DECLARED_PERSPECTIVES } from "@/lib/perspectives/perspectives";

export const INTERPRETER_NAME_MAX = 100;

const optionalId = z.uuid().optional();

/** What a written post has, and how it reached us instead of the code of conduct (the voice has no account). */
export const recordOfflineContributionInput = writtenContributionInput
  .extend({
    source: z.enum(["MEETING", "PAPER", "INTERPRETED"]),
    meetingId: optionalId,
    interpreterName: z.string().trim().max(INTERPRETER_NAME_MAX).optional(),
    /**
     * The perspective of the person whose voice it is, as they told it. Never "municipal staff":
     * a voice without an account holds no role (docs/decisions/015).
     */
    perspective: z.enum(SELF_DECLARED_PERSPECTIVES),
    /** Whether the person agreed that others see it with the contribution (private otherwise). */
    showPerspective: z.boolean().default(false),
    readBackConfirmed: z.literal(true, { error: "onBehalf.readBackRequired" }),
  })
  .superRefine((entry, context) => {
    if (entry.source === "MEETING" && !entry.meetingId) {
      context.addIssue({ code: "custom", path: ["meetingId"], message: "onBehalf.meetingRequired" });
    }
    if (entry.source === "INTERPRETED" && !entry.interpreterName) {
      context.addIssue({ code: "custom", path: ["interpreterName"], message: "onBehalf.interpreterRequired" });
    }
  });

/**
 * Staff, the host team or a recorder enter what someone said at a meeting, wrote on paper or
 * told through an interpreter. The voice has no account here: the contribution has no author,
 * keeps the person's perspective, and names the viewer only as its recorder (docs/design.md,
 * principle 1: nobody speaks as someone else without a trace). It was read back and confirmed.
 */
export async function recordOfflineContribution(viewer: Viewer | null, input: z.input<typeof recordOfflineContributionInput>, images: readonly ImageUpload[] = []) {
  // A refused text and a refused photo are told in one answer (decision 055).
  const data = await parseInputWithPhotos(recordOfflineContributionInput, input, images);
  const resource = await dialogueResource(data.dialogueId);
  authorize(viewer, "contribution:create:on-behalf", resource);

  // A meeting of another dialogue (a forged id) is refused with the theme and the language.
  const fieldErrors = await dialogueFieldErrors(data, data.meetingId);
  // Photos of the flyer or the place, counted against the recorder (decision 055).
  await countPhotoUploads(viewer.id, images);
  const prepared = await prepareImages(images);
  refuseFieldErrors({ ...fieldErrors, ...prepared.fieldErrors });
  const place = await resolvePlace(resource.municipalityId, data.place);

  // The contribution and its receipt (decision 032) in one step: no voice without its slip.
  return db.$transaction(async (tx) => {
    const contribution = await tx.contribution.create({
      data: {
        dialogueId: data.dialogueId,
        themeId: data.themeId,
        kind: data.kind,
        title: data.title,
        body: data.body,
        ...place,
        language: data.language,
        // The voice: a person without an account here. Never the recorder.
        authorId: null,
        authorPerspective: data.perspective,
        voiceShowsPerspective: data.showPerspective,
        source: data.source,
        recordedById: viewer.id,
        meetingId: data.meetingId ?? null,
        interpreterName: data.interpreterName || null,
        readBackConfirmedAt: new Date(),
      },
      select: { id: true, dialogueId: true },
    });
    await storeImages(tx, contribution.id, data.language, prepared.images);
    await createReceipt(tx, contribution.id);
    return contribution;
  });
}
