"use client";

import { useTranslations } from "@/lib/i18n/client";
import { CheckboxField, FormMessage, SubmitButton, TextAreaField } from "@/components/form/form-fields";
import { PageFields, type ContributionPageRef } from "@/components/contributions/page-fields";
import { SelectField } from "@/components/contributions/select-field";
import type { FormState } from "@/lib/actions/form-state";
import { Form, useFormAction } from "@/components/form/form";

type Option = { value: string; label: string; lang?: string; dir?: "ltr" | "rtl" };

type Props = {
  action: (state: FormState<void>, formData: FormData) => Promise<FormState<void>>;
  page: ContributionPageRef;
  commentId: string;
  spoken: { lang: string; dir: "ltr" | "rtl" };
  defaults: { transcript: string; readBack: boolean };
  translationLanguages: Option[];
};

/** A recorder or the host team writes down a voice comment in the language it was said, and may translate it (decision 046). */
export function CommentTranscriptForm({ action, page, commentId, spoken, defaults, translationLanguages }: Props) {
  const t = useTranslations("voiceTranscript");
  const [state, formAction, form] = useFormAction(action);
  return (
    <Form form={form} action={formAction} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="commentId" value={commentId} />
      <PageFields page={page} />
      <TextAreaField name="transcript" label={t("transcript")} hint={t("transcriptHint")} state={state} defaultValue={defaults.transcript} rows={6} maxLength={2000} required lang={spoken.lang} dir={spoken.dir} />
      <CheckboxField name="readBack" label={t("readBack")} hint={t("readBackHint")} state={state} defaultChecked={defaults.readBack} />
      {translationLanguages.length > 0 && (
        <fieldset className="mb-4 rounded border border-line p-3">
          <legend className="px-1 font-semibold">{t("translationHeading")}</legend>
          <SelectField name="translationLanguage" label={t("translationLanguage")} state={state} options={[{ value: "", label: t("noTranslation") }, ...translationLanguages]} defaultValue="" />
          <TextAreaField name="translationBody" label={t("translationBody")} state={state} rows={4} maxLength={2000} dir="auto" />
        </fieldset>
      )}
      <SubmitButton>{t("submit")}</SubmitButton>
    </Form>
  );
}
