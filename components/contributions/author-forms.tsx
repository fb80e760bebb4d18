"use client";

import { useTranslations } from "@/lib/i18n/client";
import { CheckboxField, FormMessage, SubmitButton, TextAreaField, TextField } from "@/components/form/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { PageFields, type ContributionPageRef } from "@/components/contributions/page-fields";
import { Form, useFormAction } from "@/components/form/form";

type Action = (state: FormState<void>, formData: FormData) => Promise<FormState<void>>;
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
  const [state, formAction, form] = useFormAction(action);
  return (
    <Form form={form} action={formAction} noValidate>
      <FormMessage state={state} />
      <PageFields page={page} />
      <TextField name="title" label={t("title")} state={state} defaultValue={values.title} maxLength={200} required />
      <TextAreaField name="body" label={t("body")} state={state} defaultValue={values.body} rows={8} maxLength={5000} required />
      <TextField name="district" label={t("district")} state={state} defaultValue={values.district} maxLength={100} />
      <SubmitButton>{t("save")}</SubmitButton>
    </Form>
  );
}

/** Withdrawing needs a tick first: a single tap on a small screen should not take a voice back. */
export function WithdrawContributionForm({ action, page }: { action: Action; page: Page }) {
  const t = useTranslations("post");
  const [state, formAction, form] = useFormAction(action);
  return (
    <Form form={form} action={formAction} noValidate>
      <FormMessage state={state} />
      <PageFields page={page} />
      <CheckboxField name="confirm" label={t("withdrawConfirm")} state={state} />
      <SubmitButton className="rounded border-2 border-danger bg-white px-4 py-2 font-semibold text-danger hover:bg-danger-soft aria-disabled:opacity-70">
        {t("withdraw")}
      </SubmitButton>
    </Form>
  );
}
