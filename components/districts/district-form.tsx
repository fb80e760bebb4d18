import { getTranslations } from "next-intl/server";
import { CheckboxField, SubmitButton, TextAreaField, TextField } from "@/components/form/form-fields";
import { UploadField } from "@/components/form/file-field";
import { ActionForm } from "@/components/form/form";
import { IdFields, type FormIds } from "@/components/form/id-fields";
import type { FormAction } from "@/lib/actions/form-state";

/**
 * A district's names (one field per language, the municipality's own first and required) and
 * its boundary as GeoJSON, from a file or typed/pasted. A multipart post: works without
 * JavaScript; after a refusal the text field holds what was sent, with the message beside it.
 */
export async function DistrictForm({
  action,
  ids,
  languages,
  values,
  hasBoundary,
  submit,
}: {
  action: FormAction;
  /** What the form acts on; its page is bound to the action (decision 042). */
  ids: FormIds;
  /** Each language with its name in the page's language and its direction. */
  languages: { code: string; label: string; dir: "ltr" | "rtl" }[];
  values?: { names: Record<string, string> };
  hasBoundary: boolean;
  submit: string;
}) {
  const t = await getTranslations("districts");
  return (
    <ActionForm action={action} encType="multipart/form-data" noValidate>
      <IdFields ids={ids} />
      <fieldset className="mb-4 rounded border border-line p-3">
        <legend className="px-1 font-semibold">{t("namesLegend")}</legend>
        <p className="mb-3 text-sm text-muted">{t("namesHint")}</p>
        {languages.map((language, index) => (
          <TextField
            key={language.code}
            name={`name-${language.code}`}
            label={index === 0 ? t("nameRequired", { language: language.label }) : t("nameIn", { language: language.label })}
           
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
        <UploadField name="boundaryFile" messagesOf="boundary" label={t("boundaryFile")} accept=".geojson,.json,application/geo+json,application/json" />
        <TextAreaField name="boundary" label={t("boundaryText")} hint={t("boundaryTextHint")} rows={6} dir="ltr" spellCheck={false} className="mt-1 block w-full rounded border border-muted bg-white px-3 py-2 font-mono text-sm text-ink aria-invalid:border-2 aria-invalid:border-danger" />
        {hasBoundary && <CheckboxField name="removeBoundary" label={t("removeBoundary")} />}
      </fieldset>
      <SubmitButton>{submit}</SubmitButton>
    </ActionForm>
  );
}

