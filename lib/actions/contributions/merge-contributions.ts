"use server";

import { pageAction } from "@/lib/actions/form-action";
import { mergeContributions, mergeContributionsInput } from "@/lib/contributions/merge-contributions";
import { withQuery } from "@/lib/routes/paths";

/** The host team merges a duplicate into another (decision 051) and lands on the kept one. */
export const mergeContributionsAction = pageAction(mergeContributionsInput, async (input, { viewer, paths, back }): Promise<void> => {
  const { keptId } = await mergeContributions(viewer, input);
  back(withQuery(paths.contribution(keptId), { merged: 1 }));
});
