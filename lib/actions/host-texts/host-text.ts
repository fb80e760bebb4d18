"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { SUBJECT_KINDS } from "@/lib/host-texts/host-text-subject";
import { saveHostTextVersion, saveHostTextVersionInput } from "@/lib/host-texts/save-host-text-version";
import { locales } from "@/lib/i18n/routing";
import { sitePaths, withQuery } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";
import { addTranslation, translationFields } from "@/lib/translations/add-translation";
import { checkTranslation, checkTranslationInput } from "@/lib/translations/check-translation";
import { SUBJECTS } from "@/lib/translations/translation-target";

export const saveHostTextVersionAction = formAction(
  saveHostTextVersionInput.extend({ locale: z.enum(locales) }),
  async ({ locale, ...input }, { viewer }): Promise<void> => {
    await saveHostTextVersion(viewer, input);
    redirectTo(locale, withQuery(sitePaths.hostTexts(input.subject, input.subjectId, input.language), { saved: 1 }));
  },
);

const page = z.object({ locale: z.enum(locales), subject: z.enum(SUBJECT_KINDS), subjectId: z.uuid(), language: z.string() });

/** A volunteer's translation of a host text (dialogue, meeting, actor, municipality), written on the versions page. */
export const addHostTextTranslationAction = formAction(
  translationFields.pick({ title: true, summary: true, place: true, codeOfConduct: true, body: true }).extend(page.shape),
  async ({ locale, subject, subjectId, ...fields }, { viewer }): Promise<void> => {
    await addTranslation(viewer, { ...fields, [SUBJECTS[subject]]: subjectId });
    redirectTo(locale, withQuery(sitePaths.hostTexts(subject, subjectId, fields.language), { saved: 1 }));
  },
);

/** The host team marks a volunteer's translation of a host text checked. */
export const checkHostTextTranslationAction = formAction(checkTranslationInput.extend(page.shape), async ({ locale, subject, subjectId, language, translationId }, { viewer }): Promise<void> => {
  await checkTranslation(viewer, { translationId });
  redirectTo(locale, withQuery(sitePaths.hostTexts(subject, subjectId, language), { saved: 1 }));
});
