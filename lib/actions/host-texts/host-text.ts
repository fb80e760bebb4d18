"use server";

import { z } from "zod";
import { anyPageAction } from "@/lib/actions/form-action";
import { SUBJECT_KINDS } from "@/lib/host-texts/host-text-subject";
import { saveHostTextVersion, saveHostTextVersionInput } from "@/lib/host-texts/save-host-text-version";
import { withQuery } from "@/lib/routes/paths";
import { addTranslation, translationFields } from "@/lib/translations/add-translation";
import { checkTranslation, checkTranslationInput } from "@/lib/translations/check-translation";
import { SUBJECTS } from "@/lib/translations/translation-target";

// The forms of a host text's versions page (/texts/<subject>/<id>), bound to it there (decision 042), and back there.

export const saveHostTextVersionAction = anyPageAction(saveHostTextVersionInput, async (input, { viewer, here, back }): Promise<void> => {
  await saveHostTextVersion(viewer, input);
  back(withQuery(here, { saved: 1 }));
});

/** A volunteer's translation of a host text (dialogue, meeting, actor, municipality), written on the versions page. */
export const addHostTextTranslationAction = anyPageAction(
  translationFields.pick({ title: true, summary: true, place: true, codeOfConduct: true, body: true }).extend({ subject: z.enum(SUBJECT_KINDS), subjectId: z.uuid(), language: z.string() }),
  async ({ subject, subjectId, ...fields }, { viewer, here, back }): Promise<void> => {
    await addTranslation(viewer, { ...fields, [SUBJECTS[subject]]: subjectId });
    back(withQuery(here, { saved: 1 }));
  },
);

/** The host team marks a volunteer's translation of a host text checked. */
export const checkHostTextTranslationAction = anyPageAction(checkTranslationInput, async ({ translationId }, { viewer, here, back }): Promise<void> => {
  await checkTranslation(viewer, { translationId });
  back(withQuery(here, { saved: 1 }));
});
