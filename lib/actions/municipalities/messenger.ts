"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { saveChannel, saveChannelInput } from "@/lib/channels/configure-channel";
import { slugSchema } from "@/lib/dialogues/slug";
import { redirect } from "@/lib/i18n/navigation";
import { locales } from "@/lib/i18n/routing";

const page = z.object({ locale: z.enum(locales), municipality: slugSchema });

/** The messenger settings form (one per provider); authorization in saveChannel (channel:manage). */
export const saveChannelAction = formAction(
  saveChannelInput.and(page),
  async ({ locale, municipality, ...input }, { viewer }): Promise<void> => {
    await saveChannel(viewer, input);
    redirect({ href: { pathname: `/${municipality}/messenger`, query: { done: "saved" } }, locale });
  },
);
