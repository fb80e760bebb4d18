"use client";

import { SubmitButton } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";
import { IdFields, type FormIds } from "@/components/form/id-fields";

type Props = {
  action: FormAction;
  /** What the form acts on; its page is bound to the action (decision 042). */
  ids: FormIds;
  label: string;
};

/** One button that moves the dialogue one phase on; refusals come back on the page after a redirect. */
export function AdvancePhaseForm({ action, ids, label }: Props) {
  return (
    <ActionForm action={action} className="mt-4">
      <IdFields ids={ids} />
      <SubmitButton>{label}</SubmitButton>
    </ActionForm>
  );
}
