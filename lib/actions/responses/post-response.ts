"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { slugSchema } from "@/lib/dialogues/slug";
import { setFlash } from "@/lib/flash/flash";
import { locales } from "@/lib/i18n/routing";
import { postResponse, postResponseInput } from "@/lib/responses/post-response";
import { dialoguePaths, withQuery } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";

const page = z.object({ locale: z.enum(locales), municipality: slugSchema, dialogue: slugSchema });

/** Staff or a host answers; back to the contribution's timeline (post/redirect/get). */
export const postResponseAction = formAction(postResponseInput.extend(page.shape), async ({ locale, municipality, dialogue, ...input }, { viewer }): Promise<void> => {
  await postResponse(viewer, input);
  await setFlash("answered");
  refresh();
  redirectTo(locale, withQuery(dialoguePaths(municipality, dialogue).contribution(input.contributionId), {}, "flash"));
});
