"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { createDialogue } from "@/lib/dialogues/create-dialogue";
import { dialogueFieldsFromForm } from "@/lib/dialogues/dialogue-fields";
import { slugSchema } from "@/lib/dialogues/slug";
import { redirect } from "@/lib/i18n/navigation";
import { locales } from "@/lib/i18n/routing";

// The domain function checks the fields; this only names where to go afterwards.
const page = z.looseObject({ locale: z.enum(locales), municipality: slugSchema, municipalityId: z.string() });

export const createDialogueAction = formAction(page, async ({ locale, municipality, municipalityId, ...fields }, { viewer }) => {
  const dialogue = await createDialogue(viewer, { municipalityId, ...dialogueFieldsFromForm(fields) });
  redirect({ href: { pathname: `/${municipality}/${dialogue.slug}/manage`, query: { done: "created" } }, locale });
});
