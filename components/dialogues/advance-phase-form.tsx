"use client";

import { SubmitButton } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";

type Props = {
  action: FormAction;
  hidden: Record<string, string>;
  label: string;
};

/** One button that moves the dialogue one phase on; refusals come back on the page after a redirect. */
export function AdvancePhaseForm({ action, hidden, label }: Props) {
  return (
    <ActionForm action={action} className="mt-4">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton>{label}</SubmitButton>
    </ActionForm>
  );
}
