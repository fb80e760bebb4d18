"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { slugSchema } from "@/lib/dialogues/slug";
import { locales } from "@/lib/i18n/routing";
import { updateBranding, updateBrandingInput } from "@/lib/municipalities/update-branding";
import { municipalityPaths, withQuery } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";

const page = z.object({ locale: z.enum(locales), municipality: slugSchema });

/** The branding form: text fields through the one wrapper, the logo file beside them. */
export async function updateBrandingAction(previous: FormState<void>, formData: FormData): Promise<FormState<void>> {
  const file = formData.get("logo");
  const logo = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
  const action = formAction(updateBrandingInput.extend(page.shape), async ({ locale, municipality, ...input }, { viewer }): Promise<void> => {
    await updateBranding(viewer, input, logo);
    redirectTo(locale, withQuery(municipalityPaths(municipality).branding, { done: "saved" }));
  });
  return action(previous, formData);
}
