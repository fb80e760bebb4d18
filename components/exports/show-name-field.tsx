"use client";

import { CheckboxField } from "@/components/form/form-fields";
import type { FormState } from "@/lib/actions/form-state";

/**
 * The opt-in that lets exports and results show the person's display name (off by default).
 * Its words come from the server (`exports.profile`), so the page sends no other export strings.
 */
export function ShowNameInExportsField({
  state,
  defaultChecked,
  labels,
}: {
  state?: FormState;
  defaultChecked: boolean;
  labels: { label: string; hint: string };
}) {
  return <CheckboxField name="showNameInExports" label={labels.label} hint={labels.hint} state={state} defaultChecked={defaultChecked} />;
}
