"use client";

import { useTranslations } from "@/lib/i18n/client";
import { CheckboxField, SubmitButton, TextAreaField, TextField } from "@/components/form/form-fields";
import type { ContributionPageRef, FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";

type Action = FormAction;
type Page = ContributionPageRef;

/** Correcting one's own post, in the first minutes after posting. */
export function EditContributionForm({
  action,
  page,
  values,
}: {
  action: Action;
  page: Page;
  values: { title: string; body: string; district: string };
}) {
  const t = useTranslations("post");
  return (
    <ActionForm action={action} noValidate>
      <input type="hidden" name="contributionId" value={page.contributionId} />
      <TextField name="title" label={t("title")} defaultValue={values.title} maxLength={200} required />
      <TextAreaField name="body" label={t("body")} defaultValue={values.body} rows={8} maxLength={5000} required />
      <TextField name="district" label={t("district")} defaultValue={values.district} maxLength={100} />
      <SubmitButton>{t("save")}</SubmitButton>
    </ActionForm>
  );
}

/** Withdrawing needs a tick first: a single tap on a small screen should not take a voice back. */
export function WithdrawContributionForm({ action, page }: { action: Action; page: Page }) {
  const t = useTranslations("post");
  return (
    <ActionForm action={action} noValidate>
      <input type="hidden" name="contributionId" value={page.contributionId} />
      <CheckboxField name="confirm" label={t("withdrawConfirm")} />
      <SubmitButton className="rounded border-2 border-danger bg-white px-4 py-2 font-semibold text-danger hover:bg-danger-soft aria-disabled:opacity-70">
        {t("withdraw")}
      </SubmitButton>
    </ActionForm>
  );
}
