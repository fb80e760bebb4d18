"use client";

import { type ReactNode, useId } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { CheckboxField, ChoiceField, SelectField, SubmitButton, TextField } from "@/components/form/form-fields";
import { Form } from "@/components/form/form";
import { Section } from "@/components/section";
import type { FormState } from "@/lib/actions/form-state";
import { VOICE_TITLE_MAX } from "@/lib/voice/limits";
import { PhotoFields, photoSummaryFields } from "@/components/images/photo-fields";
import { photoParts } from "@/components/images/photo-parts";
import { useImageTexts } from "@/components/images/use-image-texts";
import { AudioField } from "./audio-field";

type Option = { value: string; label: string; lang?: string; dir?: "ltr" | "rtl" };

type Props = {
  /** The route handler the form posts to (…/new/voice/send, decision 046). */
  postTo: string;
  /** A refused post's messages and what was typed, read by the page from the route's cookie. */
  initial: FormState<void>;
  dialogueId: string;
  kind: "NEED" | "PROPOSAL";
  themes: Option[];
  languages: Option[];
  defaultLanguage: string;
  codeOfConduct: ReactNode | null;
};

/**
 * "Say it instead" (decision 033). Without JavaScript a file field that opens the phone's
 * recorder (`capture`); with it, the recorder above it fills the same field, so one form posts
 * either way — to a route handler, not a server action, so that only this form takes 5 MB
 * (decision 046). Photos with their descriptions as on the written form (decision 061): the
 * browser cannot keep chosen files through a refused post, so they are asked for again.
 */
export function VoiceForm({ postTo, initial, dialogueId, kind, themes, languages, defaultLanguage, codeOfConduct }: Props) {
  const t = useTranslations("voice");
  const tp = useTranslations("post");
  const state = initial;
  const form = { id: `form${useId().replace(/[^A-Za-z0-9]/g, "")}`, state };
  const images = useImageTexts();
  const spoken = languages.find((option) => option.value === (state.status === "error" ? state.values.language : undefined)) ?? languages.find((option) => option.value === defaultLanguage);
  return (
    <Form form={form} action={postTo} method="post" encType="multipart/form-data" fields={{ audio: { label: t("file") }, ...photoSummaryFields(images) }} noValidate>
      <input type="hidden" name="dialogueId" value={dialogueId} />
      <ChoiceField
        name="kind"
        legend={tp("kindLegend")}
        state={state}
        defaultValue={kind}
        options={[
          { value: "NEED", label: tp("need"), hint: tp("needHint") },
          { value: "PROPOSAL", label: tp("proposal"), hint: tp("proposalHint") },
        ]}
      />
      <ChoiceField name="themeId" legend={tp("theme")} state={state} options={themes} />
      <SelectField name="language" label={t("language")} state={state} options={languages} defaultValue={defaultLanguage} />
      <AudioField formId={form.id} state={state} />
      <TextField name="title" label={t("title")} hint={t("titleHint")} state={state} maxLength={VOICE_TITLE_MAX} />
      <PhotoFields parts={photoParts} t={images} language={{ lang: spoken?.lang ?? defaultLanguage, dir: spoken?.dir ?? "ltr" }} state={state} />
      {codeOfConduct && (
        <Section id="code-of-conduct" heading={tp("codeOfConductHeading")} headingClassName="text-xl" className="mb-4 rounded border border-line bg-surface p-4">
          <p className="mt-1 mb-3 text-sm text-muted">{tp("codeOfConductIntro")}</p>
          <div className="mb-4 space-y-2">{codeOfConduct}</div>
          <CheckboxField name="acceptCodeOfConduct" label={tp("acceptCodeOfConduct")} state={state} />
        </Section>
      )}
      <SubmitButton>{t("submit")}</SubmitButton>
    </Form>
  );
}
