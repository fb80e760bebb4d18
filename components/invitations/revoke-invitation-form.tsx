"use client";

import { SubmitButton } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";

type Props = {
  action: FormAction;
  invitationId: string;
  /** The visible word, and the full name for screen readers ("Revoke invitation K7MQ-4HTP"). */
  label: string;
  accessibleLabel: string;
};

export function RevokeInvitationForm({ action, invitationId, label, accessibleLabel }: Props) {
  return (
    <ActionForm action={action}>
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton className="rounded border-2 border-danger bg-white px-4 py-2 font-semibold text-danger hover:bg-danger-soft aria-disabled:opacity-70">
        <span aria-hidden="true">{label}</span>
        <span className="sr-only">{accessibleLabel}</span>
      </SubmitButton>
    </ActionForm>
  );
}
