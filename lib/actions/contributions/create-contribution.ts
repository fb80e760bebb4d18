"use server";

import { pageAction } from "@/lib/actions/form-action";
import { createContribution, createContributionInput } from "@/lib/contributions/create-contribution";
import { imageUploadsOf } from "@/lib/images/prepare-images";
import { setFlash } from "@/lib/flash/flash";
import { withQuery } from "@/lib/routes/paths";

export const createContributionAction = pageAction(createContributionInput, async (input, { viewer, formData, paths, back }) => {
  // Up to three photos with their descriptions (decision 050).
  const contribution = await createContribution(viewer, input, await imageUploadsOf(formData));
  // Post/redirect/get: a reload does not post it twice. The page says it is published.
  await setFlash("posted");
  back(withQuery(paths.contribution(contribution.id), {}, "flash"));
});
