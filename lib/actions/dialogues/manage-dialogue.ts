"use server";

import { z } from "zod";
import { formInput, pageAction } from "@/lib/actions/form-action";
import { advancePhase, advancePhaseInput } from "@/lib/dialogues/advance-phase";
import { dialogueFields } from "@/lib/dialogues/dialogue-fields";
import { updateDialogue } from "@/lib/dialogues/update-dialogue";
import { withQuery } from "@/lib/routes/paths";
import { removeFromTeam, removeFromTeamInput } from "@/lib/team/team";
import { isAppError } from "@/lib/errors";

// The forms of a dialogue's managing page, bound to it there (decision 042). Post/redirect/get
// back to it: a reload does not post twice, and the page shows the outcome.

export const updateDialogueAction = pageAction(z.object({ dialogueId: z.string() }), async ({ dialogueId }, { viewer, formData, here, back }): Promise<void> => {
  await updateDialogue(viewer, { ...formInput(dialogueFields, formData), dialogueId });
  back(withQuery(here, { done: "saved" }));
});

export const advancePhaseAction = pageAction(advancePhaseInput, async (input, { viewer, here, back }): Promise<void> => {
  try {
    await advancePhase(viewer, input);
  } catch (error) {
    // Refusals are shown on the page, with what is missing (the co-host invitation, the unanswered needs).
    if (isAppError(error, "CONFLICT")) back(withQuery(here, { refused: typeof error.details.rule === "string" ? error.details.rule : "changed" }));
    throw error;
  }
  back(withQuery(here, { done: "advanced" }));
});

export const removeFromTeamAction = pageAction(removeFromTeamInput, async (input, { viewer, here, back }): Promise<void> => {
  try {
    await removeFromTeam(viewer, input);
  } catch (error) {
    // The last co-host with lived experience stays: the page says why and what to do first.
    if (isAppError(error, "CONFLICT")) back(withQuery(here, { teamRefused: typeof error.details.rule === "string" ? error.details.rule : "changed" }, "team"));
    throw error;
  }
  back(withQuery(here, { done: "removed" }, "team"));
});
