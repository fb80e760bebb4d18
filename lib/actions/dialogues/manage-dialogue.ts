"use server";

import { z } from "zod";
import { formAction, formInput } from "@/lib/actions/form-action";
import { advancePhase, advancePhaseInput } from "@/lib/dialogues/advance-phase";
import { dialogueFields } from "@/lib/dialogues/dialogue-fields";
import { slugSchema } from "@/lib/dialogues/slug";
import { updateDialogue } from "@/lib/dialogues/update-dialogue";
import { dialoguePaths, withQuery } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";
import { removeFromTeam, removeFromTeamInput } from "@/lib/team/team";
import { isAppError } from "@/lib/errors";
import { locales } from "@/lib/i18n/routing";

const page = z.object({ locale: z.enum(locales), municipality: slugSchema, dialogue: slugSchema });

function backToManage({ locale, municipality, dialogue }: z.output<typeof page>, query: Record<string, string>, hash?: string): never {
  // Post/redirect/get: a reload does not post twice, and the page shows the outcome.
  return redirectTo(locale, withQuery(dialoguePaths(municipality, dialogue).manage, query, hash));
}

export const updateDialogueAction = formAction(
  z.object({ ...page.shape, dialogueId: z.string() }),
  async ({ locale, municipality, dialogue, dialogueId }, { viewer, formData }): Promise<void> => {
    await updateDialogue(viewer, { ...formInput(dialogueFields, formData), dialogueId });
    backToManage({ locale, municipality, dialogue }, { done: "saved" });
  },
);

export const advancePhaseAction = formAction(advancePhaseInput.extend(page.shape), async ({ locale, municipality, dialogue, ...input }, { viewer }): Promise<void> => {
  const back = { locale, municipality, dialogue };
  try {
    await advancePhase(viewer, input);
  } catch (error) {
    // Refusals are shown on the page, with what is missing (the co-host invitation, the unanswered needs).
    if (isAppError(error, "CONFLICT")) backToManage(back, { refused: typeof error.details.rule === "string" ? error.details.rule : "changed" });
    throw error;
  }
  backToManage(back, { done: "advanced" });
});

export const removeFromTeamAction = formAction(removeFromTeamInput.extend(page.shape), async ({ locale, municipality, dialogue, ...input }, { viewer }): Promise<void> => {
  const back = { locale, municipality, dialogue };
  try {
    await removeFromTeam(viewer, input);
  } catch (error) {
    // The last co-host with lived experience stays: the page says why and what to do first.
    if (isAppError(error, "CONFLICT")) backToManage(back, { teamRefused: typeof error.details.rule === "string" ? error.details.rule : "changed" }, "team");
    throw error;
  }
  backToManage(back, { done: "removed" }, "team");
});
