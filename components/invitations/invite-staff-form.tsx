"use client";

import { ChoiceField, SubmitButton, TextField } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";

type Labels = {
  email: string;
  emailHint: string;
  displayName: string;
  displayNameHint: string;
  roleLegend: string;
  staff: string;
  staffHint: string;
  moderator: string;
  moderatorHint: string;
  submit: string;
  sent: string;
};

type Props = {
  action: FormAction;
  municipalityId: string;
  labels: Labels;
};

/** Labels come translated from the page: the client catalogue carries only form messages. */
export function InviteStaffForm({ action, municipalityId, labels }: Props) {
  return (
    <ActionForm action={action} noValidate>
      {(state) => (
        <>
          {state.status === "success" && (
            <p role="status" className="mb-4 rounded border-s-4 border-brand bg-proposal-bg p-3 font-semibold">
              {labels.sent}
            </p>
          )}
          <input type="hidden" name="municipalityId" value={municipalityId} />
          <TextField name="email" label={labels.email} hint={labels.emailHint} type="email" autoComplete="off" required />
          <TextField name="displayName" label={labels.displayName} hint={labels.displayNameHint} autoComplete="off" required />
          <ChoiceField
            name="role"
            legend={labels.roleLegend}
            defaultValue="STAFF"
            options={[
              { value: "STAFF", label: labels.staff, hint: labels.staffHint },
              { value: "MODERATOR", label: labels.moderator, hint: labels.moderatorHint },
            ]}
          />
          <SubmitButton>{labels.submit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
