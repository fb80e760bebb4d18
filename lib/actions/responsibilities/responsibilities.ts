"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { slugSchema } from "@/lib/dialogues/slug";
import { locales } from "@/lib/i18n/routing";
import { assignResponsibility, assignResponsibilityInput } from "@/lib/responsibilities/assign-responsibility";
import { removeResponsibility, removeResponsibilityInput } from "@/lib/responsibilities/remove-responsibility";
import { dialoguePaths, withQuery } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";

const page = z.object({ locale: z.enum(locales), municipality: slugSchema, dialogue: slugSchema });

export const assignResponsibilityAction = formAction(
  assignResponsibilityInput.extend(page.shape),
  async ({ locale, municipality, dialogue, ...input }, { viewer }): Promise<void> => {
    await assignResponsibility(viewer, input);
    redirectTo(locale, withQuery(dialoguePaths(municipality, dialogue).responsibilitiesManage, { done: "saved" }));
  },
);

export const removeResponsibilityAction = formAction(removeResponsibilityInput, async (input, { viewer }): Promise<void> => {
  await removeResponsibility(viewer, input);
  refresh();
});
