"use client";

import { useTranslations } from "@/lib/i18n/client";
import { CheckboxField, ChoiceField, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";
import { PhotoFields, photoSummaryFields } from "@/components/images/photo-fields";
import { useImageTexts } from "@/components/images/use-image-texts";

type Option = { value: string; label: string; lang?: string; dir?: "ltr" | "rtl" };

type Props = {
  action: FormAction;
  dialogueId: string;
  themes: Option[];
  languages: Option[];
  defaultLanguage: string;
  /** The dialogue's meetings, latest first, each labelled with its date. */
  meetings: Option[];
  perspectives: Option[];
  /** "Where is it about" (components/districts/place-options.ts); empty: no such field. */
  places: Option[];
};

/**
 * What someone said at a meeting, wrote on paper or told through an interpreter, entered by
 * the person who recorded it. Every field works without JavaScript; what depends on the source
 * (the meeting, the interpreter) is checked on the server. Photos as on the post form (decision 055).
 */
export function OfflineContributionForm({ action, dialogueId, themes, languages, defaultLanguage, meetings, perspectives, places }: Props) {
  const t = useTranslations("onBehalf");
  const post = useTranslations("post");
  const images = useImageTexts();
  const photoFields = photoSummaryFields(images);
  const written = languages.find((option) => option.value === defaultLanguage);
  return (
    <ActionForm action={action} fields={photoFields} noValidate>
      <input type="hidden" name="dialogueId" value={dialogueId} />
      <ChoiceField
        name="source"
        legend={t("sourceLegend")}
       
        defaultValue="PAPER"
        options={[
          { value: "MEETING", label: t("sources.MEETING") },
          { value: "PAPER", label: t("sources.PAPER") },
          { value: "INTERPRETED", label: t("sources.INTERPRETED") },
        ]}
      />
      <SelectField name="meetingId" label={t("meeting")} options={[{ value: "", label: t("noMeeting") }, ...meetings]} defaultValue="" />
      <SelectField name="language" label={t("language")} options={languages} defaultValue={defaultLanguage} />
      <TextField name="interpreterName" label={t("interpreterName")} hint={t("interpreterNameHint")} maxLength={100} />
      <ChoiceField name="perspective" legend={t("perspectiveLegend")} hint={t("perspectiveHint")} defaultValue="NOT_STATED" options={perspectives} />
      <CheckboxField name="showPerspective" label={t("showPerspective")} hint={t("showPerspectiveHint")} />
      <ChoiceField
        name="kind"
        legend={post("kindLegend")}
       
        defaultValue="NEED"
        options={[
          { value: "NEED", label: post("need"), hint: post("needHint") },
          { value: "PROPOSAL", label: post("proposal"), hint: post("proposalHint") },
        ]}
      />
      <ChoiceField name="themeId" legend={post("theme")} options={themes} />
      <TextField name="title" label={post("title")} hint={t("titleHint")} maxLength={200} required />
      <TextAreaField name="body" label={post("body")} hint={t("bodyHint")} rows={8} maxLength={5000} required />
      {places.length > 0 && <SelectField name="place" label={post("place")} hint={post("placeHint")} options={places} defaultValue={places[0]?.value} />}
      {/* A photo of the flyer or the place, described in the language of the text (decision 055). */}
      <PhotoFields t={images} language={{ lang: written?.lang ?? defaultLanguage, dir: written?.dir ?? "ltr" }} />
      <CheckboxField name="readBackConfirmed" label={t("readBack")} hint={t("readBackHint")} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
