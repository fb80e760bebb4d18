"use client";

import { useId } from "react";
import { CheckboxField, SubmitButton, TextAreaField, TextField, useMessage } from "@/components/form/form-fields";
import { FormMessage } from "@/components/form/form-message";
import { Form, useFormAction } from "@/components/form/form";
import { useTranslations } from "@/lib/i18n/client";
import type { FormState } from "@/lib/actions/form-state";

type Action = (state: FormState<void>, formData: FormData) => Promise<FormState<void>>;

/**
 * A district's names (one field per language, the municipality's own first and required) and
 * its boundary as GeoJSON, from a file or typed/pasted. A multipart post: works without
 * JavaScript; after a refusal the text field holds what was sent, with the message beside it.
 */
export function DistrictForm({
  action,
  hidden,
  languages,
  values,
  hasBoundary,
  submit,
}: {
  action: Action;
  hidden: Record<string, string>;
  /** Each language with its name in the page's language and its direction. */
  languages: { code: string; label: string; dir: "ltr" | "rtl" }[];
  values?: { names: Record<string, string> };
  hasBoundary: boolean;
  submit: string;
}) {
  const t = useTranslations("districts");
  const message = useMessage();
  const [state, formAction, form] = useFormAction(action);
  const fileId = useId();
  const boundaryErrors = state.status === "error" ? (state.fieldErrors.boundary ?? []) : [];
  return (
    <Form form={form} action={formAction} encType="multipart/form-data" noValidate>
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset className="mb-4 rounded border border-line p-3">
        <legend className="px-1 font-semibold">{t("namesLegend")}</legend>
        <p className="mb-3 text-sm text-muted">{t("namesHint")}</p>
        {languages.map((language, index) => (
          <TextField
            key={language.code}
            name={`name-${language.code}`}
            label={index === 0 ? t("nameRequired", { language: language.label }) : t("nameIn", { language: language.label })}
            state={state}
            defaultValue={values?.names[language.code] ?? ""}
            lang={language.code}
            dir={language.dir}
            maxLength={80}
            required={index === 0}
          />
        ))}
      </fieldset>
      <fieldset className="mb-4 rounded border border-line p-3">
        <legend className="px-1 font-semibold">{t("boundaryLegend")}</legend>
        <p className="mb-3 text-sm text-muted">{t("boundaryHint")}</p>
        <div className="mb-4">
          <label htmlFor={fileId} className="block font-semibold">
            {t("boundaryFile")}
          </label>
          <input
            id={fileId}
            type="file"
            name="boundaryFile"
            accept=".geojson,.json,application/geo+json,application/json"
            aria-invalid={boundaryErrors.length > 0 || undefined}
            aria-describedby={boundaryErrors.length > 0 ? `${fileId}-error` : undefined}
            className="mt-1 block w-full"
          />
          {boundaryErrors.length > 0 && (
            <p id={`${fileId}-error`} className="mt-1 text-sm font-semibold text-danger">
              {boundaryErrors.map((m) => message(m)).join(" ")}
            </p>
          )}
        </div>
        <TextAreaField name="boundary" label={t("boundaryText")} hint={t("boundaryTextHint")} state={state} rows={6} dir="ltr" spellCheck={false} className="mt-1 block w-full rounded border border-muted bg-white px-3 py-2 font-mono text-sm text-ink aria-invalid:border-2 aria-invalid:border-danger" />
        {hasBoundary && <CheckboxField name="removeBoundary" label={t("removeBoundary")} state={state} />}
      </fieldset>
      <SubmitButton>{submit}</SubmitButton>
    </Form>
  );
}
