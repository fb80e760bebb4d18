"use client";

import { useTranslations } from "@/lib/i18n/client";
import { CheckboxField, SubmitButton, TextAreaField, TextField } from "@/components/form/form-fields";
import { CheckboxGroup, type CheckboxOption } from "@/components/form/checkbox-group";
import type { FormAction } from "@/lib/actions/form-state";
import { Form, useFormAction } from "@/components/form/form";

type Props = {
  action: FormAction;
  dialogueId: string;
  /** The dialogue's languages, one checkbox each (`language-<code>`). */
  languages: CheckboxOption[];
};

/** A new meeting: date and time are the municipality's local time (Europe/Berlin). */
export function MeetingForm({ action, dialogueId, languages }: Props) {
  const t = useTranslations("meetings");
  const [state, formAction, form] = useFormAction(action);
  return (
    <Form form={form} action={formAction} noValidate>
      <input type="hidden" name="dialogueId" value={dialogueId} />
      <TextField name="title" label={t("titleLabel")} state={state} maxLength={200} required />
      <TextField name="startsAt" label={t("startsAt")} hint={t("timeHint")} state={state} type="datetime-local" required />
      <TextField name="endsAt" label={t("endsAt")} hint={t("endsAtHint")} state={state} type="datetime-local" />
      <TextField name="place" label={t("place")} hint={t("placeHint")} state={state} maxLength={300} required />
      <CheckboxGroup
        legend={t("languagesLegend")}
        hint={t("languagesHint")}
        state={state}
        errorField="languages"
        prefix="language-"
        options={languages}
        checked={[]}
      />
      <CheckboxField name="interpretationOffered" label={t("interpretationLabel")} state={state} />
      <TextAreaField name="description" label={t("description")} hint={t("descriptionHint")} state={state} rows={4} maxLength={2000} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </Form>
  );
}
