"use server";

import { z } from "zod";
import { anyPageAction, pageAction } from "@/lib/actions/form-action";
import { machineTranslatePolls } from "@/lib/polls/machine-translate-polls";
import { machineTranslate, machineTranslateFields } from "@/lib/translations/machine-translate";

/**
 * A reader's machine translation of the dialogue's own texts and its polls' questions and answers
 * (decision 048), from the dialogue page (bound to it there, decision 042); back there, now in their language.
 */
export const requestDialogueTranslationAction = pageAction(
  machineTranslateFields.pick({ language: true }).extend({ dialogueId: z.uuid() }),
  async ({ dialogueId, language }, { viewer, back }): Promise<void> => {
    await machineTranslate(viewer, { dialogueId, language });
    await machineTranslatePolls(viewer, { dialogueId, language });
    back();
  },
);

/**
 * A reader's machine translation of a meeting's, an actor's or the municipality introduction's
 * texts, from the page that shows them (bound to it there); back to that page, now in their language.
 */
export const requestTextTranslationAction = anyPageAction(
  machineTranslateFields
    .pick({ language: true, meetingId: true, actorId: true, municipalityId: true })
    .refine((value) => [value.meetingId, value.actorId, value.municipalityId].filter(Boolean).length === 1, { message: "validation.invalid", path: ["language"] }),
  async (input, { viewer, back }): Promise<void> => {
    await machineTranslate(viewer, input);
    back();
  },
);
