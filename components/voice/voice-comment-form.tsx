"use client";

import { useId } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { SelectField, SubmitButton, TextAreaField } from "@/components/form/form-fields";
import { Form } from "@/components/form/form";
import type { FormState } from "@/lib/actions/form-state";
import { VOICE_COMMENT_LINE_MAX } from "@/lib/voice/limits";
import { AudioField } from "./audio-field";

type Option = { value: string; label: string; lang?: string; dir?: "ltr" | "rtl" };

type Props = {
  /** The route handler the form posts to (…/c/<id>/voice-comment/send, decision 046). */
  postTo: string;
  /** A refused post's messages and what was typed, read by the page from the route's cookie. */
  initial: FormState<void>;
  parentId?: string;
  languages: Option[];
  defaultLanguage: string;
};

/**
 * A comment said instead of typed (decision 046): the spoken language, the recording — a file
 * field that opens the phone's recorder without JavaScript, the page's recorder filling it with
 * JavaScript — and an optional typed line. One multipart form, posted to a route handler.
 */
export function VoiceCommentForm({ postTo, initial, parentId, languages, defaultLanguage }: Props) {
  const t = useTranslations("voice");
  const tc = useTranslations("voiceComment");
  const state = initial;
  const form = { id: `form${useId().replace(/[^A-Za-z0-9]/g, "")}`, state };
  return (
    <Form form={form} action={postTo} method="post" encType="multipart/form-data" fields={{ audio: { label: t("file") } }} noValidate>
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      <SelectField name="language" label={t("language")} state={state} options={languages} defaultValue={defaultLanguage} />
      <AudioField formId={form.id} state={state} />
      <TextAreaField name="body" label={tc("line")} hint={tc("lineHint")} state={state} rows={2} maxLength={VOICE_COMMENT_LINE_MAX} dir="auto" />
      <SubmitButton>{t("submit")}</SubmitButton>
    </Form>
  );
}
