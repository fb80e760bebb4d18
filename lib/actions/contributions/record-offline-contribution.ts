"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { recordOfflineContribution, recordOfflineContributionInput } from "@/lib/contributions/record-offline-contribution";
import { slugSchema } from "@/lib/dialogues/slug";
import { locales } from "@/lib/i18n/routing";
import { dialoguePaths } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";

const page = z.object({ locale: z.enum(locales), municipality: slugSchema, dialogue: slugSchema });

export const recordOfflineContributionAction = formAction(
  recordOfflineContributionInput.safeExtend(page.shape),
  async ({ locale, municipality, dialogue, ...input }, { viewer }): Promise<void> => {
    const contribution = await recordOfflineContribution(viewer, input);
    // Post/redirect/get (a reload does not enter it twice) to the receipt slip the recorder
    // hands to the person (decision 032).
    redirectTo(locale, dialoguePaths(municipality, dialogue).receipt(contribution.id));
  },
);
