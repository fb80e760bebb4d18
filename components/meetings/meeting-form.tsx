import { getTranslations } from "next-intl/server";
import { CheckboxField, SubmitButton, TextAreaField, TextField } from "@/components/form/form-fields";
import { CheckboxGroup, type CheckboxOption } from "@/components/form/checkbox-group";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";

type Props = {
  action: FormAction;
  dialogueId: string;
  /** The dialogue's languages, one checkbox each (`language-<code>`). */
  languages: CheckboxOption[];
};

/** A new meeting: date and time are the municipality's local time (Europe/Berlin). */
export async function MeetingForm({ action, dialogueId, languages }: Props) {
  const t = await getTranslations("meetings");
  return (
    <ActionForm action={action} noValidate>
      <input type="hidden" name="dialogueId" value={dialogueId} />
      <TextField name="title" label={t("titleLabel")} maxLength={200} required />
      <TextField name="startsAt" label={t("startsAt")} hint={t("timeHint")} type="datetime-local" required />
      <TextField name="endsAt" label={t("endsAt")} hint={t("endsAtHint")} type="datetime-local" />
      <TextField name="place" label={t("place")} hint={t("placeHint")} maxLength={300} required />
      <CheckboxGroup
        legend={t("languagesLegend")}
        hint={t("languagesHint")}
        errorField="languages"
        prefix="language-"
        options={languages}
        checked={[]}
      />
      <CheckboxField name="interpretationOffered" label={t("interpretationLabel")} />
      <TextAreaField name="description" label={t("description")} hint={t("descriptionHint")} rows={4} maxLength={2000} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
