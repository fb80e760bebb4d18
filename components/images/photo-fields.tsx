import type { FieldInfo } from "@/components/form/form";
import type { FileField } from "@/components/form/file-field";
import type { FoldOnError } from "@/components/form/folded";
import type { TextField } from "@/components/form/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { ALT_TEXT_MAX, altField, IMAGE_MAX_BYTES, IMAGES_PER_CONTRIBUTION, photoField } from "@/lib/images/limits";

// Not a client module (issue 16, decision 040): the edit form on a contribution's page, a server
// component, renders these fields on the server, and readers download only the form core's
// fields; the post and on-behalf forms, client components, render them in the browser.
// The form parts come from the caller (decision 068): the deferred ones on a read route, the form
// core's own where the page's code carries it already (photo-parts.ts) — a form route that took
// the deferred ones would download the same code twice, once more as chunks of their own.

/** The form parts the photo fields are made of. */
export type PhotoParts = { FileField: typeof FileField; FoldOnError: typeof FoldOnError; TextField: typeof TextField };

/** The "images" texts, as the server's getTranslations or the client's useTranslations give them. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

const INDEXES = Array.from({ length: IMAGES_PER_CONTRIBUTION }, (_, index) => index);

/** The photo fields' names for the form's error summary (they sit inside <PhotoFields>); `t`: the "images" texts. */
export function photoSummaryFields(t: Translate): Record<string, FieldInfo> {
  return Object.fromEntries(
    INDEXES.flatMap((index) => [
      [photoField(index), { label: t("file", { number: index + 1 }) }],
      [altField(index), { label: t("alt", { number: index + 1 }) }],
    ]),
  );
}

/**
 * Up to three photos with their descriptions (decision 050): plain file fields that work without
 * JavaScript, folded away until wanted, open again after a refused post when anything in them was
 * typed or is at fault. The browser cannot keep a chosen file through a refused post: the
 * descriptions come back, with a request to choose the photo again. The fields' messages need the
 * "images" texts on the client (<ClientMessages>).
 *
 * `state`: the values to show when they are not the form's own answer (after a similar offer,
 * decision 051); `chooseAgain`: the photo fields whose photo the browser did not keep and must be
 * chosen once more (decision 055).
 */
export function PhotoFields({
  parts: { FileField, FoldOnError, TextField },
  t,
  language,
  state,
  chooseAgain = [],
  indexes = INDEXES,
}: {
  parts: PhotoParts;
  t: Translate;
  language: { lang: string; dir: "ltr" | "rtl" };
  state?: FormState;
  chooseAgain?: readonly number[];
  /** The photo places offered (the edit form: those still free, decision 055). */
  indexes?: readonly number[];
}) {
  return (
    <FoldOnError
      summary={t("add", { count: indexes.length })}
      className="mb-4 rounded border border-line p-3"
      summaryClassName="cursor-pointer font-semibold text-brand"
      fields={indexes.flatMap((index) => [photoField(index), altField(index)])}
      open={chooseAgain.length > 0}
      state={state}
    >
      <p className="mt-2 text-sm text-muted">{t("intro", { megabytes: IMAGE_MAX_BYTES / (1024 * 1024) })}</p>
      {indexes.map((index) => (
        <fieldset key={index} className="mt-4 border-t border-line pt-3">
          <legend className="font-semibold">{t("photo", { number: index + 1 })}</legend>
          <FileField
            name={photoField(index)}
            label={t("file", { number: index + 1 })}
            hint={t("fileHint")}
            state={state}
            accept="image/jpeg,image/png,image/webp"
            again={t("chooseAgain")}
            keptWith={altField(index)}
            chosen={chooseAgain.includes(index)}
          />
          <TextField name={altField(index)} label={t("alt", { number: index + 1 })} hint={t("altHint")} state={state} maxLength={ALT_TEXT_MAX} lang={language.lang} dir={language.dir} />
        </fieldset>
      ))}
    </FoldOnError>
  );
}
