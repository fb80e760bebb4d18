"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { saveChannel, saveChannelInput } from "@/lib/channels/configure-channel";
import { slugSchema } from "@/lib/dialogues/slug";
import { locales } from "@/lib/i18n/routing";
import { municipalityPaths, withQuery } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";

const page = z.object({ locale: z.enum(locales), municipality: slugSchema });

/** The messenger settings form (one per provider); authorization in saveChannel (channel:manage). */
export const saveChannelAction = formAction(
  saveChannelInput.and(page),
  async ({ locale, municipality, ...input }, { viewer }): Promise<void> => {
    await saveChannel(viewer, input);
    redirectTo(locale, withQuery(municipalityPaths(municipality).messenger, { done: "saved" }));
  },
);
