"use server";

import { z } from "zod";
import { anyPageAction } from "@/lib/actions/form-action";
import { machineTranslate } from "@/lib/translations/machine-translate";
import { languageTagSchema } from "@/lib/i18n/language-tag";

/**
 * A signed-in reader asks for the host team's own rules in their language when nobody has
 * written them yet: the dialogue's texts are machine-translated once (lib/translations), and the
 * page the button stands on (an invitation's, bound by its code, or the post form's; decision
 * 042) shows the rules labelled as machine-made.
 */
export const requestRulesTranslationAction = anyPageAction(
  z.object({ dialogueId: z.uuid(), language: languageTagSchema }),
  async ({ dialogueId, language }, { viewer, back }): Promise<void> => {
    await machineTranslate(viewer, { dialogueId, language });
    back();
  },
);
