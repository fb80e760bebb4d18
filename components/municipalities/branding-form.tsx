import { CheckboxField, SubmitButton, TextField } from "@/components/form/form-fields";
import { UploadField } from "@/components/form/file-field";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";
import { IdFields, type FormIds } from "@/components/form/id-fields";

export type BrandingLabels = {
  name: string;
  accent: string;
  accentHint: string;
  logo: string;
  logoHint: string;
  removeLogo: string;
  submit: string;
};

/** Name, logo and accent colour. Works without JavaScript (a multipart form post); rendered on the server around <ActionForm>. */
export function BrandingForm({
  action,
  ids,
  labels,
  values,
  hasLogo,
}: {
  action: FormAction;
  /** What the form acts on; its page is bound to the action (decision 042). */
  ids: FormIds;
  labels: BrandingLabels;
  values: { name: string; accentColor: string };
  hasLogo: boolean;
}) {
  return (
    <ActionForm action={action} encType="multipart/form-data" noValidate>
      <IdFields ids={ids} />
      <TextField name="name" label={labels.name} defaultValue={values.name} maxLength={120} required />
      <TextField name="accentColor" type="color" label={labels.accent} hint={labels.accentHint} defaultValue={values.accentColor} className="mt-1 block h-12 w-24 rounded border border-muted bg-white p-1 aria-invalid:border-2 aria-invalid:border-danger" />
      <UploadField name="logo" label={labels.logo} hint={labels.logoHint} accept="image/png,image/jpeg,image/webp" />
      {hasLogo && <CheckboxField name="removeLogo" label={labels.removeLogo} />}
      <SubmitButton>{labels.submit}</SubmitButton>
    </ActionForm>
  );
}
