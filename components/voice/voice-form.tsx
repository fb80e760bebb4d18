"use client";

import { type ReactNode, useId } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { SubmitButton, TextField } from "@/components/form/form-fields";
import { Form } from "@/components/form/form";
import type { FormState } from "@/lib/actions/form-state";
import { VOICE_TITLE_MAX } from "@/lib/voice/limits";
import { photoSummaryFields, type Translate } from "@/components/images/photo-fields";
import { useImageTexts } from "@/components/images/use-image-texts";
import {
  CodeOfConductFields,
  ContributionFields,
  contributionSummaryFields,
  LanguageField,
  type ContributionChoices,
} from "@/components/contributions/contribution-fields";
import { KeptPhotoFields, KeptPhotoList } from "@/components/images/kept-photos";
import { keptAfterRefusal } from "@/lib/images/kept-photos";
import { IMAGES_PER_CONTRIBUTION } from "@/lib/images/limits";
import { AudioField } from "./audio-field";

type Props = {
  /** The route handler the form posts to (…/new/voice/send, decision 046). */
  postTo: string;
  /** A refused post's messages and what was typed, read by the page from the route's cookie. */
  initial: FormState<void>;
  /** Without places: a voice message says where itself. */
  choices: ContributionChoices;
  kind: "NEED" | "PROPOSAL";
  codeOfConduct: ReactNode | null;
  /** The sentence above the photos a refused post kept (decision 075). */
  keptHeading: string;
};

const FIELDS = Array.from({ length: IMAGES_PER_CONTRIBUTION }, (_, index) => index);

/**
 * "Say it instead" (decision 033). Without JavaScript a file field that opens the phone's
 * recorder (`capture`); with it, the recorder above it fills the same field, so one form posts
 * either way — to a route handler, not a server action, so that only this form takes 5 MB
 * (decision 046). The fields of a written post (decision 072) with the language, the recording
 * and an optional short title in place of the title and the text; photos with their descriptions
 * as there (decision 061): the browser cannot keep chosen files through a refused post, so the
 * server keeps them and the form names them, each with a box to remove it, as the written form
 * does after an offer (decision 075); a photo at fault is asked for again.
 */
export function VoiceForm({ postTo, initial, choices, kind, codeOfConduct, keptHeading }: Props) {
  const t = useTranslations("voice");
  // Full keys, as the post form (decision 051).
  const texts = useTranslations() as unknown as Translate;
  const refused = initial.status === "error" ? keptAfterRefusal(initial) : null;
  const state: FormState<void> = refused && initial.status === "error" ? { ...initial, values: refused.values } : initial;
  const photos = refused?.kept ?? [];
  const spoken = choices.languages.find((option) => option.value === (refused?.values.language ?? choices.defaultLanguage));
  const photoLanguage = { lang: spoken?.lang ?? choices.defaultLanguage, dir: spoken?.dir ?? "ltr" } as const;
  const form = { id: `form${useId().replace(/[^A-Za-z0-9]/g, "")}`, state };
  const images = useImageTexts();
  const words = { language: { label: t("language") }, audio: { label: t("file") }, title: { label: t("title") } };
  return (
    <Form
      form={form}
      action={postTo}
      method="post"
      encType="multipart/form-data"
      fields={{ ...contributionSummaryFields(texts, choices, { words }), ...photoSummaryFields(images) }}
      noValidate
    >
      <ContributionFields
        t={texts}
        images={images}
        state={state}
        choices={choices}
        defaultKind={kind}
        withLanguage={false}
        beforePhotos={
          <>
            <KeptPhotoFields photos={photos} />
            <KeptPhotoList photos={photos} heading={keptHeading} images={images} language={photoLanguage} />
          </>
        }
        photoIndexes={FIELDS.filter((field) => !photos.some((photo) => photo.field === field))}
        words={
          <>
            <LanguageField t={texts} label={words.language.label} state={state} choices={choices} />
            <AudioField formId={form.id} state={state} />
            <TextField name="title" label={words.title.label} hint={t("titleHint")} state={state} maxLength={VOICE_TITLE_MAX} />
          </>
        }
      />
      {codeOfConduct && (
        <CodeOfConductFields t={texts} state={state}>
          {codeOfConduct}
        </CodeOfConductFields>
      )}
      <SubmitButton>{t("submit")}</SubmitButton>
    </Form>
  );
}
