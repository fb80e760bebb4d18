"use server";

import { refresh } from "next/cache";
import { formAction, pageAction } from "@/lib/actions/form-action";
import { createInvitation, createInvitationInput } from "@/lib/invitations/create-invitation";
import { revokeInvitation, revokeInvitationInput } from "@/lib/invitations/revoke-invitation";
import { withQuery } from "@/lib/routes/paths";

/** Bound to the invitations page (decision 042); post/redirect/get back there: a reload does not create a second invitation. */
export const createInvitationAction = pageAction(createInvitationInput, async (input, { viewer, here, back }): Promise<void> => {
  const invitation = await createInvitation(viewer, input);
  back(withQuery(here, { created: invitation.id }));
});

export const revokeInvitationAction = formAction(revokeInvitationInput, async (input, { viewer }) => {
  await revokeInvitation(viewer, input);
  refresh();
});
