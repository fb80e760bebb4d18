"use server";

import { municipalityPageAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import type { MunicipalityPageRef } from "@/lib/routes/page-ref";
import { updateBranding, updateBrandingInput } from "@/lib/municipalities/update-branding";
import { withQuery } from "@/lib/routes/paths";

/** The branding form: text fields through the one wrapper, the logo file beside them. */
export async function updateBrandingAction(page: MunicipalityPageRef, previous: FormState<void>, formData: FormData): Promise<FormState<void>> {
  const file = formData.get("logo");
  const logo = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
  const action = municipalityPageAction(updateBrandingInput, async (input, { viewer, here, back }): Promise<void> => {
    await updateBranding(viewer, input, logo);
    back(withQuery(here, { done: "saved" }));
  });
  return action(page, previous, formData);
}
