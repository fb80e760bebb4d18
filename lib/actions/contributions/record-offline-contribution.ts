"use server";

import { formInput, pageAction } from "@/lib/actions/form-action";
import { recordOfflineContribution, recordOfflineContributionInput } from "@/lib/contributions/record-offline-contribution";
import { imageUploadsOf } from "@/lib/images/prepare-images";
import { z } from "zod";

// The text is checked by recordOfflineContribution, not by the wrapper, so that a refused photo is
// told in the same answer as a refused title (decision 055).
export const recordOfflineContributionAction = pageAction(z.object({}), async (_input, { viewer, formData, paths, back }) => {
  const contribution = await recordOfflineContribution(viewer, formInput(recordOfflineContributionInput, formData), await imageUploadsOf(formData));
  // Post/redirect/get (a reload does not enter it twice) to the receipt slip the recorder
  // hands to the person (decision 032).
  back(paths.receipt(contribution.id));
});
