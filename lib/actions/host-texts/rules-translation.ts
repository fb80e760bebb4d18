"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { LOCAL_PATH } from "@/lib/routes/local-path";
import { redirectToLocalized } from "@/lib/routes/redirect";
import { machineTranslate } from "@/lib/translations/machine-translate";
import { languageTagSchema } from "@/lib/i18n/language-tag";

/**
 * A signed-in reader asks for the host team's own rules in their language when nobody has
 * written them yet: the dialogue's texts are machine-translated once (lib/translations), and the
 * page they came from shows the rules labelled as machine-made.
 */
export const requestRulesTranslationAction = formAction(
  z.object({ dialogueId: z.uuid(), language: languageTagSchema, returnPath: z.string().regex(LOCAL_PATH).transform((path) => path as `/${string}`) }),
  async ({ dialogueId, language, returnPath }, { viewer }): Promise<void> => {
    await machineTranslate(viewer, { dialogueId, language });
    redirectToLocalized(returnPath);
  },
);
