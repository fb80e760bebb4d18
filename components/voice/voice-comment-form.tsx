"use client";

import { useId } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { FormMessage, SubmitButton, TextAreaField, useMessage } from "@/components/form/form-fields";
import { Form, fieldId } from "@/components/form/form";
import { SelectField } from "@/components/contributions/select-field";
import type { FormState } from "@/lib/actions/form-state";
import { VOICE_COMMENT_LINE_MAX, VOICE_MAX_BYTES, VOICE_MAX_SECONDS } from "@/lib/voice/limits";
import { VoiceRecorder } from "./voice-recorder";

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
  const message = useMessage();
  const state = initial;
  const form = { id: `form${useId().replace(/[^A-Za-z0-9]/g, "")}`, state };
  const fileId = fieldId(form.id, "audio");
  const audioErrors = state.status === "error" ? (state.fieldErrors.audio ?? []) : [];
  const limits = { minutes: VOICE_MAX_SECONDS / 60, megabytes: VOICE_MAX_BYTES / (1024 * 1024) };
  return (
    <Form form={form} action={postTo} method="post" encType="multipart/form-data" fields={{ audio: { label: t("file") } }} noValidate>
      <FormMessage state={state} />
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      <SelectField name="language" label={t("language")} state={state} options={languages} defaultValue={defaultLanguage} />
      <div className="mb-4">
        <label htmlFor={fileId} className="block font-semibold">
          {t("file")}
        </label>
        <p id={`${fileId}-hint`} className="text-sm text-muted">
          {t("fileHint", limits)}
        </p>
        <VoiceRecorder fileInputId={fileId} maxSeconds={VOICE_MAX_SECONDS} />
        <input
          id={fileId}
          type="file"
          name="audio"
          accept="audio/*"
          capture="user"
          aria-invalid={audioErrors.length > 0 || undefined}
          aria-describedby={`${fileId}-hint${audioErrors.length > 0 ? ` ${fileId}-error` : ""}`}
          className="mt-2 block w-full max-w-full text-base"
        />
        {audioErrors.length > 0 && (
          <p id={`${fileId}-error`} className="mt-1 text-sm font-semibold text-danger">
            {audioErrors.map((m) => message(m)).join(" ")} {t("chooseAgain")}
          </p>
        )}
      </div>
      <TextAreaField name="body" label={tc("line")} hint={tc("lineHint")} state={state} rows={2} maxLength={VOICE_COMMENT_LINE_MAX} dir="auto" />
      <SubmitButton>{t("submit")}</SubmitButton>
    </Form>
  );
}
