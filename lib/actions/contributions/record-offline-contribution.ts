"use server";

import { pageAction } from "@/lib/actions/form-action";
import { recordOfflineContribution, recordOfflineContributionInput } from "@/lib/contributions/record-offline-contribution";

export const recordOfflineContributionAction = pageAction(recordOfflineContributionInput, async (input, { viewer, paths, back }) => {
  const contribution = await recordOfflineContribution(viewer, input);
  // Post/redirect/get (a reload does not enter it twice) to the receipt slip the recorder
  // hands to the person (decision 032).
  back(paths.receipt(contribution.id));
});
