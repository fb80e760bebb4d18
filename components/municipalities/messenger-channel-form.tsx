"use client";

import { CheckboxField, SubmitButton, TextField } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";

export type MessengerChannelLabels = {
  number: string;
  numberHint: string;
  accountRef: string;
  accountRefHint: string;
  secret: string;
  secretHint: string;
  enabled: string;
  submit: string;
};

/** One provider's settings (decision 045). The secret is never sent back to the page. Works without JavaScript. */
export function MessengerChannelForm({
  action,
  hidden,
  labels,
  values,
}: {
  action: FormAction;
  hidden: Record<string, string>;
  labels: MessengerChannelLabels;
  values: { number: string; accountRef: string; enabled: boolean };
}) {
  return (
    <ActionForm action={action} noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextField name="number" type="tel" dir="ltr" label={labels.number} hint={labels.numberHint} defaultValue={values.number} autoComplete="off" required />
      <TextField name="accountRef" dir="ltr" label={labels.accountRef} hint={labels.accountRefHint} defaultValue={values.accountRef} autoComplete="off" spellCheck={false} required />
      <TextField name="secret" type="password" dir="ltr" label={labels.secret} hint={labels.secretHint} autoComplete="new-password" />
      <CheckboxField name="enabled" label={labels.enabled} defaultChecked={values.enabled} />
      <SubmitButton>{labels.submit}</SubmitButton>
    </ActionForm>
  );
}
