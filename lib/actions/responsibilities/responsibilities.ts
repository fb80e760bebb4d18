"use server";

import { refresh } from "next/cache";
import { formAction, pageAction } from "@/lib/actions/form-action";
import { assignResponsibility, assignResponsibilityInput } from "@/lib/responsibilities/assign-responsibility";
import { removeResponsibility, removeResponsibilityInput } from "@/lib/responsibilities/remove-responsibility";
import { withQuery } from "@/lib/routes/paths";

/** Bound to the host team's responsibilities page, and back there (decision 042). */
export const assignResponsibilityAction = pageAction(assignResponsibilityInput, async (input, { viewer, here, back }): Promise<void> => {
  await assignResponsibility(viewer, input);
  back(withQuery(here, { done: "saved" }));
});

export const removeResponsibilityAction = formAction(removeResponsibilityInput, async (input, { viewer }): Promise<void> => {
  await removeResponsibility(viewer, input);
  refresh();
});
