"use client";

import { TextField, useMessage } from "@/components/form/form-fields";
import { useFormFieldId, useFormState, type FieldInfo } from "@/components/form/form";
import type { FormState } from "@/lib/actions/form-state";
import { useTranslations } from "@/lib/i18n/client";
import { ALT_TEXT_MAX, altField, IMAGE_MAX_BYTES, IMAGES_PER_CONTRIBUTION, photoField } from "@/lib/images/limits";
import { photoSummaryFields, type Translate } from "./photo-summary-fields";

/** The "images" texts (the typed namespace form is too large a type for the compiler here). */
function useImageTexts(): Translate {
  const t = useTranslations();
  return (key, values) => t(`images.${key}`, values);
}
const INDEXES = Array.from({ length: IMAGES_PER_CONTRIBUTION }, (_, index) => index);


/**
 * Up to three photos with their descriptions on the post form (decision 050): plain file fields
 * that work without JavaScript, folded away until wanted. After a refused post the browser cannot
 * keep a chosen file: the descriptions come back, with a request to choose the photo again.
 * Needs the "images" messages on the client.
 */
/** The photo fields' labels for the error summary, for a form that renders <PhotoFields>. */
export function usePhotoSummaryFields(): Record<string, FieldInfo> {
  return photoSummaryFields(useImageTexts());
}

/**
 * `state`: the values to show when they are not the form's own answer (after a similar offer,
 * decision 051); `chooseAgain`: the photo fields whose photo the browser did not keep and must be
 * chosen once more (decision 055).
 */
export function PhotoFields({
  language,
  state: given,
  chooseAgain = [],
  indexes = INDEXES,
}: {
  language: { lang: string; dir: "ltr" | "rtl" };
  state?: FormState;
  chooseAgain?: readonly number[];
  /** The photo places offered (the edit form: those still free, decision 055). */
  indexes?: readonly number[];
}) {
  const t = useImageTexts();
  const own = useFormState();
  const state = given ?? own;
  const failed = state.status === "error";
  // After a refused post it stays open when anything in it was typed or is at fault.
  const typed =
    chooseAgain.length > 0 || (failed && indexes.some((index) => (state.values[altField(index)] ?? "") !== "" || state.fieldErrors[photoField(index)] || state.fieldErrors[altField(index)]));
  return (
    <details className="mb-4 rounded border border-line p-3" open={typed || undefined}>
      <summary className="cursor-pointer font-semibold text-brand">{t("add", { count: indexes.length })}</summary>
      <p className="mt-2 text-sm text-muted">{t("intro", { megabytes: IMAGE_MAX_BYTES / (1024 * 1024) })}</p>
      {indexes.map((index) => (
        <PhotoField key={index} index={index} state={state} language={language} chosenBefore={chooseAgain.includes(index)} />
      ))}
    </details>
  );
}

function PhotoField({ index, state, language, chosenBefore }: { index: number; state: FormState<unknown>; language: { lang: string; dir: "ltr" | "rtl" }; chosenBefore: boolean }) {
  const t = useImageTexts();
  const message = useMessage();
  const name = photoField(index);
  const id = useFormFieldId(name) ?? name;
  const errors = state.status === "error" ? (state.fieldErrors[name] ?? []) : [];
  // The browser drops a chosen file with the refused post: ask for it again where one was chosen.
  const chooseAgain = chosenBefore || (state.status === "error" && ((state.values[altField(index)] ?? "") !== "" || (state.fieldErrors[altField(index)]?.length ?? 0) > 0));
  const describedBy = [`${id}-hint`, errors.length > 0 || chooseAgain ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <fieldset className="mt-4 border-t border-line pt-3">
      <legend className="font-semibold">{t("photo", { number: index + 1 })}</legend>
      <label htmlFor={id} className="mt-1 block">
        {t("file", { number: index + 1 })}
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {t("fileHint")}
      </p>
      {(errors.length > 0 || chooseAgain) && (
        <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-danger">
          {errors.map((m) => message(m)).join(" ")} {t("chooseAgain")}
        </p>
      )}
      <input
        id={id}
        type="file"
        name={name}
        accept="image/jpeg,image/png,image/webp"
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy}
        className="mt-2 mb-3 block w-full max-w-full text-base"
      />
      <TextField name={altField(index)} label={t("alt", { number: index + 1 })} hint={t("altHint")} state={state} maxLength={ALT_TEXT_MAX} lang={language.lang} dir={language.dir} />
    </fieldset>
  );
}
