"use server";

import { z } from "zod";
import { formAction, formInput } from "@/lib/actions/form-action";
import { createDialogue } from "@/lib/dialogues/create-dialogue";
import { dialogueFields } from "@/lib/dialogues/dialogue-fields";
import { slugSchema } from "@/lib/dialogues/slug";
import { locales } from "@/lib/i18n/routing";
import { dialoguePaths, withQuery } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";

// The domain function checks the fields; this only names where to go afterwards.
const page = z.looseObject({ locale: z.enum(locales), municipality: slugSchema, municipalityId: z.string() });

export const createDialogueAction = formAction(page, async ({ locale, municipality, municipalityId }, { viewer, formData }): Promise<void> => {
  const dialogue = await createDialogue(viewer, { ...formInput(dialogueFields, formData), municipalityId });
  redirectTo(locale, withQuery(dialoguePaths(municipality, dialogue.slug).manage, { done: "created" }));
});
