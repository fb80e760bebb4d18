"use client";

import { useTranslations } from "@/lib/i18n/client";
import { CheckboxField, SelectField, SubmitButton, TextAreaField } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";

type Option = { value: string; label: string; lang?: string; dir?: "ltr" | "rtl" };

type Props = {
  /** Bound to the contribution page's reference by the page (decision 042). */
  action: FormAction;
  contributionId: string;
  commentId: string;
  spoken: { lang: string; dir: "ltr" | "rtl" };
  defaults: { transcript: string; readBack: boolean };
  translationLanguages: Option[];
};

/** A recorder or the host team writes down a voice comment in the language it was said, and may translate it (decision 046). */
export function CommentTranscriptForm({ action, contributionId, commentId, spoken, defaults, translationLanguages }: Props) {
  const t = useTranslations("voiceTranscript");
  return (
    <ActionForm action={action} noValidate>
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="contributionId" value={contributionId} />
      <TextAreaField name="transcript" label={t("transcript")} hint={t("transcriptHint")} defaultValue={defaults.transcript} rows={6} maxLength={2000} required lang={spoken.lang} dir={spoken.dir} />
      <CheckboxField name="readBack" label={t("readBack")} hint={t("readBackHint")} defaultChecked={defaults.readBack} />
      {translationLanguages.length > 0 && (
        <fieldset className="mb-4 rounded border border-line p-3">
          <legend className="px-1 font-semibold">{t("translationHeading")}</legend>
          <SelectField name="translationLanguage" label={t("translationLanguage")} options={[{ value: "", label: t("noTranslation") }, ...translationLanguages]} defaultValue="" />
          <TextAreaField name="translationBody" label={t("translationBody")} rows={4} maxLength={2000} dir="auto" />
        </fieldset>
      )}
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
