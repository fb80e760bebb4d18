"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { slugSchema } from "@/lib/dialogues/slug";
import { redirect } from "@/lib/i18n/navigation";
import { locales } from "@/lib/i18n/routing";
import { machineTranslate, machineTranslateFields } from "@/lib/translations/machine-translate";

const page = z.object({ locale: z.enum(locales), municipality: slugSchema, dialogue: slugSchema });

/** A reader's machine translation of the dialogue's own texts; back to the dialogue, now in their language. */
export const requestDialogueTranslationAction = formAction(
  machineTranslateFields.pick({ language: true }).extend({ dialogueId: z.uuid() }).extend(page.shape),
  async ({ locale, municipality, dialogue, dialogueId, language }, { viewer }): Promise<void> => {
    await machineTranslate(viewer, { dialogueId, language });
    refresh();
    redirect({ href: `/${municipality}/${dialogue}`, locale });
  },
);
