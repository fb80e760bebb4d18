"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { hostTextsPath } from "@/lib/host-texts/paths";
import { saveHostTextVersion, saveHostTextVersionInput } from "@/lib/host-texts/save-host-text-version";
import { redirect } from "@/lib/i18n/navigation";
import { locales } from "@/lib/i18n/routing";

export const saveHostTextVersionAction = formAction(
  saveHostTextVersionInput.extend({ locale: z.enum(locales) }),
  async ({ locale, ...input }, { viewer }): Promise<void> => {
    await saveHostTextVersion(viewer, input);
    redirect({ href: `${hostTextsPath(input.subject, input.subjectId, input.language)}&saved=1`, locale });
  },
);
