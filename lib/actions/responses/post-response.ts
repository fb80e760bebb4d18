"use server";

import { pageAction } from "@/lib/actions/form-action";
import { setFlash } from "@/lib/flash/flash";
import { postResponse, postResponseInput } from "@/lib/responses/post-response";

/** Staff or a host answers; back to the contribution's timeline (post/redirect/get). */
export const postResponseAction = pageAction(postResponseInput, async (input, { viewer, back }): Promise<void> => {
  await postResponse(viewer, input);
  await setFlash("answered");
  back("#flash");
});
