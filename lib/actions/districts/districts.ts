"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { slugSchema } from "@/lib/dialogues/slug";
import { MAX_BOUNDARY_BYTES } from "@/lib/districts/parse-boundary";
import { deleteDistrict, deleteDistrictInput } from "@/lib/districts/delete-district";
import { moveDistrict, moveDistrictInput } from "@/lib/districts/move-district";
import { saveDistrict, saveDistrictInput } from "@/lib/districts/save-district";
import { locales } from "@/lib/i18n/routing";
import { municipalityPaths, withQuery } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";

const page = z.object({ locale: z.enum(locales), municipality: slugSchema });
const schema = saveDistrictInput.omit({ names: true }).extend(page.shape);
const NAME_PREFIX = "name-";

/**
 * A district's names and boundary. The boundary comes as a file or typed into the text field;
 * a file's text takes the text field's place, so after a refusal the field shows what was sent
 * (a browser never keeps a chosen file).
 */
export async function saveDistrictAction(previous: FormState<void>, formData: FormData): Promise<FormState<void>> {
  const file = formData.get("boundaryFile");
  const form = new FormData();
  for (const [name, value] of formData.entries()) if (name !== "boundaryFile") form.append(name, value);
  if (file instanceof File && file.size > 0) {
    // Beyond the limit the text is not read at all: the domain refuses it by its size.
    form.set("boundary", file.size > MAX_BOUNDARY_BYTES ? "x".repeat(MAX_BOUNDARY_BYTES + 1) : await file.text());
  }
  const action = formAction(schema, async ({ locale, municipality, ...input }, { viewer, formData: sent }): Promise<void> => {
    const names: Record<string, string> = {};
    for (const [name, value] of sent.entries()) if (name.startsWith(NAME_PREFIX) && typeof value === "string") names[name.slice(NAME_PREFIX.length)] = value;
    await saveDistrict(viewer, { ...input, names });
    redirectTo(locale, withQuery(municipalityPaths(municipality).districts, { done: "saved" }));
  });
  const state = await action(previous, form);
  // A file too big to read is not handed back as text.
  if (state.status === "error" && (state.values.boundary?.length ?? 0) > MAX_BOUNDARY_BYTES) state.values.boundary = "";
  return state;
}

/** Deletes a district once the box is ticked; its contributions say "not said" afterwards (lib/districts/delete-district.ts). */
export const deleteDistrictAction = formAction(deleteDistrictInput.extend(page.shape), async ({ locale, municipality, ...input }, { viewer }): Promise<void> => {
  await deleteDistrict(viewer, input);
  redirectTo(locale, withQuery(municipalityPaths(municipality).districts, { done: "deleted" }));
});

/** One place up or down; back to the list at the district's row. */
export const moveDistrictAction = formAction(moveDistrictInput.extend(page.shape), async ({ locale, municipality, ...input }, { viewer }): Promise<void> => {
  await moveDistrict(viewer, input);
  redirectTo(locale, withQuery(municipalityPaths(municipality).districts, {}, `district-${input.districtId}`));
});
