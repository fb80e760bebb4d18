"use server";

import { municipalityPageAction } from "@/lib/actions/form-action";
import { saveChannel, saveChannelInput } from "@/lib/channels/configure-channel";
import { withQuery } from "@/lib/routes/paths";

/** The messenger settings form (one per provider); authorization in saveChannel (channel:manage). */
export const saveChannelAction = municipalityPageAction(saveChannelInput, async (input, { viewer, here, back }): Promise<void> => {
  await saveChannel(viewer, input);
  back(withQuery(here, { done: "saved" }));
});
