"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { slugSchema } from "@/lib/dialogues/slug";
import { createInvitation, createInvitationInput } from "@/lib/invitations/create-invitation";
import { revokeInvitation, revokeInvitationInput } from "@/lib/invitations/revoke-invitation";
import { locales } from "@/lib/i18n/routing";
import { dialoguePaths, withQuery } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";

// Where to come back to. Server actions cannot read the route's params or root params, so the
// form names them; they only build a path on this site.
const page = z.object({ locale: z.enum(locales), municipality: slugSchema, dialogue: slugSchema });

export const createInvitationAction = formAction(
  createInvitationInput.extend(page.shape),
  async ({ locale, municipality, dialogue, ...input }, { viewer }): Promise<void> => {
    const invitation = await createInvitation(viewer, input);
    // Post/redirect/get: a reload does not create a second invitation.
    redirectTo(locale, withQuery(dialoguePaths(municipality, dialogue).invitations, { created: invitation.id }));
  },
);

export const revokeInvitationAction = formAction(revokeInvitationInput, async (input, { viewer }) => {
  await revokeInvitation(viewer, input);
  refresh();
});
