"use server";

import { pageAction } from "@/lib/actions/form-action";
import { createContribution, createContributionInput } from "@/lib/contributions/create-contribution";
import { setFlash } from "@/lib/flash/flash";
import { withQuery } from "@/lib/routes/paths";

export const createContributionAction = pageAction(createContributionInput, async (input, { viewer, paths, back }) => {
  const contribution = await createContribution(viewer, input);
  // Post/redirect/get: a reload does not post it twice. The page says it is published.
  await setFlash("posted");
  back(withQuery(paths.contribution(contribution.id), {}, "flash"));
});
