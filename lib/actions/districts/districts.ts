"use server";

import { z } from "zod";
import { municipalityPageAction } from "@/lib/actions/form-action";
import type { FormState, MunicipalityPageRef } from "@/lib/actions/form-state";
import { MAX_BOUNDARY_BYTES } from "@/lib/districts/parse-boundary";
import { deleteDistrict, deleteDistrictInput } from "@/lib/districts/delete-district";
import { moveDistrict, moveDistrictInput } from "@/lib/districts/move-district";
import { saveDistrict, saveDistrictInput } from "@/lib/districts/save-district";
import { withQuery } from "@/lib/routes/paths";
import { textGroup } from "@/lib/validation";

// The forms of the districts page and a district's page, bound to the page there (decision 042).

/** The names as typed, one field per language (`name-<language>`); saveDistrict checks them. */
const schema = saveDistrictInput.omit({ names: true }).extend({ names: textGroup("name-", z.record(z.string(), z.string())) });

/**
 * A district's names and boundary. The boundary comes as a file or typed into the text field;
 * a file's text takes the text field's place, so after a refusal the field shows what was sent
 * (a browser never keeps a chosen file).
 */
export async function saveDistrictAction(page: MunicipalityPageRef, previous: FormState<void>, formData: FormData): Promise<FormState<void>> {
  const file = formData.get("boundaryFile");
  const form = new FormData();
  for (const [name, value] of formData.entries()) if (name !== "boundaryFile") form.append(name, value);
  if (file instanceof File && file.size > 0) {
    // Beyond the limit the text is not read at all: the domain refuses it by its size.
    form.set("boundary", file.size > MAX_BOUNDARY_BYTES ? "x".repeat(MAX_BOUNDARY_BYTES + 1) : await file.text());
  }
  const action = municipalityPageAction(schema, async (input, { viewer, paths, back }): Promise<void> => {
    await saveDistrict(viewer, input);
    back(withQuery(paths.districts, { done: "saved" }));
  });
  const state = await action(page, previous, form);
  // A file too big to read is not handed back as text.
  if (state.status === "error" && (state.values.boundary?.length ?? 0) > MAX_BOUNDARY_BYTES) state.values.boundary = "";
  return state;
}

/** Deletes a district once the box is ticked; its contributions say "not said" afterwards (lib/districts/delete-district.ts). */
export const deleteDistrictAction = municipalityPageAction(deleteDistrictInput, async (input, { viewer, paths, back }): Promise<void> => {
  await deleteDistrict(viewer, input);
  back(withQuery(paths.districts, { done: "deleted" }));
});

/** One place up or down; back to the list at the district's row. */
export const moveDistrictAction = municipalityPageAction(moveDistrictInput, async (input, { viewer, back }): Promise<void> => {
  await moveDistrict(viewer, input);
  back(`#district-${input.districtId}`);
});
