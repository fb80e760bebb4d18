"use client";

import { useTranslations } from "@/lib/i18n/client";
import { ChoiceField, FormMessage, SubmitButton, TextAreaField, TextField } from "@/components/form/form-fields";
import { SelectField } from "@/components/contributions/select-field";
import { PageFields, type ContributionPageRef } from "@/components/contributions/page-fields";
import type { FormState } from "@/lib/actions/form-state";
import { Form, useFormAction } from "@/components/form/form";

type Action = (state: FormState<void>, formData: FormData) => Promise<FormState<void>>;

/**
 * A public answer: the status, what was decided and why (required), who decided, the
 * responsible actor and a target date. A failed post keeps everything typed.
 */
export function ResponseForm({
  action,
  page,
  statuses,
  actors,
  languages,
  defaultLanguage,
}: {
  action: Action;
  page: ContributionPageRef;
  statuses: { value: string; label: string }[];
  actors: { value: string; label: string }[];
  /** The dialogue's languages, each named in the staff member's UI language. */
  languages: { value: string; label: string }[];
  defaultLanguage: string;
}) {
  const t = useTranslations("responses");
  const [state, formAction, form] = useFormAction(action);
  return (
    <Form form={form} action={formAction} noValidate>
      <FormMessage state={state} />
      <PageFields page={page} />
      <ChoiceField name="status" legend={t("status")} state={state} options={statuses} defaultValue={statuses[0]?.value} />
      <TextAreaField name="body" label={t("body")} hint={t("bodyHint")} state={state} rows={6} maxLength={5000} dir="auto" required />
      {languages.length > 1 ? (
        <SelectField name="language" label={t("language")} state={state} options={languages} defaultValue={defaultLanguage} />
      ) : (
        <input type="hidden" name="language" value={defaultLanguage} />
      )}
      <TextField name="decidedBy" label={t("decidedBy")} hint={t("decidedByHint")} state={state} maxLength={200} />
      <SelectField name="actorId" label={t("actor")} state={state} options={[{ value: "", label: t("noActor") }, ...actors]} defaultValue="" />
      <TextField name="dueDate" type="date" label={t("dueDate")} hint={t("dueDateHint")} state={state} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </Form>
  );
}
