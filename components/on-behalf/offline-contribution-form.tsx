"use client";

import { useTranslations } from "@/lib/i18n/client";
import { CheckboxField, ChoiceField, SelectField, SubmitButton, TextField } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";
import { photoSummaryFields, type Translate } from "@/components/images/photo-fields";
import { useImageTexts } from "@/components/images/use-image-texts";
import { ContributionFields, contributionSummaryFields, LanguageField, type ContributionChoices, type Option } from "@/components/contributions/contribution-fields";

type Props = {
  action: FormAction;
  choices: ContributionChoices;
  /** The dialogue's meetings, latest first, each labelled with its date. */
  meetings: Option[];
  perspectives: Option[];
};

/**
 * What someone said at a meeting, wrote on paper or told through an interpreter, entered by
 * the person who recorded it: how it reached us (with its language) and whose voice it is, then
 * the fields of a post (contribution-fields.tsx, photos of the flyer or the place as there,
 * decision 055), then the read-back. Every field works without JavaScript; what depends on the
 * source (the meeting, the interpreter) is checked on the server.
 */
export function OfflineContributionForm({ action, choices, meetings, perspectives }: Props) {
  const t = useTranslations("onBehalf");
  const texts = useTranslations() as unknown as Translate;
  const images = useImageTexts();
  const summaryFields = { ...contributionSummaryFields(texts, choices, { onBehalf: true }), ...photoSummaryFields(images) };
  return (
    <ActionForm action={action} fields={summaryFields} noValidate>
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
      <LanguageField t={texts} onBehalf choices={choices} />
      <TextField name="interpreterName" label={t("interpreterName")} hint={t("interpreterNameHint")} maxLength={100} />
      <ChoiceField name="perspective" legend={t("perspectiveLegend")} hint={t("perspectiveHint")} defaultValue="NOT_STATED" options={perspectives} />
      <CheckboxField name="showPerspective" label={t("showPerspective")} hint={t("showPerspectiveHint")} />
      <ContributionFields t={texts} onBehalf images={images} choices={choices} withLanguage={false} />
      <CheckboxField name="readBackConfirmed" label={t("readBack")} hint={t("readBackHint")} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
