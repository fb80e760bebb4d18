"use client";

import { CheckboxField, FormMessage, SubmitButton, TextField } from "@/components/form/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { Form, useFormAction } from "@/components/form/form";

type Action = (state: FormState<void>, formData: FormData) => Promise<FormState<void>>;

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
  action: Action;
  hidden: Record<string, string>;
  labels: MessengerChannelLabels;
  values: { number: string; accountRef: string; enabled: boolean };
}) {
  const [state, formAction, form] = useFormAction(action);
  return (
    <Form form={form} action={formAction} noValidate>
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextField name="number" type="tel" dir="ltr" label={labels.number} hint={labels.numberHint} state={state} defaultValue={values.number} autoComplete="off" required />
      <TextField name="accountRef" dir="ltr" label={labels.accountRef} hint={labels.accountRefHint} state={state} defaultValue={values.accountRef} autoComplete="off" spellCheck={false} required />
      <TextField name="secret" type="password" dir="ltr" label={labels.secret} hint={labels.secretHint} state={state} autoComplete="new-password" />
      <CheckboxField name="enabled" label={labels.enabled} state={state} defaultChecked={values.enabled} />
      <SubmitButton>{labels.submit}</SubmitButton>
    </Form>
  );
}
