"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { locales } from "@/lib/i18n/routing";
import { setFollowing, setFollowingInput } from "@/lib/notifications/set-following";
import { type Path } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";

/**
 * Follow or unfollow a contribution or a dialogue (decision 030), from its page or the account
 * page: a plain form, so it works without JavaScript (post/redirect/get back to `back`, a path
 * of this site within the locale — never another host).
 */
export const setFollowingAction = formAction(
  setFollowingInput.extend({ locale: z.enum(locales), back: z.string().regex(/^\/[a-z0-9][a-z0-9/-]*$/) }),
  async ({ locale, back, ...input }, { viewer }): Promise<void> => {
    await setFollowing(viewer, input);
    refresh();
    redirectTo(locale, back as Path);
  },
);
