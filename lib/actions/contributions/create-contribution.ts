"use server";

import { z } from "zod";
import { pageAction } from "@/lib/actions/form-action";
import { createContribution, createContributionInput } from "@/lib/contributions/create-contribution";
import { imageUploadsOf } from "@/lib/images/prepare-images";
import { findSimilarContributions, type SimilarContribution } from "@/lib/contributions/find-similar-contributions";
import { setFlash } from "@/lib/flash/flash";
import { withQuery } from "@/lib/routes/paths";

/** The first post found contributions like it: the form shows them and keeps what was typed (decision 051). */
export type SimilarOffer = { similar: SimilarContribution[]; values: Record<string, string> };

export const createContributionAction = pageAction(
  createContributionInput.extend({ similarSeen: z.literal("1").optional() }),
  async ({ similarSeen, ...input }, { viewer, formData, paths, back }): Promise<SimilarOffer | void> => {
    // Before a first post goes out, the same need may be here already: offer to support it instead.
    // (Photos chosen are not kept by the offer: a file field cannot be filled again.)
    if (!similarSeen) {
      const similar = await findSimilarContributions(viewer, { dialogueId: input.dialogueId, title: input.title, body: input.body });
      if (similar.length > 0) return { similar, values: typedValues(formData) };
    }
    // Up to three photos with their descriptions (decision 050).
    const contribution = await createContribution(viewer, input, await imageUploadsOf(formData));
    // Post/redirect/get: a reload does not post it twice. The page says it is published.
    await setFlash("posted");
    back(withQuery(paths.contribution(contribution.id), {}, "flash"));
  },
);

function typedValues(formData: FormData): Record<string, string> {
  return Object.fromEntries([...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string" && !entry[0].startsWith("$ACTION")));
}
