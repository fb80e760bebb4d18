"use server";

import { z } from "zod";
import { formInput, pageAction, textValues } from "@/lib/actions/form-action";
import { createContribution, createContributionInput } from "@/lib/contributions/create-contribution";
import { imageUploadsOf } from "@/lib/images/prepare-images";
import { discardPendingPhotos, keepPendingPhotos, keptPhotosOfForm, type KeptPhoto } from "@/lib/images/pending-photos";
import { findSimilarContributions, type SimilarContribution } from "@/lib/contributions/find-similar-contributions";
import { setFlash } from "@/lib/flash/flash";
import { withinLimit } from "@/lib/rate-limit";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { withQuery } from "@/lib/routes/paths";

/**
 * The first post found contributions like it: the form shows them and keeps what was typed
 * (decision 051). `kept`: the photos it carried, re-encoded and kept for the person, which the
 * post that follows takes without sending them again (decision 061).
 */
export type SimilarOffer = { similar: SimilarContribution[]; values: Record<string, string>; kept: KeptPhoto[] };

// The text is checked by createContribution, not by the wrapper, so that a refused photo is told
// in the same answer as a refused title (decision 055).
export const createContributionAction = pageAction(
  z.object({ similarSeen: z.literal("1").optional() }),
  async ({ similarSeen }, { viewer, formData, paths, back }): Promise<SimilarOffer | void> => {
    const values = textValues(formData);
    // Up to three photos with their descriptions (decision 050), and those kept over an offer (decision 061).
    const uploads = await imageUploadsOf(formData);
    const input = formInput(createContributionInput, formData);
    // A kept photo whose "remove" box is ticked is let go, and its field takes a new one (decision 075).
    const { kept, removed } = keptPhotosOfForm(values);
    if (viewer && removed.length > 0) await discardPendingPhotos(viewer.id, removed.map((photo) => photo.id));
    const text = createContributionInput.safeParse(input);
    // Before a first post goes out, the same need may be here already: offer to support it instead.
    // The lookup counts against the limit of the lookup while typing (a scripted post without
    // similarSeen would otherwise run it unlimited); over it, the post goes out without the offer.
    if (!similarSeen && text.success && viewer && (await withinLimit("similarLookupsPerPerson", `person:${viewer.id}`))) {
      const similar = await findSimilarContributions(viewer, { dialogueId: text.data.dialogueId, title: text.data.title, body: text.data.body }).catch(
        (error: unknown) => {
          // The offer helps; it is no condition of posting. A lookup the database could not answer
          // (its transaction found no connection in time, under load) lets the post go out.
          if (isAppError(error)) throw error;
          logger().warn({ event: "contributions.similar_failed", err: { name: (error as Error).name, message: (error as Error).message } }, "similar lookup failed; posting without the offer");
          return [];
        },
      );
      if (similar.length > 0) {
        // The photos are kept for the post that follows (a photo at fault is told now, not after the offer).
        return { similar, values, kept: await keepPendingPhotos(viewer, text.data.dialogueId, uploads) };
      }
    }
    const contribution = await createContribution(viewer, input, uploads, kept);
    // Post/redirect/get: a reload does not post it twice. The page says it is published.
    await setFlash("posted");
    back(withQuery(paths.contribution(contribution.id), {}, "flash"));
  },
);
