"use client";

import { ActionForm } from "@/components/form/form";
import { SelectField, SubmitButton, TextAreaField } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { useTranslations } from "@/lib/i18n/client";

type Option = { value: string; label: string; lang?: string; dir?: "ltr" | "rtl" };

/** The host team's merge form (decision 051): which one to keep, and why, for the log. */
export function MergeForm({ action, mergedId, reasonLanguage, candidates }: { action: FormAction; mergedId: string; reasonLanguage: string; candidates: Option[] }) {
  // Full keys: see post-form.tsx.
  const t = useTranslations();
  return (
    <ActionForm action={action} noValidate>
      <input type="hidden" name="mergedId" value={mergedId} />
      <input type="hidden" name="reasonLanguage" value={reasonLanguage} />
      <SelectField name="keptId" label={t("merge.keep")} options={candidates} defaultValue={candidates[0]?.value} />
      <TextAreaField name="reason" label={t("merge.reason")} hint={t("merge.reasonHint")} rows={3} maxLength={2000} required />
      <SubmitButton>{t("merge.submit")}</SubmitButton>
    </ActionForm>
  );
}
