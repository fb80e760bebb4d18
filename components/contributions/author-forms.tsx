import { getTranslations } from "next-intl/server";
import { ActionForm, CheckboxField, FileField, FoldOnError, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form/deferred";
import type { ContributionPageRef, FormAction } from "@/lib/actions/form-state";
import { PhotoFields, photoSummaryFields, type Translate } from "@/components/images/photo-fields";
import { RemovePhotoLabel } from "@/components/images/remove-photo-label";
import { removePhotoField } from "@/lib/images/limits";

type Page = ContributionPageRef;

/**
 * Correcting one's own post, in the first minutes after posting, adding photos to it (decision
 * 055) and taking photos off, each with its own box named by its description (decision 075).
 */
export async function EditContributionForm({
  action,
  page,
  values,
  places,
  photos,
  fold,
}: {
  action: FormAction;
  page: Page;
  values: { title: string; body: string; place: string };
  /** "Where is it about" (components/districts/place-options.ts); empty: no such field. */
  places: { value: string; label: string; lang?: string; dir?: "ltr" | "rtl" }[];
  /**
   * Photos that may be added (decision 055): the free places and the contribution's language;
   * `current`: those the author may take off (not hidden), numbered by their place.
   */
  photos: { free: number[]; current: { id: string; number: number; altText: string }[]; language: { lang: string; dir: "ltr" | "rtl" } };
  /** The fold's label and the hint under it: the fold opens by itself on a refused correction. */
  fold: { summary: string; hint: string };
}) {
  const [t, images] = await Promise.all([getTranslations("post"), getTranslations("images")]);
  const photoTexts: Translate = (key, values) => images(key as Parameters<typeof images>[0], values);
  const photoFields = photoSummaryFields(photoTexts);
  return (
    <ActionForm action={action} fields={photoFields} noValidate>
      <FoldOnError summary={fold.summary} className="rounded border border-line p-3" summaryClassName="cursor-pointer font-semibold text-brand">
        <p className="my-2 text-sm text-muted">{fold.hint}</p>
        <input type="hidden" name="contributionId" value={page.contributionId} />
        <TextField name="title" label={t("title")} defaultValue={values.title} maxLength={200} required />
        <TextAreaField name="body" label={t("body")} defaultValue={values.body} rows={8} maxLength={5000} required />
        {places.length > 0 && <SelectField name="place" label={t("place")} options={places} defaultValue={values.place || places[0]?.value} />}
        {photos.current.length > 0 && (
          <fieldset className="mb-4 rounded border border-line p-3" data-testid="remove-photos">
            <legend className="px-1 font-semibold">{images("listLabel", { count: photos.current.length })}</legend>
            {photos.current.map((photo) => (
              <CheckboxField
                key={photo.id}
                name={removePhotoField(photo.id)}
                label={<RemovePhotoLabel number={photo.number} altText={photo.altText} images={photoTexts} language={photos.language} />}
              />
            ))}
          </fieldset>
        )}
        {photos.free.length > 0 && <PhotoFields parts={{ FileField, FoldOnError, TextField }} t={photoTexts} language={photos.language} indexes={photos.free} />}
        <SubmitButton>{t("save")}</SubmitButton>
      </FoldOnError>
    </ActionForm>
  );
}

/** Withdrawing needs a tick first: a single tap on a small screen should not take a voice back. */
export async function WithdrawContributionForm({ action, page }: { action: FormAction; page: Page }) {
  const t = await getTranslations("post");
  return (
    <ActionForm action={action} noValidate>
      <input type="hidden" name="contributionId" value={page.contributionId} />
      <CheckboxField name="confirm" label={t("withdrawConfirm")} />
      <SubmitButton className="rounded border-2 border-danger bg-white px-4 py-2 font-semibold text-danger hover:bg-danger-soft aria-disabled:opacity-70">
        {t("withdraw")}
      </SubmitButton>
    </ActionForm>
  );
}
