"use server";

import { anyPageAction } from "@/lib/actions/form-action";
import { setFollowing, setFollowingInput } from "@/lib/notifications/set-following";

/**
 * Follow or unfollow a contribution or a dialogue (decision 030), from its page or the account
 * page: a plain form, so it works without JavaScript (post/redirect/get back to the page it is
 * bound to where the page renders it, decision 042).
 */
export const setFollowingAction = anyPageAction(setFollowingInput, async (input, { viewer, back }): Promise<void> => {
  await setFollowing(viewer, input);
  back();
});
