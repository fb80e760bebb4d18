"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useMessage } from "@/components/form/form-fields";
import { fieldId } from "@/components/form/form";
import type { FormState } from "@/lib/actions/form-state";
import { VOICE_MAX_BYTES, VOICE_MAX_SECONDS } from "@/lib/voice/limits";
import { VoiceRecorder } from "./voice-recorder";

/**
 * The recording of a voice form (decisions 033, 046): a file field `audio` that opens the phone's
 * recorder without JavaScript (`capture`), the page's recorder above it filling the same field
 * with JavaScript. Hand-made for the recorder; its id is the one the form's error summary links to.
 */
export function AudioField({ formId, state }: { formId: string; state: FormState<void> }) {
  const t = useTranslations("voice");
  const message = useMessage();
  const fileId = fieldId(formId, "audio");
  const audioErrors = state.status === "error" ? (state.fieldErrors.audio ?? []) : [];
  const limits = { minutes: VOICE_MAX_SECONDS / 60, megabytes: VOICE_MAX_BYTES / (1024 * 1024) };
  return (
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
  );
}
