"use client";

import { useId } from "react";
import { CheckboxField, SubmitButton, TextField, useMessage } from "@/components/form/form-fields";
import { FormMessage } from "@/components/form/form-message";
import type { FormAction } from "@/lib/actions/form-state";
import { Form, useFormAction } from "@/components/form/form";

export type BrandingLabels = {
  name: string;
  accent: string;
  accentHint: string;
  logo: string;
  logoHint: string;
  removeLogo: string;
  submit: string;
};

/** Name, logo and accent colour. Works without JavaScript (a multipart form post). */
export function BrandingForm({
  action,
  hidden,
  labels,
  values,
  hasLogo,
}: {
  action: FormAction;
  hidden: Record<string, string>;
  labels: BrandingLabels;
  values: { name: string; accentColor: string };
  hasLogo: boolean;
}) {
  const [state, formAction, form] = useFormAction(action);
  const logoId = useId();
  const message = useMessage();
  const logoErrors = state.status === "error" ? (state.fieldErrors.logo ?? []) : [];
  return (
    <Form form={form} action={formAction} encType="multipart/form-data" noValidate>
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextField name="name" label={labels.name} state={state} defaultValue={values.name} maxLength={120} required />
      <TextField name="accentColor" type="color" label={labels.accent} hint={labels.accentHint} state={state} defaultValue={values.accentColor} className="mt-1 block h-12 w-24 rounded border border-muted bg-white p-1 aria-invalid:border-2 aria-invalid:border-danger" />
      <div className="mb-4">
        <label htmlFor={logoId} className="block font-semibold">
          {labels.logo}
        </label>
        <p id={`${logoId}-hint`} className="text-sm text-muted">
          {labels.logoHint}
        </p>
        <input
          id={logoId}
          type="file"
          name="logo"
          accept="image/png,image/jpeg,image/webp"
          aria-invalid={logoErrors.length > 0 || undefined}
          aria-describedby={[`${logoId}-hint`, logoErrors.length > 0 ? `${logoId}-error` : ""].filter(Boolean).join(" ")}
          className="mt-1 block w-full"
        />
        {logoErrors.length > 0 && (
          <p id={`${logoId}-error`} className="mt-1 text-sm font-semibold text-danger">
            {logoErrors.map((m) => message(m)).join(" ")}
          </p>
        )}
      </div>
      {hasLogo && <CheckboxField name="removeLogo" label={labels.removeLogo} state={state} />}
      <SubmitButton>{labels.submit}</SubmitButton>
    </Form>
  );
}
