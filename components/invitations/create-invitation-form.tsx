"use client";

import { ChoiceField, SubmitButton, TextField } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";

type Labels = {
  roleLegend: string;
  expiresInDays: string;
  expiresInDaysHint: string;
  maxUses: string;
  maxUsesHint: string;
  submit: string;
};

type RoleOption = { value: string; label: string; hint: string };

type Props = {
  /** Bound to the invitations page, where it comes back to (decision 042). */
  action: FormAction;
  dialogueId: string;
  /** One role: a hidden field. Several: a choice, `role` chosen first (e.g. from ?role=CO_HOST). */
  roles: RoleOption[];
  role: string;
  defaults: { expiresInDays: number; maxUses: number };
  maxUsesLimit: number;
  labels: Labels;
};

/** Labels come translated from the page: the client catalogue carries only form messages. */
export function CreateInvitationForm({ action, dialogueId, roles, role, defaults, maxUsesLimit, labels }: Props) {
  const numberClass =
    "mt-1 block w-32 rounded border border-muted bg-white px-3 py-2 text-base text-ink aria-invalid:border-2 aria-invalid:border-danger";
  return (
    <ActionForm action={action} noValidate>
      <input type="hidden" name="dialogueId" value={dialogueId} />
      {roles.length === 1 ? (
        <input type="hidden" name="role" value={roles[0]!.value} />
      ) : (
        <ChoiceField name="role" legend={labels.roleLegend} defaultValue={role} options={roles} />
      )}
      <TextField
        name="expiresInDays"
        label={labels.expiresInDays}
        hint={labels.expiresInDaysHint}
       
        defaultValue={String(defaults.expiresInDays)}
        type="number"
        inputMode="numeric"
        min={1}
        max={180}
        required
        className={numberClass}
      />
      <TextField
        name="maxUses"
        label={labels.maxUses}
        hint={labels.maxUsesHint}
       
        defaultValue={String(defaults.maxUses)}
        type="number"
        inputMode="numeric"
        min={1}
        max={maxUsesLimit}
        required
        className={numberClass}
      />
      <SubmitButton>{labels.submit}</SubmitButton>
    </ActionForm>
  );
}
