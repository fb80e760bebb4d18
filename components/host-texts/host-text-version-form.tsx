"use client";

import { useTranslations } from "@/lib/i18n/client";
import { SubmitButton, TextAreaField, TextField } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";
import { IdFields, type FormIds } from "@/components/form/id-fields";

type Field = "title" | "summary" | "place" | "body" | "codeOfConduct";

/**
 * One version of a host text in one language. The fields are the original's; each is written in
 * the version's language (`lang`, `dir` on the controls so spelling and direction follow it).
 */
export function HostTextVersionForm({
  action,
  ids,
  fields,
  labels,
  values,
  language,
  dir,
  submit,
}: {
  action: FormAction;
  /** The text and the language written (the page it stands on is bound to the action, decision 042). */
  ids: FormIds;
  fields: { name: Field; required: boolean; multiline: boolean; maxLength: number; hint?: string }[];
  labels: Record<Field, string>;
  values: Partial<Record<Field, string>>;
  language: string;
  dir: "ltr" | "rtl";
  submit: string;
}) {
  const t = useTranslations("hostTexts");
  return (
    <ActionForm action={action} noValidate>
      <IdFields ids={ids} />
      {fields.map((field) => {
        const common = {
          name: field.name,
          label: field.required ? labels[field.name] : `${labels[field.name]} ${t("optional")}`,
          hint: field.hint,
          defaultValue: values[field.name] ?? "",
          maxLength: field.maxLength,
          lang: language,
          dir,
        };
        return field.multiline ? <TextAreaField key={field.name} {...common} rows={field.name === "body" || field.name === "codeOfConduct" ? 8 : 3} /> : <TextField key={field.name} {...common} />;
      })}
      <SubmitButton>{submit}</SubmitButton>
    </ActionForm>
  );
}
