"use client";

import { CheckboxField, SubmitButton, TextField } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";
import { IdFields, type FormIds } from "@/components/form/id-fields";

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
  ids,
  labels,
  values,
}: {
  action: FormAction;
  /** What the form acts on; its page is bound to the action (decision 042). */
  ids: FormIds;
  labels: MessengerChannelLabels;
  values: { number: string; accountRef: string; enabled: boolean };
}) {
  return (
    <ActionForm action={action} noValidate>
      <IdFields ids={ids} />
      <TextField name="number" type="tel" dir="ltr" label={labels.number} hint={labels.numberHint} defaultValue={values.number} autoComplete="off" required />
      <TextField name="accountRef" dir="ltr" label={labels.accountRef} hint={labels.accountRefHint} defaultValue={values.accountRef} autoComplete="off" spellCheck={false} required />
      <TextField name="secret" type="password" dir="ltr" label={labels.secret} hint={labels.secretHint} autoComplete="new-password" />
      <CheckboxField name="enabled" label={labels.enabled} defaultChecked={values.enabled} />
      <SubmitButton>{labels.submit}</SubmitButton>
    </ActionForm>
  );
}
