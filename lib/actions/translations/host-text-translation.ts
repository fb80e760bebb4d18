"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { slugSchema } from "@/lib/dialogues/slug";
import { locales } from "@/lib/i18n/routing";
import { dialoguePaths, type Path } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";
import { machineTranslatePolls } from "@/lib/polls/machine-translate-polls";
import { machineTranslate, machineTranslateFields } from "@/lib/translations/machine-translate";

const page = z.object({ locale: z.enum(locales), municipality: slugSchema, dialogue: slugSchema });

/**
 * A reader's machine translation of the dialogue's own texts and its polls' questions and answers
 * (decision 048); back to the dialogue, now in their language.
 */
export const requestDialogueTranslationAction = formAction(
  machineTranslateFields.pick({ language: true }).extend({ dialogueId: z.uuid() }).extend(page.shape),
  async ({ locale, municipality, dialogue, dialogueId, language }, { viewer }): Promise<void> => {
    await machineTranslate(viewer, { dialogueId, language });
    await machineTranslatePolls(viewer, { dialogueId, language });
    refresh();
    redirectTo(locale, dialoguePaths(municipality, dialogue).home);
  },
);

/** A page of this app to go back to: one leading slash, plain path characters, nothing external. */
const backPath = z.string().regex(/^\/[a-z0-9-]+(\/[a-z0-9-]+)*$/);

/**
 * A reader's machine translation of a meeting's, an actor's or the municipality introduction's
 * texts, from the page that shows them; back to that page, now in their language.
 */
export const requestTextTranslationAction = formAction(
  machineTranslateFields
    .pick({ language: true, meetingId: true, actorId: true, municipalityId: true })
    .extend({ locale: z.enum(locales), back: backPath })
    .refine((value) => [value.meetingId, value.actorId, value.municipalityId].filter(Boolean).length === 1, { message: "validation.invalid", path: ["language"] }),
  async ({ locale, back, language, meetingId, actorId, municipalityId }, { viewer }): Promise<void> => {
    await machineTranslate(viewer, { language, meetingId, actorId, municipalityId });
    refresh();
    redirectTo(locale, back as Path);
  },
);
