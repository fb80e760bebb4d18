"use client";

import type { ReactNode } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { CheckboxField, ChoiceField, SubmitButton, TextAreaField, TextField } from "@/components/form/form-fields";
import { Section } from "@/components/section";
import type { FormAction } from "@/lib/actions/form-state";
import { SelectField } from "./select-field";
import { ActionForm } from "@/components/form/form";
import { PhotoFields, usePhotoSummaryFields } from "@/components/images/photo-fields";

type Option = { value: string; label: string; lang?: string; dir?: "ltr" | "rtl" };

type Props = {
  action: FormAction;
  dialogueId: string;
  themes: Option[];
  languages: Option[];
  defaultLanguage: string;
  /** The dialogue's code of conduct, when the person has not accepted it yet. */
  codeOfConduct: ReactNode | null;
};

export function PostForm({ action, dialogueId, themes, languages, defaultLanguage, codeOfConduct }: Props) {
  const t = useTranslations("post");
  const photoFields = usePhotoSummaryFields();
  const written = languages.find((option) => option.value === defaultLanguage);
  return (
    <ActionForm action={action} fields={photoFields} noValidate>
      <input type="hidden" name="dialogueId" value={dialogueId} />
      <ChoiceField
        name="kind"
        legend={t("kindLegend")}
       
        defaultValue="NEED"
        options={[
          { value: "NEED", label: t("need"), hint: t("needHint") },
          { value: "PROPOSAL", label: t("proposal"), hint: t("proposalHint") },
        ]}
      />
      <ChoiceField name="themeId" legend={t("theme")} options={themes} />
      <TextField name="title" label={t("title")} hint={t("titleHint")} maxLength={200} required />
      <TextAreaField name="body" label={t("body")} hint={t("bodyHint")} rows={8} maxLength={5000} required />
      <TextField name="district" label={t("district")} hint={t("districtHint")} maxLength={100} />
      <SelectField name="language" label={t("language")} options={languages} defaultValue={defaultLanguage} />
      <PhotoFields language={{ lang: written?.lang ?? defaultLanguage, dir: written?.dir ?? "ltr" }} />
      {codeOfConduct && (
        <Section id="code-of-conduct" heading={t("codeOfConductHeading")} headingClassName="text-xl" className="mb-4 rounded border border-line bg-surface p-4">
          <p className="mt-1 mb-3 text-sm text-muted">{t("codeOfConductIntro")}</p>
          <div className="mb-4 space-y-2">{codeOfConduct}</div>
          <CheckboxField name="acceptCodeOfConduct" label={t("acceptCodeOfConduct")} />
        </Section>
      )}
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
