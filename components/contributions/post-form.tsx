"use client";

import type { ReactNode } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { CheckboxField, ChoiceField, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form/form-fields";
import { Section } from "@/components/section";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";
import { PhotoFields, photoSummaryFields } from "@/components/images/photo-fields";
import { KeptPhotoFields, KeptPhotoList } from "@/components/images/kept-photos";
import type { FormState } from "@/lib/actions/form-state";
import { IMAGES_PER_CONTRIBUTION, photoField } from "@/lib/images/limits";
import { KEPT_PHOTOS_FIELD, keptPhotosOf, type KeptPhoto } from "@/lib/images/kept-photos";
import { useImageTexts } from "@/components/images/use-image-texts";
import type { SimilarOffer } from "@/lib/actions/contributions/create-contribution";
import { keepTyped, SimilarAsYouType, SimilarList } from "./similar-contributions";

type Option = { value: string; label: string; lang?: string; dir?: "ltr" | "rtl" };

type Props = {
  action: FormAction<SimilarOffer | void>;
  /** The page's language and dialogue, for the similar ones' links (decision 051). */
  page: { locale: string; municipality: string; dialogue: string };
  dialogueId: string;
  themes: Option[];
  languages: Option[];
  defaultLanguage: string;
  /** The dialogue's code of conduct, when the person has not accepted it yet. */
  codeOfConduct: ReactNode | null;
  /** "Where is it about" (components/districts/place-options.ts); empty: no such field. */
  places: Option[];
};

const FIELDS = Array.from({ length: IMAGES_PER_CONTRIBUTION }, (_, index) => index);

/**
 * The photos kept over an offer (decision 061): the offer's, or after a refused post the ones it
 * carried, less any the server said are gone (their fields are offered again).
 */
function keptPhotos(state: FormState<SimilarOffer | void>, offer: SimilarOffer | null): KeptPhoto[] {
  if (offer) return offer.kept;
  if (state.status !== "error") return [];
  return keptPhotosOf(state.values[KEPT_PHOTOS_FIELD]).filter((photo) => !state.fieldErrors[photoField(photo.field)]?.some((message) => message.key === "images.errors.keptGone"));
}

export function PostForm({ action, page, dialogueId, themes, languages, defaultLanguage, codeOfConduct, places }: Props) {
  const t = useTranslations("post");
  // Full keys: the compiler's union of namespaces gives up on ones added after ~60 (decision 051).
  const ts = useTranslations();
  const images = useImageTexts();
  const photoFields = photoSummaryFields(images);
  const written = languages.find((option) => option.value === defaultLanguage);
  return (
    <ActionForm action={action} fields={photoFields} noValidate>
      {(actionState) => {
        // Similar ones found on the first post (decision 051): shown, with everything typed kept.
        const { kept, offer } = keepTyped(actionState);
        const photos = keptPhotos(actionState, offer);
        const language = { lang: written?.lang ?? defaultLanguage, dir: written?.dir ?? "ltr" } as const;
        const list = <KeptPhotoList photos={photos} t={ts} images={images} language={language} />;
        return (
          <>
            {offer && (
              <SimilarList items={offer.similar} page={page}>
                {list}
              </SimilarList>
            )}
            <KeptPhotoFields photos={photos} />
            <input type="hidden" name="dialogueId" value={dialogueId} />
            <ChoiceField
              name="kind"
              state={kept}
              legend={t("kindLegend")}
              defaultValue="NEED"
              options={[
                { value: "NEED", label: t("need"), hint: t("needHint") },
                { value: "PROPOSAL", label: t("proposal"), hint: t("proposalHint") },
              ]}
            />
            <ChoiceField name="themeId" legend={t("theme")} state={kept} options={themes} />
            <TextField name="title" state={kept} label={t("title")} hint={t("titleHint")} maxLength={200} required />
            <TextAreaField name="body" state={kept} label={t("body")} hint={t("bodyHint")} rows={8} maxLength={5000} required />
            {!offer && <SimilarAsYouType dialogueId={dialogueId} page={page} />}
            {places.length > 0 && <SelectField name="place" state={kept} label={t("place")} hint={t("placeHint")} options={places} defaultValue={places[0]?.value} />}
            <SelectField name="language" state={kept} label={t("language")} options={languages} defaultValue={defaultLanguage} />
            {!offer && list}
            <PhotoFields t={images} language={language} state={kept} indexes={FIELDS.filter((field) => !photos.some((photo) => photo.field === field))} />
            {codeOfConduct && (
              <Section id="code-of-conduct" heading={t("codeOfConductHeading")} headingClassName="text-xl" className="mb-4 rounded border border-line bg-surface p-4">
                <p className="mt-1 mb-3 text-sm text-muted">{t("codeOfConductIntro")}</p>
                <div className="mb-4 space-y-2">{codeOfConduct}</div>
                <CheckboxField name="acceptCodeOfConduct" state={kept} label={t("acceptCodeOfConduct")} />
              </Section>
            )}
            <SubmitButton>{offer ? ts("similar.postAnyway") : t("submit")}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
