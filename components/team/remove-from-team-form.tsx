"use client";

import { SubmitButton } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";
import { IdFields, type FormIds } from "@/components/form/id-fields";

type Props = {
  action: FormAction;
  /** What the form acts on; its page is bound to the action (decision 042). */
  ids: FormIds;
  /** The visible words, and the full sentence for screen readers ("Remove Amal as co-host"). */
  label: string;
  accessibleLabel: string;
};

/** Takes one member out of their team role; the outcome (or the refusal) shows after a redirect. */
export function RemoveFromTeamForm({ action, ids, label, accessibleLabel }: Props) {
  return (
    <ActionForm action={action}>
      <IdFields ids={ids} />
      <SubmitButton className="rounded border-2 border-danger bg-white px-4 py-2 font-semibold text-danger hover:bg-danger-soft aria-disabled:opacity-70">
        <span aria-hidden="true">{label}</span>
        <span className="sr-only">{accessibleLabel}</span>
      </SubmitButton>
    </ActionForm>
  );
}
