"use server";

import { z } from "zod";
import { formInput, municipalityPageAction } from "@/lib/actions/form-action";
import { createDialogue } from "@/lib/dialogues/create-dialogue";
import { dialogueFields } from "@/lib/dialogues/dialogue-fields";
import { withQuery } from "@/lib/routes/paths";

// The domain function checks the fields; this only names the municipality, and where to go afterwards.
export const createDialogueAction = municipalityPageAction(z.looseObject({ municipalityId: z.string() }), async ({ municipalityId }, { viewer, formData, paths, back }): Promise<void> => {
  const dialogue = await createDialogue(viewer, { ...formInput(dialogueFields, formData), municipalityId });
  back(withQuery(paths.dialogue(dialogue.slug).manage, { done: "created" }));
});
