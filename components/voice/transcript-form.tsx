"use client";

import { useTranslations } from "@/lib/i18n/client";
import { CheckboxField, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";

type Option = { value: string; label: string; lang?: string; dir?: "ltr" | "rtl" };

type Props = {
  action: FormAction;
  contributionId: string;
  spoken: { lang: string; dir: "ltr" | "rtl" };
  defaults: { title: string; transcript: string; readBack: boolean };
  translationLanguages: Option[];
};

/** A recorder or the host team writes down a voice message, in the language it was said, and may translate it. */
export function TranscriptForm({ action, contributionId, spoken, defaults, translationLanguages }: Props) {
  const t = useTranslations("voiceTranscript");
  return (
    <ActionForm action={action} noValidate>
      <input type="hidden" name="contributionId" value={contributionId} />
      <TextField name="title" label={t("title")} defaultValue={defaults.title} maxLength={200} required lang={spoken.lang} dir={spoken.dir} />
      <TextAreaField name="transcript" label={t("transcript")} hint={t("transcriptHint")} defaultValue={defaults.transcript} rows={8} maxLength={5000} required lang={spoken.lang} dir={spoken.dir} />
      <CheckboxField name="readBack" label={t("readBack")} hint={t("readBackHint")} defaultChecked={defaults.readBack} />
      {translationLanguages.length > 0 && (
        <fieldset className="mb-4 rounded border border-line p-3">
          <legend className="px-1 font-semibold">{t("translationHeading")}</legend>
          <SelectField name="translationLanguage" label={t("translationLanguage")} options={[{ value: "", label: t("noTranslation") }, ...translationLanguages]} defaultValue="" />
          <TextField name="translationTitle" label={t("translationTitle")} maxLength={200} dir="auto" />
          <TextAreaField name="translationBody" label={t("translationBody")} rows={6} maxLength={5000} dir="auto" />
        </fieldset>
      )}
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
