"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { createContribution, createContributionInput } from "@/lib/contributions/create-contribution";
import { slugSchema } from "@/lib/dialogues/slug";
import { setFlash } from "@/lib/flash/flash";
import { locales } from "@/lib/i18n/routing";
import { dialoguePaths, withQuery } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";

// Where to go afterwards: server actions cannot read the route's params, so the form names them.
const page = z.object({ locale: z.enum(locales), municipality: slugSchema, dialogue: slugSchema });

export const createContributionAction = formAction(
  createContributionInput.extend(page.shape),
  async ({ locale, municipality, dialogue, ...input }, { viewer }): Promise<void> => {
    const contribution = await createContribution(viewer, input);
    // Post/redirect/get: a reload does not post it twice. The page says it is published.
    await setFlash("posted");
    redirectTo(locale, withQuery(dialoguePaths(municipality, dialogue).contribution(contribution.id), {}, "flash"));
  },
);
