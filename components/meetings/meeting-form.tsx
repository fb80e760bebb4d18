"use client";

import { useId } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { CheckboxField, SubmitButton, TextAreaField, TextField, useMessage } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { Form, useFormAction } from "@/components/form/form";

type Option = { value: string; label: string; lang?: string; dir?: "ltr" | "rtl" };

type Props = {
  action: FormAction;
  dialogueId: string;
  /** The dialogue's languages, one checkbox each (`language-<code>`). */
  languages: Option[];
};

/** A new meeting: date and time are the municipality's local time (Europe/Berlin). */
export function MeetingForm({ action, dialogueId, languages }: Props) {
  const t = useTranslations("meetings");
  const [state, formAction, form] = useFormAction(action);
  const id = useId();
  const message = useMessage();
  const languageErrors = state.status === "error" ? (state.fieldErrors.languages ?? []) : [];
  const checked = (code: string) => (state.status === "error" ? state.values[`language-${code}`] === "on" : false);
  return (
    <Form form={form} action={formAction} noValidate>
      <input type="hidden" name="dialogueId" value={dialogueId} />
      <TextField name="title" label={t("titleLabel")} state={state} maxLength={200} required />
      <TextField name="startsAt" label={t("startsAt")} hint={t("timeHint")} state={state} type="datetime-local" required />
      <TextField name="endsAt" label={t("endsAt")} hint={t("endsAtHint")} state={state} type="datetime-local" />
      <TextField name="place" label={t("place")} hint={t("placeHint")} state={state} maxLength={300} required />
      <fieldset className="mb-4" aria-describedby={`${id}-hint${languageErrors.length > 0 ? ` ${id}-error` : ""}`}>
        <legend className="font-semibold">{t("languagesLegend")}</legend>
        <p id={`${id}-hint`} className="text-sm text-muted">
          {t("languagesHint")}
        </p>
        <ul className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2">
          {languages.map((option) => (
            <li key={option.value} className="flex items-start gap-2">
              <input
                id={`${id}-${option.value}`}
                type="checkbox"
                name={`language-${option.value}`}
                defaultChecked={checked(option.value)}
                className="mt-1 size-5 shrink-0"
              />
              <label htmlFor={`${id}-${option.value}`} lang={option.lang} dir={option.dir}>
                {option.label}
              </label>
            </li>
          ))}
        </ul>
        {languageErrors.length > 0 && (
          <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-danger">
            {languageErrors.map((m) => message(m)).join(" ")}
          </p>
        )}
      </fieldset>
      <CheckboxField name="interpretationOffered" label={t("interpretationLabel")} state={state} />
      <TextAreaField name="description" label={t("description")} hint={t("descriptionHint")} state={state} rows={4} maxLength={2000} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </Form>
  );
}
