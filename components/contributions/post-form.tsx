"use client";

import type { ReactNode } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { SubmitButton } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";
import { photoSummaryFields, type Translate } from "@/components/images/photo-fields";
import { KeptPhotoFields, KeptPhotoList } from "@/components/images/kept-photos";
import type { FormState } from "@/lib/actions/form-state";
import { IMAGES_PER_CONTRIBUTION } from "@/lib/images/limits";
import { keptAfterRefusal, PENDING_PHOTO_HOURS, type KeptPhoto } from "@/lib/images/kept-photos";
import { useImageTexts } from "@/components/images/use-image-texts";
import type { SimilarOffer } from "@/lib/actions/contributions/create-contribution";
import { CodeOfConductFields, ContributionFields, contributionSummaryFields, type ContributionChoices } from "./contribution-fields";
import { keepTyped, SimilarAsYouType, SimilarList, type SupportInstead } from "./similar-contributions";

type Props = {
  action: FormAction<SimilarOffer | void>;
  /** The page's language and dialogue, for the similar ones' links (decision 051). */
  page: { locale: string; municipality: string; dialogue: string };
  /** "Support this instead" (supportInsteadAction), bound to the post form's page where the page renders it (decision 042). */
  supportInstead: SupportInstead;
  choices: ContributionChoices;
  /** The dialogue's code of conduct, when the person has not accepted it yet. */
  codeOfConduct: ReactNode | null;
};

const FIELDS = Array.from({ length: IMAGES_PER_CONTRIBUTION }, (_, index) => index);

/**
 * The photos kept over an offer (decision 061): the offer's, or after a refused post the ones it
 * carried, less any removed or gone (their fields are offered again, empty, decision 075); `state`:
 * the refused post's, the removed photos' descriptions taken out.
 */
function keptPhotos(state: FormState<SimilarOffer | void>, offer: SimilarOffer | null): { photos: KeptPhoto[]; state?: FormState } {
  if (offer) return { photos: offer.kept };
  if (state.status !== "error") return { photos: [] };
  const { kept, values } = keptAfterRefusal(state);
  return { photos: kept, state: { ...state, values } };
}

export function PostForm({ action, page, supportInstead, choices, codeOfConduct }: Props) {
  const t = useTranslations("post");
  // Full keys: the compiler's union of namespaces gives up on ones added after ~60 (decision 051).
  const ts = useTranslations();
  const texts = ts as unknown as Translate;
  const images = useImageTexts();
  const summaryFields = { ...contributionSummaryFields(texts, choices), ...photoSummaryFields(images) };
  const { dialogueId, languages, defaultLanguage } = choices;
  const written = languages.find((option) => option.value === defaultLanguage);
  return (
    <ActionForm action={action} fields={summaryFields} noValidate>
      {(actionState) => {
        // Similar ones found on the first post (decision 051): shown, with everything typed kept.
        const { kept, offer } = keepTyped(actionState);
        const { photos, state: refused } = keptPhotos(actionState, offer);
        const language = { lang: written?.lang ?? defaultLanguage, dir: written?.dir ?? "ltr" } as const;
        const list = <KeptPhotoList photos={photos} heading={ts("similar.photosKept", { hours: PENDING_PHOTO_HOURS })} images={images} language={language} />;
        return (
          <>
            {offer && (
              <SimilarList items={offer.similar} page={page} supportInstead={supportInstead}>
                {list}
              </SimilarList>
            )}
            <KeptPhotoFields photos={photos} />
            <ContributionFields
              t={texts}
              images={images}
              state={kept ?? refused}
              choices={choices}
              afterText={!offer && <SimilarAsYouType dialogueId={dialogueId} page={page} supportInstead={supportInstead} />}
              beforePhotos={!offer && list}
              photoIndexes={FIELDS.filter((field) => !photos.some((photo) => photo.field === field))}
            />
            {codeOfConduct && (
              <CodeOfConductFields t={texts} state={kept}>
                {codeOfConduct}
              </CodeOfConductFields>
            )}
            <SubmitButton>{offer ? ts("similar.postAnyway") : t("submit")}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
